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
import { ownedBy } from './manifests/deployments';

type Json = Record<string, unknown>;

/** A problem that refuses an edit: an API field path (when there is one) and the message. */
export interface EditError {
  field?: string;
  message: string;
}

export type EditResult = { ok: true; cluster: Cluster } | { ok: false; errors: EditError[] };

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
  | { kind: 'Pod' | 'Service' | 'Ingress' | 'Deployment'; namespace: string; name: string }
  | { kind: 'Client'; name: string };

/**
 * Deletes an object. Deleting a node deletes the pods bound to it (as the pod GC does for pods of a
 * node that is gone); deleting a Deployment deletes its pods.
 */
export function deleteObject(cluster: Cluster, ref: DeletableRef): EditResult {
  if (ref.kind === 'Client') {
    const clients = cluster.settings.clients.filter((c: Client) => c.name !== ref.name);
    return updateSettings(cluster, { clients });
  }
  const deployment = ref.kind === 'Deployment'
    ? cluster.deployments?.find((d) => d.metadata.namespace === ref.namespace && d.metadata.name === ref.name)
    : undefined;
  const doomedPods = new Set(
    cluster.pods
      .filter((p) => (ref.kind === 'Node' && p.spec.nodeName === ref.name) || (deployment && ownedBy(p, deployment)))
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
  );
  return rebuild(cluster, (objects) =>
    objects.filter((o) => {
      if (isRef(o, ref.kind, ref)) return false;
      const meta = o.metadata as { name: string; namespace?: string };
      return !(o.kind === 'Pod' && doomedPods.has(`${meta.namespace ?? 'default'}/${meta.name}`));
    }),
  );
}

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
