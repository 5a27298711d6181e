/**
 * Fills in what the control plane would: node addresses and podCIDRs, the scheduler's choice of
 * node, pod IPs, ClusterIPs, nodePorts, health-check ports and LoadBalancer addresses. Explicit
 * values are reserved first (so they win wherever they appear), then the rest is allocated in
 * input order. See addressing.ts for the rules and their sources.
 */
import type { Cluster, Pod, Service } from '../cluster';
import { nodeInternalIP } from '../cluster';
import {
  INTERNET_CLIENT_POOL, LOAD_BALANCER_POOL, NODE_EXTERNAL_POOL, nodePortAllocator, podCIDRAllocator,
  sequentialIPAllocator, serviceIPAllocator, type RangeAllocator,
} from '../addressing';
import { DEFAULT_NODE_CREATED, DEFAULT_OBJECT_CREATED } from '../clock';
import { needsHealthCheck } from '../defaults';
import { intToIp, ipToInt, isIPv4, parseCidr, type Cidr } from '../ip';
import type { FieldError } from '../validation/fieldError';
import { KUBERNETES_PATCH_VERSION } from '../version';
import { fitError, nodeFacts, schedulerRejects, type NodeFacts } from './nodeFit';

/** What the explainer reports for a node nobody described: a current kubeadm-style worker. */
export const DEFAULT_NODE_INFO = {
  kubeletVersion: KUBERNETES_PATCH_VERSION,
  osImage: 'Ubuntu 24.04.2 LTS',
  kernelVersion: '6.8.0-1029-aws',
  containerRuntimeVersion: 'containerd://1.7.27',
} as const;

const reserveIP = (alloc: RangeAllocator | undefined, ip: string | undefined): void => {
  if (alloc && ip && isIPv4(ip)) alloc.allocate(ipToInt(ip));
};
const nextIP = (alloc: RangeAllocator | undefined, seed?: string): string | undefined => {
  const n = seed === undefined ? alloc?.allocateLowest() : alloc?.allocateNext(seed);
  return n === undefined ? undefined : intToIp(n);
};

export function allocateNodes(cluster: Cluster): void {
  const { settings } = cluster;
  const internal = sequentialIPAllocator(settings.nodeSubnet, 10);
  const external = sequentialIPAllocator(NODE_EXTERNAL_POOL, 10);
  const cidrs = podCIDRAllocator(settings.podCIDR);
  const given = cluster.nodes.flatMap((n) => (n.spec.podCIDR ? [parseCidr(n.spec.podCIDR)!] : []));
  for (const node of cluster.nodes) {
    // A given address is taken whatever its type: no allocated one may repeat it.
    for (const a of node.status.addresses) {
      reserveIP(external, a.address);
      reserveIP(internal, a.address);
    }
    if (node.spec.podCIDR) cidrs?.reserve(node.spec.podCIDR);
  }
  for (const node of cluster.nodes) {
    node.metadata.creationTimestamp ??= DEFAULT_NODE_CREATED;
    node.metadata.labels ??= { 'kubernetes.io/hostname': node.metadata.name };
    node.status.nodeInfo ??= { ...DEFAULT_NODE_INFO };
    const addresses = node.status.addresses;
    if (!addresses.some((a) => a.type === 'InternalIP')) {
      const ip = nextIP(internal);
      if (ip) addresses.unshift({ type: 'InternalIP', address: ip });
    }
    if (settings.provider === 'cloud' && settings.nodesPublic && !addresses.some((a) => a.type === 'ExternalIP')) {
      const ip = nextIP(external);
      if (ip) addresses.splice(1, 0, { type: 'ExternalIP', address: ip });
    }
    if (!addresses.some((a) => a.type === 'Hostname')) addresses.push({ type: 'Hostname', address: node.metadata.name });
    node.spec.podCIDR ??= freePodCIDR(cidrs, given);
  }
}

/** The next /24 of the cluster CIDR that overlaps no podCIDR a manifest gave (which may be wider). */
function freePodCIDR(cidrs: ReturnType<typeof podCIDRAllocator>, given: readonly Cidr[]): string | undefined {
  // Bounded: a given range may cover most of the cluster CIDR, and each next() scans from the start.
  for (let tries = 0; tries < 512; tries++) {
    const next = cidrs?.next();
    const block = next ? parseCidr(next) : undefined;
    if (!next || !block) return undefined;
    if (!given.some((g) => block.base < g.base + g.size && g.base < block.base + block.size)) return next;
  }
  return undefined;
}

/** A pod the scheduler could place on no node, and the scheduler's FitError for it. */
export interface Unschedulable { pod: Pod; message: string }

/**
 * The default scheduler on an empty cluster: the filters of nodeFit.ts, then the node with the
 * fewest pods (ties: the first in node order), which is where NodeResourcesBalancedAllocation and
 * LeastAllocated land when every pod asks for the same. O(nodes) per pod over precomputed facts.
 */
function schedule(pod: Pod, facts: readonly NodeFacts[], load: Map<string, number>): { nodeName?: string; reasons: string[] } {
  let best: NodeFacts | undefined;
  let bestLoad = 0;
  const reasons: string[] = [];
  for (const f of facts) {
    const reason = schedulerRejects(pod.spec, f);
    if (reason) {
      reasons.push(reason);
      continue;
    }
    const l = load.get(f.name) ?? 0;
    if (!best || l < bestLoad) {
      best = f;
      bestLoad = l;
    }
  }
  return best ? { nodeName: best.name, reasons } : { reasons };
}

/**
 * Schedules pods that have no node (unless their manifest pins them Pending) and gives IPs.
 * `finished`: pods a controller reports done (a Job's): placed like the rest, then Succeeded with
 * no IP (the CNI released it when the sandbox went away). Returns the pods no node could take.
 */
export function allocatePods(cluster: Cluster, phaseGiven: Set<Pod>, finished: ReadonlySet<Pod> = new Set()): Unschedulable[] {
  const load = new Map<string, number>();
  for (const pod of cluster.pods) if (pod.spec.nodeName) load.set(pod.spec.nodeName, (load.get(pod.spec.nodeName) ?? 0) + 1);
  const facts = cluster.nodes.map(nodeFacts);
  const unschedulable: Unschedulable[] = [];
  const ipam = new Map<string, RangeAllocator | undefined>();
  for (const node of cluster.nodes) {
    // host-local IPAM: .0 network, .1 the bridge gateway, pods from .2.
    const alloc = node.spec.podCIDR ? sequentialIPAllocator(node.spec.podCIDR, 2) : undefined;
    ipam.set(node.metadata.name, alloc);
  }
  for (const pod of cluster.pods) if (pod.spec.nodeName && !pod.spec.hostNetwork) reserveIP(ipam.get(pod.spec.nodeName), pod.status.podIP);
  const nodeIPs = new Map(cluster.nodes.map((n) => [n.metadata.name, nodeInternalIP(n)]));
  for (const pod of cluster.pods) {
    pod.metadata.creationTimestamp ??= DEFAULT_OBJECT_CREATED;
    const given = phaseGiven.has(pod);
    if (!pod.spec.nodeName && !given) {
      const { nodeName, reasons } = schedule(pod, facts, load);
      if (nodeName) {
        pod.spec.nodeName = nodeName;
        load.set(nodeName, (load.get(nodeName) ?? 0) + 1);
      } else if (facts.length > 0) {
        unschedulable.push({ pod, message: fitError(facts.length, reasons) });
      }
    }
    if (finished.has(pod) && pod.spec.nodeName) {
      pod.status.phase = 'Succeeded';
      pod.status.ready = false;
      continue;
    }
    if (!given) pod.status.phase = pod.spec.nodeName ? 'Running' : 'Pending';
    if (pod.spec.nodeName && !pod.status.podIP && pod.status.phase === 'Running') {
      // A hostNetwork pod shares the node's network namespace, so its IP is the node's.
      const ip = pod.spec.hostNetwork ? nodeIPs.get(pod.spec.nodeName) : nextIP(ipam.get(pod.spec.nodeName));
      // No address left in the node's range: the CNI fails the sandbox and the pod stays Pending.
      if (ip) pod.status.podIP = ip;
      else pod.status.phase = 'Pending';
    }
    if (pod.status.phase !== 'Running') pod.status.ready = false;
  }
  return unschedulable;
}

/**
 * ClusterIPs, nodePorts and LoadBalancer status for Services that passed validation and
 * allocation checks (so every explicit value here is free and in range).
 */
export function allocateServices(cluster: Cluster): { object: Service; errors: FieldError[] }[] {
  const { settings } = cluster;
  const ips = serviceIPAllocator(settings.serviceCIDR, settings.dnsServiceIP);
  const ports = nodePortAllocator(settings.nodePortRange);
  const lbPool = sequentialIPAllocator(LOAD_BALANCER_POOL, 10);
  for (const svc of cluster.services) {
    reserveIP(ips, svc.spec.clusterIP);
    for (const p of svc.spec.ports) if (p.nodePort) ports?.allocate(p.nodePort);
    if (svc.spec.healthCheckNodePort) ports?.allocate(svc.spec.healthCheckNodePort);
    for (const ing of svc.status.loadBalancer.ingress ?? []) reserveIP(lbPool, ing.ip);
    reserveIP(lbPool, svc.spec.loadBalancerIP);
  }
  const refused: { object: Service; errors: FieldError[] }[] = [];
  for (const svc of cluster.services) {
    const full = allocateService(svc, cluster, ips, ports, lbPool);
    if (full) refused.push({ object: svc, errors: [full] });
  }
  return refused;
}

/**
 * The registry's answer when an allocator has nothing left (allocator.ErrFull, "range is full"),
 * which kubectl shows as `Internal error occurred: failed to allocate a nodePort: range is full`.
 */
const rangeFull = (what: 'nodePort' | 'serviceIP'): FieldError => ({ field: '', type: 'Internal', message: `failed to allocate a ${what}: range is full` });

/** Fills the Service's addresses; returns the error when an allocator is full (values it took stay taken: the caller refuses the Service). */
function allocateService(svc: Service, cluster: Cluster, ips: RangeAllocator | undefined, ports: RangeAllocator | undefined, lbPool: RangeAllocator | undefined): FieldError | undefined {
  const { spec } = svc;
  const id = `${svc.metadata.namespace}/${svc.metadata.name}`;
  svc.metadata.creationTimestamp ??= DEFAULT_OBJECT_CREATED;
  if (spec.type === 'ExternalName') return undefined;
  if (!spec.clusterIP) {
    const ip = nextIP(ips, id);
    if (!ip) return rangeFull('serviceIP');
    spec.clusterIP = ip;
  }
  if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  const selectorless = !spec.selector || Object.keys(spec.selector).length === 0;
  // alloc.go initIPFamilyFields: headless Services without selector ask for dual-stack.
  spec.ipFamilyPolicy ??= spec.clusterIP === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack';
  spec.ipFamilies ??= ['IPv4'];
  const wantNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (wantNodePorts) {
    const byPort = new Map<number, number>();
    for (const p of spec.ports) if (p.nodePort && !byPort.has(p.port)) byPort.set(p.port, p.nodePort);
    for (const p of spec.ports) {
      if (p.nodePort) continue;
      const shared = byPort.get(p.port);
      const nodePort = shared ?? ports?.allocateNext(`${id}/${p.name ?? ''}/${p.port}/${p.protocol}`);
      if (nodePort === undefined) return rangeFull('nodePort');
      p.nodePort = nodePort;
      byPort.set(p.port, nodePort);
    }
  }
  if (needsHealthCheck(svc) && !spec.healthCheckNodePort) {
    spec.healthCheckNodePort = ports?.allocateNext(`${id}/health`);
    if (spec.healthCheckNodePort === undefined) return rangeFull('nodePort');
  }
  if (spec.type === 'LoadBalancer' && cluster.settings.provider === 'cloud' && !(svc.status.loadBalancer.ingress?.length)) {
    // The cloud controller honours a requested loadBalancerIP; otherwise it takes one from the pool.
    const ip = spec.loadBalancerIP ?? nextIP(lbPool);
    if (ip) svc.status.loadBalancer = { ingress: [{ ip, ipMode: 'VIP' }] };
  }
  // SetDefaults_Service: an ingress with an IP gets ipMode VIP.
  if (spec.type === 'LoadBalancer') for (const ing of svc.status.loadBalancer.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  return undefined;
}

/** Clients without an address: internet hosts from TEST-NET-2, LAN hosts high in the node subnet. */
export function allocateClients(cluster: Cluster, needingIP: number[]): void {
  const internet = sequentialIPAllocator(INTERNET_CLIENT_POOL, 10);
  const lan = sequentialIPAllocator(cluster.settings.nodeSubnet, 200);
  for (const c of cluster.settings.clients) reserveIP(c.location === 'lan' ? lan : internet, c.ip);
  for (const node of cluster.nodes) reserveIP(lan, nodeInternalIP(node));
  for (const i of needingIP) {
    const client = cluster.settings.clients[i];
    if (client) client.ip = nextIP(client.location === 'lan' ? lan : internet) ?? '';
  }
}
