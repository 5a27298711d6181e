/**
 * The allocators' side of a create: pkg/registry/core/service/storage/alloc.go asks the
 * ClusterIP allocator (ipallocator MetaAllocator) and the node-port allocator (portallocator) for
 * every value the user requested. It stops at the first failure and returns it alone, before
 * the strategy's validation runs; we do the same.
 */
import { DEFAULT_SETTINGS, type Cluster, type Service } from '../cluster';
import { needsHealthCheck } from '../defaults';
import { parsePortRange } from '../addressing';
import { inCidr, intToIp, ipToInt, isIPv4, parseCidr } from '../ip';
import { invalid, type FieldError } from './fieldError';

const key = (s: Service): string => `${s.metadata.namespace}/${s.metadata.name}`;

/**
 * Who holds each ClusterIP and nodePort, by `namespace/name`. Built once per batch and extended
 * as Services are accepted (`holdValues`), so checking N Services costs N lookups, not N² scans.
 */
export interface TakenIndex { ips: Map<string, string>; nodePorts: Map<number, string> }

export function takenIndex(services: readonly Service[] = []): TakenIndex {
  const index: TakenIndex = { ips: new Map(), nodePorts: new Map() };
  for (const svc of services) holdValues(index, svc);
  return index;
}

/** Records the values `svc` holds (its requested ClusterIPs and nodePorts). */
export function holdValues(index: TakenIndex, svc: Service): void {
  const owner = key(svc);
  for (const ip of svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])) index.ips.set(ip, owner);
  for (const port of svc.spec.ports) if (port.nodePort) index.nodePorts.set(port.nodePort, owner);
  if (svc.spec.healthCheckNodePort) index.nodePorts.set(svc.spec.healthCheckNodePort, owner);
}

/** The values other objects hold in the cluster. */
function takenBy(index: TakenIndex, self: Service): { ips: { has(ip: string): boolean }; nodePorts: { has(port: number): boolean } } {
  const me = key(self);
  return {
    ips: { has: (ip) => { const o = index.ips.get(ip); return o !== undefined && o !== me; } },
    nodePorts: { has: (p) => { const o = index.nodePorts.get(p); return o !== undefined && o !== me; } },
  };
}

/** Addresses no Service of ours holds but the API server has given away: `kubernetes` and DNS. */
function reservedIPs(cluster: Cluster | undefined, self: Service): Set<string> {
  const settings = cluster?.settings ?? DEFAULT_SETTINGS;
  const reserved = new Set<string>();
  const cidr = parseCidr(settings.serviceCIDR);
  if (cidr && key(self) !== 'default/kubernetes') reserved.add(intToIp(cidr.base + 1));
  if (key(self) !== 'kube-system/kube-dns') reserved.add(settings.dnsServiceIP);
  return reserved;
}

/**
 * The first allocation failure for `svc` (already defaulted), as a one-element list, or [].
 * `index`: who holds what in `cluster`, when the caller keeps one (see takenIndex).
 */
export function allocationErrors(svc: Service, cluster?: Cluster, index?: TakenIndex): FieldError[] {
  const settings = cluster?.settings ?? DEFAULT_SETTINGS;
  const taken = takenBy(index ?? takenIndex(cluster?.services), svc);
  const ips = svc.spec.clusterIPs ?? [];
  const ip = ips[0];
  if (svc.spec.type !== 'ExternalName' && ip && ip !== 'None' && isIPv4(ip)) {
    const cidr = parseCidr(settings.serviceCIDR);
    const n = ipToInt(ip);
    const usable = cidr !== undefined && inCidr(ip, settings.serviceCIDR) && n !== cidr.base && n !== cidr.base + cidr.size - 1;
    if (!usable) {
      return [invalid('spec.clusterIPs', ips, `failed to allocate IP ${ip}: the provided network does not match the current range`)];
    }
    if (taken.ips.has(ip) || reservedIPs(cluster, svc).has(ip)) {
      return [invalid('spec.clusterIPs', ips, `failed to allocate IP ${ip}: provided IP is already allocated`)];
    }
  }
  if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') return [];
  const range = parsePortRange(settings.nodePortRange);
  const rangeText = range ? `${range.base}-${range.base + range.size - 1}` : settings.nodePortRange;
  const inRange = (p: number): boolean => range !== undefined && p >= range.base && p < range.base + range.size;
  // initNodePorts: ports with the same `port` number share one nodePort.
  const byPortNumber = new Map<number, number>();
  const mine = new Set<number>();
  for (const [i, port] of svc.spec.ports.entries()) {
    if (!port.nodePort) continue;
    const shared = byPortNumber.get(port.port);
    if (shared === port.nodePort) continue;
    const path = `spec.ports[${i}].nodePort`;
    if (!inRange(port.nodePort)) {
      return [invalid(path, port.nodePort, `provided port is not in the valid range. The range of valid ports is ${rangeText}`)];
    }
    if (taken.nodePorts.has(port.nodePort) || mine.has(port.nodePort)) {
      return [invalid(path, port.nodePort, 'provided port is already allocated')];
    }
    mine.add(port.nodePort);
    if (shared === undefined) byPortNumber.set(port.port, port.nodePort);
  }
  const hc = svc.spec.healthCheckNodePort;
  if (needsHealthCheck(svc) && hc) {
    const reason = !inRange(hc)
      ? `provided port is not in the valid range. The range of valid ports is ${rangeText}`
      : taken.nodePorts.has(hc) || mine.has(hc) ? 'provided port is already allocated' : undefined;
    if (reason) return [invalid('spec.healthCheckNodePort', hc, `failed to allocate requested HealthCheck NodePort ${hc}: ${reason}`)];
  }
  return [];
}
