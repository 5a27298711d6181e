/**
 * Manifest objects (already parsed: JSON values, one per document) → a Cluster, the way applying
 * them to a fresh cluster would: defaults, validation, the controllers' expansions, allocation.
 * No YAML here: the default scenario is built through this module at startup without the parser.
 *
 * The steps, in order: read and validate each object (kinds the model does not draw are kept
 * verbatim); mirror legacy Endpoints (endpointsMirroring.ts); add cluster DNS; expand Deployments
 * and the workloads of workloads/ (a dump's listed pods stand for them); settle the nodes (pods' and
 * endpoints' nodes by name, else the default pool of defaultNodes.ts); expand DaemonSets over the
 * final nodes; allocate node addresses, schedule pods (nodeFit.ts filters) and give them IPs;
 * allocate Services. Every pod no node takes gets one warning per workload, with the scheduler's reason.
 */
import { DEFAULT_SETTINGS, SETTINGS_API_VERSION, type Cluster, type ClusterSettingsSpec, type Deployment, type EndpointSlice, type Ingress, type KeptObject, type Node, type Pod, type Service } from '../cluster';
import { DEFAULT_OBJECT_CREATED } from '../clock';
import { allocationErrors, holdValues, takenIndex } from '../validation/allocation';
import { isRecord, type Json } from '../validation/coerce';
import { formatFieldError, type FieldError } from '../validation/fieldError';
import { validateObjectMeta } from '../validation/meta';
import { isDNS1123Subdomain } from '../validation/names';
import { decodeError } from '../validation/decode';
import { validateEndpointSliceSpec } from '../validation/endpointSlice';
import { validateIngressSpec } from '../validation/ingress';
import { nodeNetworkRefusals, podNetworkRefusals } from '../validation/network';
import { validateNodeSpec } from '../validation/node';
import { validatePodSpec } from '../validation/pod';
import { validateServiceSpec } from '../validation/service';
import { settingsEnumErrors, validateSettings, type SettingsError } from '../validation/settings';
import { validateDeploymentSpec } from '../validation/workloads';
import { allocateClients, allocateNodes, allocatePods, allocateServices } from './allocate';
import { expandDeployment, ownedBy } from './deployments';
import { issueAt, type ManifestIssue, type Origin } from './issues';
import { readDeployment, readNode, readPod } from './readCore';
import { defaultDnsServiceIP, readEndpointSlice, readIngress, readService, readSettings } from './readNetwork';
import { inferSettings } from './inferSettings';
import { COREDNS_DEPLOYMENT, KUBE_DNS_LABELS, KUBE_DNS_NAMESPACE, missingKubeDnsObjects } from '../addons/kubeDns';
import { isWorkloadKind, readWorkload, WORKLOAD_VERSIONS, type Workload } from './workloads/index';
import { ownedByDeployment } from './workloads/workload';
import { nodeFacts } from './nodeFit';
import { defaultNodePool, DEFAULT_POOL_NAMES } from './defaultNodes';
import { mirrorEndpoints } from './endpointsMirroring';
import { dualStackToIPv4 } from './dualStack';
import { jsonCopy } from './jsonCopy';

/** What parseManifests and clusterFromObjects return. `cluster` holds every valid object. */
export interface ManifestResult {
  cluster: Cluster;
  errors: ManifestIssue[];
  warnings: ManifestIssue[];
  /**
   * The objects of kinds the model does not draw, now in `cluster.kept`, counted per kind in the
   * order each kind first appears (after later definitions replaced earlier ones): the UI words it
   * ("kept, not drawn: 3 ConfigMaps, 2 Secrets"). No per-object warning is given for them.
   */
  kept: KeptKindCount[];
}

export interface KeptKindCount { kind: string; count: number }

/** The API versions each modelled kind is served at. */
const API_VERSIONS: Record<string, string> = {
  Node: 'v1', Pod: 'v1', Service: 'v1', EndpointSlice: 'discovery.k8s.io/v1', Ingress: 'networking.k8s.io/v1',
  Deployment: 'apps/v1', ClusterSettings: SETTINGS_API_VERSION, ...WORKLOAD_VERSIONS,
};


interface Located { obj: Json; origin: Origin }

/** Unwraps `kind: List` (and typed lists such as ServiceList) the way kubectl does. */
function flatten(documents: readonly unknown[], errors: ManifestIssue[]): Located[] {
  const out: Located[] = [];
  documents.forEach((doc, document) => {
    if (doc === null || doc === undefined) return;
    if (!isRecord(doc)) {
      errors.push(issueAt({ document }, 'error', 'error validating data: the document is not an object'));
      return;
    }
    if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) {
      doc.items.forEach((item, i) => {
        if (isRecord(item)) out.push({ obj: item, origin: { document, item: i } });
        else errors.push(issueAt({ document, item: i }, 'error', 'error validating data: the list item is not an object'));
      });
      return;
    }
    out.push({ obj: doc, origin: { document } });
  });
  return out;
}

const name = (obj: Json): string | undefined => (isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : undefined);

/**
 * Builds a Cluster from manifest objects. Never throws; problems come back as errors (the object
 * is left out) or warnings (the object is used, with what the warning says). Objects of kinds the
 * model does not draw are kept verbatim in `cluster.kept` and counted in `kept`.
 */
export function clusterFromObjects(documents: readonly unknown[]): ManifestResult {
  const errors: ManifestIssue[] = [];
  const warnings: ManifestIssue[] = [];
  const located = flatten(documents, errors);
  const settingsDoc = located.find((l) => l.obj.kind === 'ClusterSettings' && l.obj.apiVersion === SETTINGS_API_VERSION);
  const fieldErrors = (origin: Origin, kind: string, objName: string, errs: FieldError[]): void => {
    for (const e of errs) {
      const message = e.type === 'Internal' ? formatFieldError(e) : `The ${kind} "${objName}" is invalid: ${formatFieldError(e)}`;
      errors.push(issueAt(origin, 'error', message, { kind, name: objName, ...(e.field ? { field: e.field } : {}) }));
    }
  };
  const settingsDecode = settingsDoc && decodeError('ClusterSettings', settingsDoc.obj);
  if (settingsDoc && settingsDecode) errors.push(issueAt(settingsDoc.origin, 'error', settingsDecode.message, { kind: 'ClusterSettings', field: settingsDecode.field }));
  const { clientsNeedingIP: _ignored, ...read } = readSettings(settingsDecode ? undefined : settingsDoc?.obj);
  const settings = settingsDoc
    ? checkedSettings(read, settingsDecode ? [] : settingsEnumErrors(isRecord(settingsDoc.obj.spec) ? settingsDoc.obj.spec : {}), (errs) => fieldErrors(settingsDoc.origin, 'ClusterSettings', name(settingsDoc.obj) ?? 'cluster', errs))
    : inferSettings(read, located.map((l) => l.obj));
  const clientsNeedingIP = settings.clients.flatMap((c, i) => (c.ip ? [] : [i]));
  const cluster: Cluster = { settings, nodes: [], pods: [], services: [], endpointSlices: [], ingresses: [], deployments: [] };
  const workloads: Workload[] = [];
  const kept: KeptObject[] = [];
  const keptAt = new Map<string, KeptObject>();
  /** Pods a controller made: the workload's origin and kind/name, for warnings about them. */
  const madeBy = new Map<Pod, { origin: Origin; kind: string; name: string }>();
  const finished = new Set<Pod>();
  const dualStack: string[] = [];
  const dualStackNodes: string[] = [];
  const phaseGiven = new Set<Pod>();
  const seen = new Map<string, number>();
  const origins = new Map<object, Origin>();
  const taken = takenIndex();
  /** Later definitions of the same object replace earlier ones, as repeated `kubectl apply` does. */
  const add = <T extends { metadata: { name: string; namespace?: string } }>(listOf: T[], item: T, kind: string, origin: Origin): void => {
    const id = `${kind}/${item.metadata.namespace ?? ''}/${item.metadata.name}`;
    const at = seen.get(id);
    if (at !== undefined) {
      warnings.push(issueAt(origin, 'warning', `${kind} "${item.metadata.name}" is defined more than once; the last definition wins`, { kind, name: item.metadata.name }));
      const index = listOf.findIndex((x) => x.metadata.name === item.metadata.name && x.metadata.namespace === item.metadata.namespace);
      listOf.splice(index, 1);
    }
    seen.set(id, 1);
    origins.set(item, origin);
    listOf.push(item);
  };

  for (const { obj, origin } of located) {
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
    if (!kind || !apiVersion) {
      const missing = [!apiVersion && 'apiVersion not set', !kind && 'kind not set'].filter(Boolean).join(', ');
      errors.push(issueAt(origin, 'error', `error validating data: [${missing}]`, { field: !kind ? 'kind' : 'apiVersion' }));
      continue;
    }
    const expected = Object.hasOwn(API_VERSIONS, kind) ? API_VERSIONS[kind] : undefined;
    if (expected === undefined) {
      keepObject(obj, kind, origin);
      continue;
    }
    if (apiVersion !== expected) {
      errors.push(issueAt(origin, 'error', `no matches for kind "${kind}" in version "${apiVersion}"`, { kind, name: name(obj), field: 'apiVersion' }));
      continue;
    }
    if (kind === 'ClusterSettings') {
      if (settingsDoc && settingsDoc.obj !== obj) warnings.push(issueAt(origin, 'warning', 'only the first ClusterSettings document is used', { kind }));
      continue;
    }
    // The decoder's type errors come before any validation, as on the API server.
    const decode = decodeError(kind, obj);
    if (decode) {
      errors.push(issueAt(origin, 'error', decode.message, { kind, name: name(obj), field: decode.field }));
      continue;
    }
    readKind(kind, obj, origin);
  }

  /** An object of a kind the model does not draw: kept as given; a later one with the same identity replaces it. */
  function keepObject(obj: Json, kind: string, origin: Origin): void {
    const objName = name(obj);
    if (!objName) {
      errors.push(issueAt(origin, 'error', `${kind} has no metadata.name: resource name may not be empty`, { kind, field: 'metadata.name' }));
      return;
    }
    const copy = jsonCopy(obj) as KeptObject | undefined;
    if (!copy) {
      errors.push(issueAt(origin, 'error', `${kind} "${objName}" is not plain JSON data, so it cannot be kept`, { kind, name: objName }));
      return;
    }
    const meta = copy.metadata as { namespace?: unknown };
    const id = `${String(copy.apiVersion).split('/').slice(0, -1).join('/')}/${kind}/${typeof meta.namespace === 'string' ? meta.namespace : ''}/${objName}`;
    const before = keptAt.get(id);
    if (before) {
      warnings.push(issueAt(origin, 'warning', `${kind} "${objName}" is defined more than once; the last definition wins`, { kind, name: objName }));
      kept.splice(kept.indexOf(before), 1);
    }
    keptAt.set(id, copy);
    origins.set(copy, origin);
    kept.push(copy);
  }

  function readKind(kind: string, obj: Json, origin: Origin): void {
    if (isWorkloadKind(kind)) {
      const { workload, errors: errs, warnings: notes } = readWorkload(kind, obj);
      if (errs.length) return fieldErrors(origin, kind, workload.meta.name, errs);
      if (!workload.kept.metadata) return fieldErrors(origin, kind, workload.meta.name, [{ field: '', type: 'Internal', message: `${kind} "${workload.meta.name}" is not plain JSON data, so it cannot be kept` }]);
      for (const note of notes) warnings.push(issueAt(origin, 'warning', note, { kind, name: workload.meta.name }));
      const id = `${kind}/${workload.meta.namespace}/${workload.meta.name}`;
      const at = workloads.findIndex((w) => `${w.kind}/${w.meta.namespace}/${w.meta.name}` === id);
      if (at >= 0) {
        warnings.push(issueAt(origin, 'warning', `${kind} "${workload.meta.name}" is defined more than once; the last definition wins`, { kind, name: workload.meta.name }));
        workloads.splice(at, 1);
      }
      origins.set(workload, origin);
      workloads.push(workload);
      return;
    }
    switch (kind) {
      case 'Service': {
        const ipv4 = dualStackToIPv4(obj);
        if (ipv4) {
          dualStack.push(name(obj) ?? '');
          obj = ipv4;
        }
        const svc: Service = readService(obj);
        const rawSpec = isRecord(obj.spec) ? obj.spec : {};
        if (rawSpec.sessionAffinityConfig != null && (rawSpec.sessionAffinity ?? 'None') === 'None') {
          // SetDefaults_Service clears it before validation, so the API server accepts the object.
          warnings.push(issueAt(origin, 'warning', `Service "${svc.metadata.name}": spec.sessionAffinityConfig is dropped: the API server clears it when sessionAffinity is None`, { kind, name: svc.metadata.name, field: 'spec.sessionAffinityConfig' }));
        }
        const errs = validateServiceSpec(svc);
        const allocErrs = errs.length ? [] : allocationErrors(svc, cluster, taken);
        if (errs.length || allocErrs.length) return fieldErrors(origin, 'Service', svc.metadata.name, [...allocErrs, ...errs]);
        holdValues(taken, svc);
        return add(cluster.services, svc, kind, origin);
      }
      case 'Node': {
        const node: Node = readNode(obj);
        // A dual-stack node reports an IPv6 InternalIP (and ExternalIP) too: the model routes IPv4.
        const v6 = node.status.addresses.filter((a) => (a.type === 'InternalIP' || a.type === 'ExternalIP') && a.address.includes(':'));
        if (v6.length && node.status.addresses.some((a) => a.type === 'InternalIP' && !a.address.includes(':'))) {
          node.status.addresses = node.status.addresses.filter((a) => !v6.includes(a));
          dualStackNodes.push(node.metadata.name);
        }
        const errs = [...validateObjectMeta(node.metadata, false, isDNS1123Subdomain), ...validateNodeSpec(node)];
        if (errs.length) return fieldErrors(origin, 'Node', node.metadata.name, errs);
        return add(cluster.nodes, node, kind, origin);
      }
      case 'Pod': {
        const { pod, phaseGiven: given } = readPod(obj);
        const errs = [...validateObjectMeta(pod.metadata, true, isDNS1123Subdomain), ...validatePodSpec(pod)];
        if (errs.length) return fieldErrors(origin, 'Pod', pod.metadata.name, errs);
        // A phase is kept only where it can be true: Running (or done) needs a node it was bound to;
        // without one the scheduler places the pod first.
        if (given && (pod.spec.nodeName || pod.status.phase === 'Pending')) phaseGiven.add(pod);
        return add(cluster.pods, pod, kind, origin);
      }
      case 'Deployment': {
        const deployment: Deployment = readDeployment(obj);
        const selector = isRecord(obj.spec) && isRecord(obj.spec.selector) ? obj.spec.selector : {};
        const hasExpressions = Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0;
        const errs = [...validateObjectMeta(deployment.metadata, true, isDNS1123Subdomain), ...validateDeploymentSpec(deployment, hasExpressions)];
        if (errs.length) return fieldErrors(origin, 'Deployment', deployment.metadata.name, errs);
        return add(cluster.deployments!, deployment, kind, origin);
      }
      case 'EndpointSlice': {
        // A dual-stack cluster's IPv6 slices: the model routes IPv4 only, so they are kept, not drawn.
        if (obj.addressType === 'IPv6') return keepObject(obj, kind, origin);
        const slice: EndpointSlice = readEndpointSlice(obj);
        const errs = [...validateObjectMeta(slice.metadata, true, isDNS1123Subdomain), ...validateEndpointSliceSpec(slice)];
        if (errs.length) return fieldErrors(origin, 'EndpointSlice', slice.metadata.name, errs);
        if (!slice.metadata.labels?.['kubernetes.io/service-name']) {
          warnings.push(issueAt(origin, 'warning', `EndpointSlice "${slice.metadata.name}" has no kubernetes.io/service-name label, so no Service uses it`, { kind, name: slice.metadata.name, field: 'metadata.labels' }));
        }
        return add(cluster.endpointSlices, slice, kind, origin);
      }
      case 'Ingress': {
        const ingress: Ingress = readIngress(obj);
        const errs = [...validateObjectMeta(ingress.metadata, true, isDNS1123Subdomain), ...validateIngressSpec(ingress)];
        if (errs.length) return fieldErrors(origin, 'Ingress', ingress.metadata.name, errs);
        return add(cluster.ingresses, ingress, kind, origin);
      }
    }
  }

  // Whether the user's own objects need nodes to run pods on. Cluster DNS (its CoreDNS Deployment
  // and pods) does not count: every cluster has it, and the model adds it to an empty one, so an
  // empty cluster written out and read back stays without nodes.
  const isDns = (o: Pod | Deployment): boolean => o.metadata.namespace === KUBE_DNS_NAMESPACE
    && (o.kind === 'Deployment' ? o.metadata.name === COREDNS_DEPLOYMENT : o.metadata.labels?.['k8s-app'] === KUBE_DNS_LABELS['k8s-app']);
  const userPlacesPods = cluster.pods.some((p) => !isDns(p)) || cluster.deployments!.some((d) => !isDns(d)) || workloads.some((w) => w.kind !== 'CronJob');
  // v1 Endpoints of Services without a selector, mirrored into EndpointSlices (kept themselves).
  for (const { slice, origin } of mirrorEndpoints(kept, cluster, origins)) readKind('EndpointSlice', slice, origin);
  for (const obj of missingKubeDnsObjects(cluster)) readKind(obj.kind as string, obj, { document: -1 });
  // The ReplicaSet controller's pods, unless the manifests already list them (a cluster dump).
  for (const deployment of cluster.deployments!) {
    if (cluster.pods.some((p) => ownedBy(p, deployment))) continue;
    const origin = origins.get(deployment) ?? { document: -1 };
    for (const pod of expandDeployment(deployment, DEFAULT_OBJECT_CREATED)) {
      madeBy.set(pod, { origin, kind: 'Deployment', name: deployment.metadata.name });
      cluster.pods.push(pod);
    }
  }
  for (const d of cluster.deployments!) d.metadata.creationTimestamp ??= DEFAULT_OBJECT_CREATED;
  if (cluster.deployments!.length === 0) delete cluster.deployments;
  /** A workload's pods, unless a dump already lists them or a Deployment here stands for it. */
  const expand = (w: Workload, nodes: ReturnType<typeof nodeFacts>[]): void => {
    if (w.kind === 'ReplicaSet' && ownedByDeployment(w.meta, cluster)) return;
    const owned = cluster.pods.filter((p) => w.owns(p));
    // The DaemonSet controller works node by node, the StatefulSet controller ordinal by ordinal:
    // one the model runs (no status: not a snapshot of a cluster) gets the pods it lacks, e.g. on a
    // node added since, or ordinals past a scale-up. Other workloads, and a dump's, keep the pods listed.
    const covered = w.identity && !isRecord(w.kept.status) ? new Set(owned.map(w.identity)) : undefined;
    if (owned.length && !covered) return;
    const origin = origins.get(w) ?? { document: -1 };
    for (const pod of w.expand(nodes, DEFAULT_OBJECT_CREATED)) {
      if (covered?.has(w.identity!(pod))) continue;
      madeBy.set(pod, { origin, kind: w.kind, name: w.meta.name });
      if (w.finished) finished.add(pod);
      cluster.pods.push(pod);
    }
  };
  for (const w of workloads) if (!w.perNode) expand(w, []);
  // A CronJob from a cluster (it has run: status.lastScheduleTime, or Jobs here it controls) has
  // the pods those Jobs list; one just applied has none yet, which the notice says.
  const hasRun = (w: Workload): boolean => isRecord(w.kept.status) && w.kept.status.lastScheduleTime != null
    || workloads.some((j) => j.kind === 'Job' && j.meta.namespace === w.meta.namespace && j.meta.ownerReferences?.some((r) => r.controller && r.kind === 'CronJob' && r.name === w.meta.name));
  const cronJobs = workloads.filter((w) => w.kind === 'CronJob' && !hasRun(w)).map((w) => w.meta.name);
  if (cronJobs.length) {
    const which = cronJobs.length === 1 ? `CronJob "${cronJobs[0]}" has` : `${cronJobs.length} CronJobs (${cronJobs.map((n) => `"${n}"`).join(', ')}) have`;
    warnings.push({ severity: 'warning', document: -1, kind: 'CronJob', message: `${which} no pods: a CronJob creates a Job each time its schedule fires, and on a cluster it was just applied to, none has fired yet` });
  }

  const refuse = <T extends Node | Pod | Service>(list: T[], refusals: { object: T; errors: FieldError[] }[]): void => {
    for (const { object, errors: errs } of refusals) fieldErrors(origins.get(object) ?? { document: -1 }, object.kind, object.metadata.name, errs);
    const gone = new Set<T>(refusals.map((r) => r.object));
    if (gone.size) list.splice(0, list.length, ...list.filter((o) => !gone.has(o)));
  };
  refuse(cluster.nodes, nodeNetworkRefusals(cluster.nodes));

  // A pod bound to a node the manifests do not describe. A dump of pods alone (no Node at all):
  // add the nodes they name, so it still draws. Otherwise no kubelet runs the pod: it stays
  // Pending, and the model leaves it unbound (the pod garbage collector deletes such pods).
  const describedNodes = cluster.nodes.length > 0;
  const nodeNames = new Set(cluster.nodes.map((n) => n.metadata.name));
  for (const pod of cluster.pods) {
    const nodeName = pod.spec.nodeName;
    if (!nodeName || nodeNames.has(nodeName)) continue;
    if (describedNodes) {
      warnings.push(issueAt(origins.get(pod) ?? { document: -1 }, 'warning', `pod "${pod.metadata.name}" is bound to node "${nodeName}", which is not in the manifests: no kubelet runs it, so it is kept Pending without a node`, { kind: 'Pod', name: pod.metadata.name, field: 'spec.nodeName' }));
      delete pod.spec.nodeName;
      delete pod.status.podIP;
      pod.status.phase = 'Pending';
      phaseGiven.add(pod);
      continue;
    }
    warnings.push({ severity: 'warning', document: -1, kind: 'Node', name: nodeName, message: `node "${nodeName}" (of pod "${pod.metadata.name}") is not in the manifests; added it` });
    cluster.nodes.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName }, spec: {}, status: { addresses: [], ready: true } });
    nodeNames.add(nodeName);
  }
  // Likewise the nodes EndpointSlice endpoints name (a dump of slices alone), so their addresses
  // have a node to be drawn on.
  if (!describedNodes) {
    for (const slice of cluster.endpointSlices) {
      for (const e of slice.endpoints) {
        const nodeName = e.nodeName;
        if (!nodeName || nodeNames.has(nodeName) || isDNS1123Subdomain(nodeName).length) continue;
        warnings.push({ severity: 'warning', document: -1, kind: 'Node', name: nodeName, message: `node "${nodeName}" (of an endpoint in EndpointSlice "${slice.metadata.name}") is not in the manifests; added it` });
        cluster.nodes.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName }, spec: {}, status: { addresses: [], ready: true } });
        nodeNames.add(nodeName);
      }
    }
  }
  for (const slice of cluster.endpointSlices) slice.metadata.creationTimestamp ??= DEFAULT_OBJECT_CREATED;
  for (const ingress of cluster.ingresses) ingress.metadata.creationTimestamp ??= DEFAULT_OBJECT_CREATED;

  // Pods or workloads and not one Node (nor a node named by a pod): a cluster needs somewhere to
  // run them, so it gets the node pool the scenarios use.
  if (userPlacesPods && cluster.nodes.length === 0) {
    cluster.nodes.push(...defaultNodePool());
    warnings.push({ severity: 'warning', document: -1, kind: 'Node', message: `the manifests hold pods or workloads but no usable Node to run them on, so the explainer adds ${DEFAULT_POOL_NAMES.length} Ready worker nodes (${DEFAULT_POOL_NAMES.join(', ')}), as a cluster would have` });
  }
  // DaemonSets place one pod per node that should run it: the nodes are final now.
  const facts = cluster.nodes.map(nodeFacts);
  for (const w of workloads) if (w.perNode) expand(w, facts);
  if (workloads.length) cluster.workloads = workloads.map((w) => w.kept);

  allocateNodes(cluster);
  refuse(cluster.pods, podNetworkRefusals(cluster.pods, cluster.nodes));
  const pending = allocatePods(cluster, phaseGiven, finished);
  reportPending(pending, madeBy, origins, warnings);
  refuse(cluster.services, allocateServices(cluster));
  allocateClients(cluster, clientsNeedingIP);
  if (dualStack.length) {
    const which = dualStack.length === 1 ? `Service "${dualStack[0]}" is` : `${dualStack.length} Services (${dualStack.map((n) => `"${n}"`).join(', ')}) are`;
    warnings.push({ severity: 'warning', document: -1, kind: 'Service', message: `${which} dual-stack; the explainer models the IPv4 family only, so their IPv6 ClusterIPs (and any IPv6 EndpointSlices, kept but not drawn) carry no traffic here` });
  }
  if (dualStackNodes.length) {
    const which = dualStackNodes.length === 1 ? `node "${dualStackNodes[0]}" reports` : `${dualStackNodes.length} nodes (${dualStackNodes.map((n) => `"${n}"`).join(', ')}) report`;
    warnings.push({ severity: 'warning', document: -1, kind: 'Node', message: `${which} IPv6 addresses besides IPv4 ones; the explainer models IPv4 only, so it leaves the IPv6 addresses out` });
  }
  if (kept.length) cluster.kept = kept;
  return { cluster, errors, warnings, kept: keptSummary(kept) };
}

/** Per kind, in the order kinds first appear. */
function keptSummary(kept: readonly KeptObject[]): KeptKindCount[] {
  const counts = new Map<string, number>();
  for (const o of kept) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/**
 * One warning per workload (or pod) whose pods no node can take, with the scheduler's reason:
 * they stay Pending, as `kubectl describe pod` shows in its FailedScheduling event.
 */
function reportPending(pending: { pod: Pod; message: string }[], madeBy: Map<Pod, { origin: Origin; kind: string; name: string }>, origins: Map<object, Origin>, warnings: ManifestIssue[]): void {
  const groups = new Map<string, { pods: Pod[]; message: string; origin: Origin; kind: string; name: string }>();
  for (const { pod, message } of pending) {
    const owner = madeBy.get(pod);
    const key = owner ? `${owner.kind}/${pod.metadata.namespace}/${owner.name}\n${message}` : `Pod/${pod.metadata.namespace}/${pod.metadata.name}`;
    const group = groups.get(key);
    if (group) group.pods.push(pod);
    else groups.set(key, { pods: [pod], message, origin: owner?.origin ?? origins.get(pod) ?? { document: -1 }, kind: owner?.kind ?? 'Pod', name: owner?.name ?? pod.metadata.name });
  }
  for (const g of groups.values()) {
    const who = g.kind === 'Pod' ? `pod "${g.name}" stays` : g.pods.length === 1 ? `pod "${g.pods[0]!.metadata.name}" of ${g.kind} "${g.name}" stays` : `${g.pods.length} pods of ${g.kind} "${g.name}" stay`;
    warnings.push(issueAt(g.origin, 'warning', `${who} Pending, as the scheduler finds no node for ${g.pods.length === 1 ? 'it' : 'them'}: ${g.message}`, { kind: g.kind, name: g.name }));
  }
}

/**
 * Settings with every refused field back at its default (a refused client or CIDR list entry is
 * left out); `report` receives the errors. A second pass catches a dnsServiceIP that only fitted
 * the serviceCIDR that was refused.
 */
function checkedSettings(read: ClusterSettingsSpec, enumErrors: SettingsError[], report: (errs: FieldError[]) => void): ClusterSettingsSpec {
  const settings = { ...read, clients: [...read.clients], nonMasqueradeCIDRs: [...read.nonMasqueradeCIDRs] };
  const apply = (errs: SettingsError[]): void => {
    report(errs.map((e) => e.error));
    const dropped = { clients: new Set<number>(), nonMasqueradeCIDRs: new Set<number>() };
    for (const e of errs) {
      if ((e.key === 'clients' || e.key === 'nonMasqueradeCIDRs') && e.index !== undefined) dropped[e.key].add(e.index);
      else (settings as Record<string, unknown>)[e.key] = structuredClone(DEFAULT_SETTINGS[e.key]);
    }
    if (errs.some((e) => e.key === 'dnsServiceIP')) settings.dnsServiceIP = defaultDnsServiceIP(settings.serviceCIDR);
    settings.clients = settings.clients.filter((_, i) => !dropped.clients.has(i));
    settings.nonMasqueradeCIDRs = settings.nonMasqueradeCIDRs.filter((_, i) => !dropped.nonMasqueradeCIDRs.has(i));
  };
  apply([...enumErrors, ...validateSettings(settings)]);
  apply(validateSettings(settings));
  return settings;
}
