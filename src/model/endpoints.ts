/**
 * Which pods back a Service, per port, as the EndpointSlice controller would list them and as
 * kube-proxy reads them. Followed (v1.33):
 * - pkg/controller/endpointslice + staging/src/k8s.io/endpointslice (reconciler.go, utils.go):
 *   ShouldPodBeInEndpoints leaves out pods in a terminal phase (Succeeded/Failed) and pods with no
 *   IP, and keeps terminating ones; podToEndpoint sets serving = pod Ready,
 *   terminating = deletionTimestamp set, ready = publishNotReadyAddresses || (serving && !terminating);
 *   the hostname is the pod's spec.hostname when its spec.subdomain names this Service.
 * - pkg/api/v1/pod FindPort: a numeric targetPort is used as is; a named one is looked up among the
 *   pod's container ports by name *and* protocol. A pod without it is left out of that port only.
 * - Services without a selector get no slices from the controller: their endpoints are whatever
 *   EndpointSlices carry the label kubernetes.io/service-name. ExternalName Services get none.
 * - An empty selector (`selector: {}`) counts as none: the API stores maps as protobuf, where an
 *   empty map and a missing one are the same thing.
 * When slices for a Service are given (a real cluster's dump), they win over the selector.
 */
import type { Cluster, Pod, Protocol, Service, ServicePort } from './cluster';

/**
 * One backend address for one Service port, as an EndpointSlice would list it and as kube-proxy
 * consumes it. `port` is the resolved targetPort (a named targetPort resolved through that pod's
 * container ports).
 */
export interface Endpoint {
  ip: string;
  port: number;
  protocol: Protocol;
  /** spec.nodeName of the backing pod (EndpointSlice endpoints[].nodeName). */
  nodeName?: string;
  /** The pod behind it (endpoints[].targetRef), when there is one. */
  podName?: string;
  /** endpoints[].hostname: the pod's spec.hostname when its subdomain is this Service. */
  hostname?: string;
  /** endpoints[].conditions */
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** An endpoint address regardless of port (a headless Service without ports still has these). */
export type EndpointAddress = Omit<Endpoint, 'port' | 'protocol'>;

/** Why a pod in the Service's namespace is not an endpoint of one of its ports. */
export type ExclusionReason =
  | { kind: 'label-mismatch'; key: string; expected: string; actual?: string }
  | { kind: 'not-ready' }
  | { kind: 'terminating' }
  | { kind: 'no-pod-ip' }
  | { kind: 'not-scheduled' }
  | { kind: 'terminal-phase'; phase: string }
  | { kind: 'port-name-missing'; portName: string; protocol?: Protocol };

export interface PodExclusion {
  podName: string;
  /** The service port this applies to; undefined when it applies to every port (selector, readiness). */
  servicePortName?: string;
  reason: ExclusionReason;
}

export interface ServicePortEndpoints {
  servicePort: ServicePort;
  /** Every endpoint the EndpointSlices list for this port, ready or not. */
  endpoints: Endpoint[];
}

export interface EndpointsResult {
  /** Per spec.ports[] entry, same order. */
  ports: ServicePortEndpoints[];
  /**
   * Pods in the namespace that get no traffic from this Service, with the reason — what people
   * debug. A not-ready or terminating pod is listed here *and* in `ports` (ready: false), as the
   * slices list it.
   */
  excluded: PodExclusion[];
  /** 'selector': derived from spec.selector; 'slices': taken from given EndpointSlices; 'none': no selector and no slices. */
  source: 'selector' | 'slices' | 'none';
  /** Every address the slices list, once each (what DNS answers for a headless Service). */
  addresses?: EndpointAddress[];
}

/** PodIsReady, flattened: the Ready condition. */
const podReady = (pod: Pod): boolean => pod.status.ready;

/** FindPort: the container port a service port reaches on this pod, or undefined. */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  for (const container of pod.spec.containers) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === servicePort.protocol) return port.containerPort;
    }
  }
  return undefined;
}

/** True when a selector (map form) selects these labels. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function fromSelector(cluster: Cluster, service: Service, selector: Record<string, string>): EndpointsResult {
  const ports: ServicePortEndpoints[] = service.spec.ports.map((servicePort) => ({ servicePort, endpoints: [] }));
  const excluded: PodExclusion[] = [];
  const addresses: EndpointAddress[] = [];
  const publish = service.spec.publishNotReadyAddresses === true;
  for (const pod of cluster.pods) {
    if (pod.metadata.namespace !== service.metadata.namespace) continue;
    const podName = pod.metadata.name;
    const mismatches = Object.keys(selector).sort().filter((k) => pod.metadata.labels?.[k] !== selector[k]);
    if (mismatches.length > 0) {
      for (const key of mismatches) {
        const actual = pod.metadata.labels?.[key];
        excluded.push({ podName, reason: { kind: 'label-mismatch', key, expected: selector[key]!, ...(actual !== undefined ? { actual } : {}) } });
      }
      continue;
    }
    const { phase } = pod.status;
    if (phase === 'Succeeded' || phase === 'Failed') {
      excluded.push({ podName, reason: { kind: 'terminal-phase', phase } });
      continue;
    }
    if (!pod.status.podIP) {
      excluded.push({ podName, reason: pod.spec.nodeName ? { kind: 'no-pod-ip' } : { kind: 'not-scheduled' } });
      continue;
    }
    const serving = podReady(pod);
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const ready = publish || (serving && !terminating);
    if (!ready) excluded.push({ podName, reason: terminating ? { kind: 'terminating' } : { kind: 'not-ready' } });
    const address: EndpointAddress = { ip: pod.status.podIP, podName, ready, serving, terminating };
    if (pod.spec.nodeName) address.nodeName = pod.spec.nodeName;
    if (pod.spec.hostname && pod.spec.subdomain === service.metadata.name) address.hostname = pod.spec.hostname;
    addresses.push(address);
    service.spec.ports.forEach((servicePort, i) => {
      const port = findPort(pod, servicePort);
      if (port === undefined) {
        excluded.push({ podName, servicePortName: servicePort.name ?? '', reason: { kind: 'port-name-missing', portName: String(servicePort.targetPort), protocol: servicePort.protocol } });
        return;
      }
      ports[i]!.endpoints.push({ ...address, port, protocol: servicePort.protocol });
    });
  }
  return { ports, excluded, source: 'selector', addresses };
}

/**
 * From given slices, matched to service ports the way kube-proxy's EndpointSliceCache does: by
 * port name and protocol. Absent conditions read as kube-proxy reads them: ready and serving
 * unless said otherwise, not terminating.
 */
function fromSlices(cluster: Cluster, service: Service): EndpointsResult | undefined {
  const slices = cluster.endpointSlices.filter((s) => s.metadata.namespace === service.metadata.namespace
    && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name && s.addressType !== 'FQDN');
  if (slices.length === 0) return undefined;
  const addresses = new Map<string, EndpointAddress>();
  const toAddress = (e: (typeof slices)[number]['endpoints'][number], ip: string): EndpointAddress => {
    const ready = e.conditions.ready ?? true;
    const address: EndpointAddress = { ip, ready, serving: e.conditions.serving ?? ready, terminating: e.conditions.terminating ?? false };
    if (e.nodeName) address.nodeName = e.nodeName;
    if (e.targetRef?.kind === 'Pod') address.podName = e.targetRef.name;
    if (e.hostname) address.hostname = e.hostname;
    return address;
  };
  for (const slice of slices) for (const e of slice.endpoints) for (const ip of e.addresses.slice(0, 1)) if (!addresses.has(ip)) addresses.set(ip, toAddress(e, ip));
  const ports = service.spec.ports.map((servicePort) => {
    const endpoints: Endpoint[] = [];
    for (const slice of slices) {
      const match = slice.ports.find((p) => (p.name ?? '') === (servicePort.name ?? '') && (p.protocol ?? 'TCP') === servicePort.protocol);
      if (!match || match.port === undefined) continue;
      for (const e of slice.endpoints) {
        const ip = e.addresses[0];
        if (ip) endpoints.push({ ...toAddress(e, ip), port: match.port, protocol: servicePort.protocol });
      }
    }
    return { servicePort, endpoints };
  });
  return { ports, excluded: [], source: 'slices', addresses: [...addresses.values()] };
}

/** The endpoints of `service` in `cluster`; see the module comment for the rules. */
export function endpointsFor(cluster: Cluster, service: Service): EndpointsResult {
  const none = (): EndpointsResult => ({ ports: service.spec.ports.map((servicePort) => ({ servicePort, endpoints: [] })), excluded: [], source: 'none', addresses: [] });
  if (service.spec.type === 'ExternalName') return none();
  const given = fromSlices(cluster, service);
  if (given) return given;
  const selector = service.spec.selector;
  if (!selector || Object.keys(selector).length === 0) return none();
  return fromSelector(cluster, service, selector);
}

/**
 * Endpoints that given EndpointSlices list but that have no pod in the cluster to stand on: a
 * `kubectl get endpointslices -A -o yaml` dump alone, or slices of external backends (a
 * selector-less Service's, mirrored Endpoints'). Grouped per Service the slices name
 * (`kubernetes.io/service-name`), with whether that Service is in the cluster. Each address keeps
 * its node (endpoints[].nodeName, so it can be drawn on that node) and its pod's name when the
 * slice gave a targetRef to a pod the manifests do not hold.
 */
export interface SliceOnlyEndpoints {
  namespace: string;
  /** The Service the slices name; undefined for slices without the label (no Service uses them). */
  serviceName?: string;
  /** True when that Service is in `cluster.services`. */
  serviceInCluster: boolean;
  /** The slices' names, in order. */
  slices: string[];
  /** The ports every address serves (the union of the slices' ports, by name and protocol). */
  ports: { name?: string; port?: number; protocol: Protocol }[];
  addresses: EndpointAddress[];
}

export function sliceOnlyEndpoints(cluster: Cluster): SliceOnlyEndpoints[] {
  const pods = new Set(cluster.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
  const podIPs = new Set(cluster.pods.flatMap((p) => (p.status.podIP ? [`${p.metadata.namespace}/${p.status.podIP}`] : [])));
  const services = new Set(cluster.services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  const groups = new Map<string, SliceOnlyEndpoints>();
  for (const slice of cluster.endpointSlices) {
    if (slice.addressType === 'FQDN') continue;
    const ns = slice.metadata.namespace;
    const serviceName = slice.metadata.labels?.['kubernetes.io/service-name'];
    const key = `${ns}/${serviceName ?? ''}`;
    let group = groups.get(key);
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      if (!ip) continue;
      const podNs = e.targetRef?.namespace || ns;
      if (e.targetRef?.kind === 'Pod' ? pods.has(`${podNs}/${e.targetRef.name}`) : podIPs.has(`${ns}/${ip}`)) continue;
      if (!group) {
        group = { namespace: ns, ...(serviceName ? { serviceName } : {}), serviceInCluster: serviceName !== undefined && services.has(key), slices: [], ports: [], addresses: [] };
        groups.set(key, group);
      }
      if (!group.slices.includes(slice.metadata.name)) group.slices.push(slice.metadata.name);
      for (const p of slice.ports) {
        const protocol = p.protocol ?? 'TCP';
        if (!group.ports.some((q) => (q.name ?? '') === (p.name ?? '') && q.protocol === protocol)) group.ports.push({ ...(p.name !== undefined ? { name: p.name } : {}), ...(p.port !== undefined ? { port: p.port } : {}), protocol });
      }
      if (group.addresses.some((a) => a.ip === ip)) continue;
      const ready = e.conditions.ready ?? true;
      const address: EndpointAddress = { ip, ready, serving: e.conditions.serving ?? ready, terminating: e.conditions.terminating ?? false };
      if (e.nodeName) address.nodeName = e.nodeName;
      if (e.targetRef?.kind === 'Pod') address.podName = e.targetRef.name;
      if (e.hostname) address.hostname = e.hostname;
      group.addresses.push(address);
    }
  }
  return [...groups.values()];
}
