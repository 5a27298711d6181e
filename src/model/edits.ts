/**
 * Edits a person makes on the canvas, as pure functions Cluster → Cluster. Each goes through the
 * same path as applying manifests (toManifestObjects → change → clusterFromObjects), so an edit
 * gets exactly the defaulting, validation and allocation an import gets, and an edit the API
 * server would refuse comes back as its field errors with the cluster unchanged.
 */
import type { Client, Cluster, ClusterSettingsSpec, Pod, Service } from './cluster';
import { validateService } from './validation/service';
import type { FieldError } from './validation/fieldError';
import { clusterFromObjects } from './manifests/fromObjects';
import { toManifestObjects } from './manifests/toObjects';
import { defaultService } from './defaults';
import { deploymentPodName, ownedBy } from './manifests/deployments';
import { isWorkloadKind, workloadOwns, type WorkloadKind } from './manifests/workloads';
import { stableSuffix } from './addressing';
import { CLUSTER_NOW } from './clock';

type Json = Record<string, unknown>;

/** A problem that refuses an edit: an API field path (when there is one) and the message. */
export interface EditError {
  field?: string;
  message: string;
}

/**
 * What an edit did besides the change asked for, as data (the UI words it): a controller that
 * recreated the pod deleted from it, or the pods a deleted object took with it.
 */
export type EditNote =
  | { kind: 'pod-recreated'; controller: { kind: string; name: string }; deleted: ObjectRef; replacement: ObjectRef }
  | { kind: 'pod-not-recreated'; controller: { kind: string; name: string }; deleted: ObjectRef; reason: 'job-complete' }
  | { kind: 'pods-deleted'; owner: { kind: string; name: string }; pods: ObjectRef[] };

export type EditResult = { ok: true; cluster: Cluster; notes?: EditNote[] } | { ok: false; errors: EditError[] };

export interface ObjectRef {
  namespace: string;
  name: string;
}

const isRef = (obj: Json, kind: string, ref: ObjectRef | { name: string }): boolean => {
  const meta = obj.metadata as { name?: string; namespace?: string } | undefined;
  return obj.kind === kind && meta?.name === ref.name && (!('namespace' in ref) || (meta?.namespace ?? 'default') === ref.namespace);
};

/** Applies `change` to the cluster's manifest objects and reads them back; refuses on any error. */
function rebuild(cluster: Cluster, change: (objects: Json[]) => Json[]): EditResult {
  const changed = change(toManifestObjects(cluster));
  const result = clusterFromObjects(changed);
  if (result.errors.length > 0) {
    return { ok: false, errors: result.errors.map((e) => ({ ...(e.field ? { field: e.field } : {}), message: e.message })) };
  }
  return { ok: true, cluster: result.cluster };
}

const fromFieldErrors = (errors: FieldError[]): EditError[] =>
  errors.map((e) => ({ field: e.field, message: `${e.field}: ${e.type === 'Invalid' || e.type === 'NotSupported' ? `${e.type} value: ${JSON.stringify(e.value)}: ` : `${e.type}: `}${e.message}` }));

/**
 * What the Service strategy does when an update changes `type` (pkg/registry/core/service/
 * strategy.go dropTypeDependentFields): fields the old type needed and the new one forbids are
 * cleared, if the user left them as they were — so switching NodePort → ClusterIP just works.
 */
export function dropTypeDependentFields(before: Service, after: Service): Service {
  const spec = { ...after.spec, ports: after.spec.ports.map((p) => ({ ...p })) };
  const was = before.spec.type;
  const now = spec.type;
  if (was === now) return after;
  const needsNodePorts = now === 'NodePort' || (now === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (!needsNodePorts) {
    spec.ports.forEach((p, i) => {
      if (p.nodePort !== undefined && p.nodePort === before.spec.ports[i]?.nodePort) delete p.nodePort;
    });
  }
  if (now !== 'LoadBalancer') {
    if (spec.healthCheckNodePort === before.spec.healthCheckNodePort) delete spec.healthCheckNodePort;
    if (spec.allocateLoadBalancerNodePorts === before.spec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerSourceRanges === before.spec.loadBalancerSourceRanges) delete spec.loadBalancerSourceRanges;
  }
  if (now !== 'NodePort' && now !== 'LoadBalancer' && spec.externalTrafficPolicy === before.spec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (now === 'ExternalName') {
    if (spec.clusterIP === before.spec.clusterIP) delete spec.clusterIP;
    if (spec.clusterIPs === before.spec.clusterIPs) delete spec.clusterIPs;
    delete spec.internalTrafficPolicy;
    delete spec.ipFamilyPolicy;
    delete spec.ipFamilies;
  }
  if (was === 'ExternalName' && spec.externalName === before.spec.externalName) delete spec.externalName;
  // The load balancer's status belongs to the LoadBalancer it was; a new type starts without one.
  const status = now === 'LoadBalancer' ? after.status : { loadBalancer: {} };
  return { ...after, spec, status };
}

/** Replaces one Service with `next`, as `kubectl apply` of the edited object would. */
export function updateService(cluster: Cluster, ref: ObjectRef, next: Service): EditResult {
  const before = cluster.services.find((s) => s.metadata.namespace === ref.namespace && s.metadata.name === ref.name);
  if (!before) return { ok: false, errors: [{ message: `services "${ref.name}" not found` }] };
  const service = defaultService(dropTypeDependentFields(before, next));
  const others = { ...cluster, services: cluster.services.filter((s) => s !== before) };
  const errors = validateService(service, others);
  if (errors.length > 0) return { ok: false, errors: fromFieldErrors(errors) };
  return rebuild(cluster, (objects) =>
    objects.map((o) => (isRef(o, 'Service', ref) ? (JSON.parse(JSON.stringify(service)) as Json) : o)),
  );
}

/**
 * Puts a pod on another node. A real pod never moves: it is deleted and created again there
 * (spec.nodeName is immutable), so it gets a new IP from that node's pod CIDR.
 */
export function reschedulePod(cluster: Cluster, ref: ObjectRef, nodeName: string): EditResult {
  if (!cluster.nodes.some((n) => n.metadata.name === nodeName)) return { ok: false, errors: [{ message: `nodes "${nodeName}" not found` }] };
  return rebuild(cluster, (objects) =>
    objects.map((o) => {
      if (!isRef(o, 'Pod', ref)) return o;
      const status = { ...(o.status as Json) };
      delete status.podIP;
      delete status.podIPs;
      return { ...o, spec: { ...(o.spec as Json), nodeName }, status };
    }),
  );
}

/** Changes a pod's labels, readiness or container ports. */
export function updatePod(cluster: Cluster, ref: ObjectRef, patch: { labels?: Record<string, string>; ready?: boolean; containers?: Pod['spec']['containers'] }): EditResult {
  return rebuild(cluster, (objects) =>
    objects.map((o) => {
      if (!isRef(o, 'Pod', ref)) return o;
      const metadata = { ...(o.metadata as Json), ...(patch.labels ? { labels: patch.labels } : {}) };
      const spec = { ...(o.spec as Json), ...(patch.containers ? { containers: patch.containers } : {}) };
      const status = { ...(o.status as Json) };
      if (patch.ready !== undefined) status.conditions = [{ type: 'Ready', status: patch.ready ? 'True' : 'False' }];
      return { ...o, metadata, spec, status };
    }),
  );
}

/** Changes what no Kubernetes object holds: provider, node subnet visibility, node-port range… */
export function updateSettings(cluster: Cluster, patch: Partial<ClusterSettingsSpec>): EditResult {
  // Without a cloud provider no controller answers for LoadBalancers: their addresses go, and
  // they show <pending> (a provider coming back hands out addresses again on rebuild).
  const leavingCloud = patch.provider === 'bare-metal' && cluster.settings.provider !== 'bare-metal';
  return rebuild(cluster, (objects) =>
    objects.map((o) => {
      if (o.kind === 'ClusterSettings') return { ...o, spec: { ...(o.spec as Json), ...patch } };
      if (leavingCloud && o.kind === 'Service') return { ...o, status: { loadBalancer: {} } };
      return o;
    }),
  );
}

export type DeletableRef =
  | { kind: 'Node'; name: string }
  | { kind: 'Pod' | 'Service' | 'Ingress' | 'Deployment' | WorkloadKind; namespace: string; name: string }
  | { kind: 'Client'; name: string };

/** The controller a pod belongs to: a Deployment (through its ReplicaSet) or a kept workload. */
function controllerOfPod(cluster: Cluster, pod: Pod): { kind: string; name: string } | undefined {
  const deployment = cluster.deployments?.find((d) => ownedBy(pod, d));
  if (deployment) return { kind: 'Deployment', name: deployment.metadata.name };
  const workload = cluster.workloads?.find((w) => workloadOwns(w, pod));
  return workload && { kind: workload.kind, name: workload.metadata.name };
}

/**
 * The pod the controller creates when one of its pods is deleted, as a manifest object: the
 * ReplicaSet (a Deployment's too) and the DaemonSet make a new pod with a new generated name (the
 * DaemonSet's on the same node), the StatefulSet the same ordinal again; each is created now and
 * goes to the scheduler afresh (the DaemonSet's stays pinned to its node), so it gets a new IP.
 * A Job's pods have run to completion: a complete Job makes none (undefined).
 */
function replacementPod(cluster: Cluster, pod: Json, controller: { kind: string }, taken: Set<string>): Json | undefined {
  if (controller.kind === 'Job' || controller.kind === 'CronJob') return undefined;
  const meta = pod.metadata as { name: string; namespace?: string; [k: string]: unknown };
  const namespace = meta.namespace ?? 'default';
  const spec = { ...(pod.spec as Json) };
  let name = meta.name;
  if (controller.kind === 'Deployment') {
    const deployment = cluster.deployments!.find((d) => d.metadata.namespace === namespace && ownedBy(podOf(cluster, namespace, meta.name)!, d))!;
    for (let i = 0; ; i++) if (!taken.has(name = deploymentPodName(deployment, i))) break;
  } else if (controller.kind !== 'StatefulSet') {
    // generateName: the owner's name and a fresh suffix (the DaemonSet's per node, like its others).
    const prefix = meta.name.replace(/-[^-]+$/, '');
    for (let i = 1; ; i++) if (!taken.has(name = `${prefix}-${stableSuffix(`${namespace}/${meta.name}/replacement/${i}`)}`)) break;
  }
  // Bound by the scheduler, not by the template: the new pod is scheduled again (a DaemonSet pod
  // keeps its node, which its node affinity names).
  if (controller.kind !== 'DaemonSet' && !templatePinsNode(cluster, pod, controller)) delete spec.nodeName;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, name, creationTimestamp: CLUSTER_NOW }, spec };
}

const podOf = (cluster: Cluster, namespace: string, name: string): Pod | undefined =>
  cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);

/** Whether the controller's pod template itself sets spec.nodeName (then every pod of it is bound there). */
function templatePinsNode(cluster: Cluster, pod: Json, controller: { kind: string; name?: string }): boolean {
  const meta = pod.metadata as { namespace?: string };
  const namespace = meta.namespace ?? 'default';
  if (controller.kind === 'Deployment') {
    return (cluster.deployments ?? []).some((d) => d.metadata.namespace === namespace && d.metadata.name === controller.name && d.spec.template.spec.nodeName !== undefined);
  }
  const w = cluster.workloads?.find((x) => x.kind === controller.kind && x.metadata.name === controller.name && ((x.metadata.namespace as string | undefined) ?? 'default') === namespace);
  const template = ((w?.spec as Json | undefined)?.template as Json | undefined)?.spec as Json | undefined;
  return typeof template?.nodeName === 'string';
}

/**
 * Deletes an object. Deleting a node deletes the pods bound to it (as the pod GC does for pods of a
 * node that is gone); deleting a Deployment or another workload deletes its pods (the garbage
 * collector follows their owner references). Deleting a pod a controller owns is what
 * `kubectl delete pod` does: the controller makes a replacement (see replacementPod), which the
 * result's notes name.
 */
export function deleteObject(cluster: Cluster, ref: DeletableRef): EditResult {
  if (ref.kind === 'Client') {
    const clients = cluster.settings.clients.filter((c: Client) => c.name !== ref.name);
    return updateSettings(cluster, { clients });
  }
  const key = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;
  const deployment = ref.kind === 'Deployment'
    ? cluster.deployments?.find((d) => d.metadata.namespace === ref.namespace && d.metadata.name === ref.name)
    : undefined;
  const workload = isWorkloadKind(ref.kind) && 'namespace' in ref
    ? cluster.workloads?.find((w) => w.kind === ref.kind && w.metadata.name === ref.name && ((w.metadata.namespace as string | undefined) ?? 'default') === ref.namespace)
    : undefined;
  if (isWorkloadKind(ref.kind) && !workload && 'namespace' in ref) return { ok: false, errors: [{ message: `${ref.kind.toLowerCase()}s.${ref.kind === 'Job' || ref.kind === 'CronJob' ? 'batch' : 'apps'} "${ref.name}" not found` }] };
  const doomed = cluster.pods.filter((p) => (ref.kind === 'Node' && p.spec.nodeName === ref.name)
    || (deployment && ownedBy(p, deployment))
    || (workload && workloadOwns(workload, p)));
  const doomedPods = new Set(doomed.map(key));
  const notes: EditNote[] = [];
  if ((deployment || workload) && doomed.length) {
    notes.push({ kind: 'pods-deleted', owner: { kind: ref.kind, name: ref.name }, pods: doomed.map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name })) });
  }
  // Deleting a CronJob takes the Jobs it made, and their pods.
  const ownedJobs = ref.kind === 'CronJob' ? (cluster.workloads ?? []).filter((w) => w.kind === 'Job' && ((w.metadata.namespace as string | undefined) ?? 'default') === (ref as ObjectRef).namespace
    && ((w.metadata.ownerReferences as { kind?: string; name?: string; controller?: boolean }[] | undefined) ?? []).some((o) => o.controller && o.kind === 'CronJob' && o.name === ref.name)) : [];
  for (const job of ownedJobs) for (const p of cluster.pods) if (workloadOwns(job, p)) doomedPods.add(key(p));

  const podRef = ref.kind === 'Pod' ? { namespace: ref.namespace, name: ref.name } : undefined;
  const pod = podRef && podOf(cluster, podRef.namespace, podRef.name);
  const controller = pod && controllerOfPod(cluster, pod);
  return withNotes(rebuild(cluster, (objects) => {
    const out = objects.filter((o) => {
      if (isRef(o, ref.kind, ref)) return false;
      if (ownedJobs.some((j) => isRef(o, 'Job', { namespace: (j.metadata.namespace as string | undefined) ?? 'default', name: j.metadata.name }))) return false;
      const meta = o.metadata as { name: string; namespace?: string };
      return !(o.kind === 'Pod' && doomedPods.has(`${meta.namespace ?? 'default'}/${meta.name}`));
    });
    if (podRef && pod && controller) {
      const deleted = objects.find((o) => isRef(o, 'Pod', podRef));
      const taken = new Set([...cluster.pods.filter((p) => p.metadata.namespace === podRef.namespace).map((p) => p.metadata.name)]);
      if (controller.kind === 'StatefulSet') taken.delete(podRef.name);
      const replacement = deleted && replacementPod(cluster, deleted, controller, taken);
      const deletedRef = { ...podRef };
      if (replacement) {
        out.push(replacement);
        notes.push({ kind: 'pod-recreated', controller, deleted: deletedRef, replacement: { namespace: podRef.namespace, name: (replacement.metadata as { name: string }).name } });
      } else {
        // The Job stays Complete with the successes it counted; its status says so from now on, so
        // reading the objects back neither runs it again nor forgets a success.
        const job = out.find((o) => isRef(o, controller.kind, { namespace: podRef.namespace, name: controller.name }));
        if (job && !(job.status && typeof job.status === 'object')) {
          const owner = cluster.workloads!.find((w) => w.kind === controller.kind && w.metadata.name === controller.name && ((w.metadata.namespace as string | undefined) ?? 'default') === podRef.namespace)!;
          const succeeded = cluster.pods.filter((p) => p.status.phase === 'Succeeded' && workloadOwns(owner, p)).length;
          job.status = { succeeded, conditions: [{ type: 'Complete', status: 'True' }] };
        }
        notes.push({ kind: 'pod-not-recreated', controller, deleted: deletedRef, reason: 'job-complete' });
      }
    }
    return out;
  }), notes);
}

const withNotes = (result: EditResult, notes: EditNote[]): EditResult => (result.ok && notes.length ? { ...result, notes } : result);

/** Adds manifest objects (a new Service, Pod, Node, Deployment, Ingress), allocated like an import. */
export function addObjects(cluster: Cluster, objects: readonly Json[]): EditResult {
  return rebuild(cluster, (existing) => [...existing, ...objects]);
}

/** The first of `base`, `base-2`, `base-3`… not taken yet. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}-${i}`)) return `${base}-${i}`;
}
