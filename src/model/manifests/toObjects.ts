/**
 * Cluster → manifest objects (plain JSON values), the inverse of clusterFromObjects: reading them
 * back gives an equal Cluster. Kubernetes kinds are written in their API shape (status as the API
 * server prints it: conditions, podIPs, nodeInfo), so `kubectl apply` accepts them; it ignores
 * status and creationTimestamp on create.
 */
import { SETTINGS_API_VERSION, type Cluster, type Node, type Pod, type Service } from '../cluster';

type Json = Record<string, unknown>;

/** Drops undefined members so the output has no `key: null` noise. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const condition = (ready: boolean): Json[] => [{ type: 'Ready', status: ready ? 'True' : 'False' }];

function nodeObject(node: Node): Json {
  const spec: Json = { ...node.spec };
  if (node.spec.podCIDR) spec.podCIDRs = [node.spec.podCIDR];
  return {
    apiVersion: 'v1', kind: 'Node', metadata: node.metadata, spec,
    status: { addresses: node.status.addresses, conditions: condition(node.status.ready), nodeInfo: node.status.nodeInfo },
  };
}

function podObject(pod: Pod): Json {
  const status: Json = { phase: pod.status.phase, conditions: condition(pod.status.ready) };
  if (pod.status.podIP) {
    status.podIP = pod.status.podIP;
    status.podIPs = [{ ip: pod.status.podIP }];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata, spec: pod.spec, status };
}

function serviceObject(svc: Service): Json {
  return { apiVersion: 'v1', kind: 'Service', metadata: svc.metadata, spec: svc.spec, status: svc.status };
}

/**
 * Every object of the cluster in a stable order: ClusterSettings, then Namespaces (so `kubectl
 * apply -f` of the file creates them before what lives in them), the modelled kinds, and the
 * objects kept as they were given.
 */
export function toManifestObjects(cluster: Cluster): Json[] {
  const kept = cluster.kept ?? [];
  return clean([
    { apiVersion: SETTINGS_API_VERSION, kind: 'ClusterSettings', metadata: { name: 'cluster' }, spec: cluster.settings },
    ...kept.filter((o) => o.kind === 'Namespace'),
    ...cluster.nodes.map(nodeObject),
    ...(cluster.deployments ?? []),
    ...(cluster.workloads ?? []),
    ...cluster.pods.map(podObject),
    ...cluster.services.map(serviceObject),
    ...cluster.endpointSlices,
    ...cluster.ingresses,
    ...kept.filter((o) => o.kind !== 'Namespace'),
  ] as Json[]);
}
