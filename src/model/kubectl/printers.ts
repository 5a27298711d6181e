/**
 * Table rows as kubectl prints them, following pkg/printers/internalversion/printers.go
 * (printService, printPod, printNode, printEndpointSlice, printIngress, printEndpoints) in v1.37.
 */
import type { Cluster, Ingress, IngressRule, LoadBalancerIngress, Node, Pod, Service } from '../cluster';
import { nodeExternalIP, nodeInternalIP } from '../cluster';
import { age } from './age';
import { slicesFor } from './slices';
import { endpointsFor } from '../endpoints';

export interface Printer<T> {
  headers: string[];
  wideHeaders: string[];
  row(obj: T, wide: boolean): string[];
  wideRow(obj: T): string[];
}

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** loadBalancerStatusStringer: sorted unique IPs/hostnames, cut to 16 characters unless wide. */
function loadBalancerStatus(ingress: LoadBalancerIngress[] | undefined, wide: boolean): string {
  const result = [...new Set((ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
  const r = result.join(',');
  return !wide && r.length > 16 ? `${r.slice(0, 13)}...` : r;
}

/** getServiceExternalIP. */
function externalIP(svc: Service, wide: boolean): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(svc.status.loadBalancer.ingress, wide);
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30080/TCP`, joined by commas. */
export function portString(svc: Service): string {
  return svc.spec.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

export const servicePrinter: Printer<Service> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row: (svc, wide) => [
    svc.metadata.name, svc.spec.type, svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>', externalIP(svc, wide),
    portString(svc) || '<none>', age(svc.metadata.creationTimestamp),
  ],
  wideRow: (svc) => [formatLabels(svc.spec.selector)],
};

export const podPrinter: Printer<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (pod) => {
    const total = pod.spec.containers.length;
    const ready = pod.status.ready && pod.status.phase === 'Running' ? total : 0;
    // A pod being deleted reads Terminating until it has reached Succeeded or Failed.
    const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
    // printPod reads the containers' state over the phase: the kubelet records a container that
    // exited 0 as terminated with reason Completed, so a Succeeded pod (a Job's) reads Completed.
    const phase = pod.status.phase === 'Succeeded' ? 'Completed' : pod.status.phase;
    const status = pod.metadata.deletionTimestamp && !terminal ? 'Terminating' : phase;
    return [pod.metadata.name, `${ready}/${total}`, status, '0', age(pod.metadata.creationTimestamp)];
  },
  wideRow: (pod) => [pod.status.podIP ?? '<none>', pod.spec.nodeName ?? '<none>', '<none>', '<none>'],
};

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

export const nodePrinter: Printer<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (node) => [
    node.metadata.name,
    `${node.status.ready ? 'Ready' : 'NotReady'}${node.spec.unschedulable ? ',SchedulingDisabled' : ''}`,
    nodeRoles(node), age(node.metadata.creationTimestamp), node.status.nodeInfo?.kubeletVersion ?? '',
  ],
  wideRow: (node) => [
    // printNode: an empty OS image, kernel or runtime version reads <unknown>.
    nodeInternalIP(node) ?? '<none>', nodeExternalIP(node) ?? '<none>', node.status.nodeInfo?.osImage || '<unknown>',
    node.status.nodeInfo?.kernelVersion || '<unknown>', node.status.nodeInfo?.containerRuntimeVersion || '<unknown>',
  ],
};

/** listWithMoreString: at most 3 items, then ` + N more...`; `<unset>` when empty. */
function listWithMore(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
  return items.length ? items.join(',') : '<unset>';
}

export interface SliceRow { slice: ReturnType<typeof slicesFor>[number] }

export const endpointSlicePrinter: Printer<SliceRow> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row: ({ slice }) => [
    slice.metadata.name, slice.addressType,
    listWithMore(slice.ports.map((p) => (p.port !== undefined ? String(p.port) : p.name || '*'))),
    listWithMore(slice.endpoints.flatMap((e) => e.addresses)),
    age(slice.metadata.creationTimestamp),
  ],
  wideRow: () => [],
};

/**
 * formatHosts: the first three rule hosts, `*` when no rule names one; once three are listed any
 * further rule, with a host or not, makes ` + N more...` with N counted over all the rules.
 */
export function formatHosts(rules: readonly IngressRule[]): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

export const ingressPrinter: Printer<Ingress> = {
  headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  wideHeaders: [],
  row: (ing, wide) => [
    ing.metadata.name, ing.spec.ingressClassName ?? '<none>', formatHosts(ing.spec.rules ?? []),
    loadBalancerStatus(ing.status.loadBalancer.ingress, wide), (ing.spec.tls?.length ?? 0) > 0 ? '80, 443' : '80', age(ing.metadata.creationTimestamp),
  ],
  wideRow: () => [],
};

/** Every derived or given slice in the cluster, for `get endpointslices`. */
export function allSlices(cluster: Cluster): SliceRow[] {
  const out: SliceRow[] = cluster.services.flatMap((svc) => slicesFor(cluster, svc).map((slice) => ({ slice })));
  // Slices that belong to no Service (given without a matching Service) are listed too.
  for (const slice of cluster.endpointSlices) if (!out.some((r) => r.slice === slice)) out.push({ slice });
  return out;
}

/** One v1 Endpoints object, as the endpoints controller mirrors a selector Service. */
export interface EndpointsRow {
  service: Service;
  /** Ready `ip:port` pairs (subsets[].addresses), in subset order. */
  pairs: string[];
  /** Whether the object has any subset: a not-ready pod's address (notReadyAddresses) makes one too. */
  hasSubsets: boolean;
}

/**
 * formatEndpoints: ready `ip:port` pairs, three at most then ` + N more...`; `<none>` only when
 * there are no subsets at all, so a Service whose pods are all not ready shows an empty cell.
 */
export const endpointsPrinter: Printer<EndpointsRow> = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row: ({ service, pairs, hasSubsets }) => [
    service.metadata.name,
    !hasSubsets ? '<none>' : pairs.length > 3 ? `${pairs.slice(0, 3).join(',')} + ${pairs.length - 3} more...` : pairs.join(','),
    age(service.metadata.creationTimestamp),
  ],
  wideRow: () => [],
};

const ipKey = (ip: string): number => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);

/** The Endpoints objects of selector Services (ready addresses sorted by IP, per port). */
export function allEndpoints(cluster: Cluster): EndpointsRow[] {
  return cluster.services
    .filter((svc) => svc.spec.type !== 'ExternalName' && svc.spec.selector && Object.keys(svc.spec.selector).length > 0)
    .map((service) => {
      const result = endpointsFor(cluster, service);
      const pairs = result.ports.flatMap(({ endpoints }) => endpoints.filter((e) => e.ready)
        .sort((a, b) => ipKey(a.ip) - ipKey(b.ip)).map((e) => `${e.ip}:${e.port}`));
      if (service.spec.ports.length === 0) pairs.push(...(result.addresses ?? []).filter((a) => a.ready).map((a) => a.ip));
      // The endpoints controller leaves terminating pods out of v1 Endpoints and puts other
      // not-ready ones in notReadyAddresses.
      const listed = (e: { ready: boolean; terminating: boolean }) => e.ready || !e.terminating;
      const hasSubsets = pairs.length > 0 || result.ports.some((p) => p.endpoints.some(listed))
        || (service.spec.ports.length === 0 && (result.addresses ?? []).some(listed));
      return { service, pairs, hasSubsets };
    });
}
