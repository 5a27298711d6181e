/**
 * The cluster zone as CoreDNS's kubernetes plugin serves it (coredns/coredns plugin/kubernetes:
 * parse.go parseRequest, kubernetes.go Records/findServices/findPods/Services, reverse.go
 * serviceRecordForIP; plugin/backend_lookup.go A/SRV/TXT/PTR), with kubeadm's Corefile options
 * `pods insecure`, `fallthrough in-addr.arpa ip6.arpa` and `ttl 30`. IPv4 only.
 *
 * - A name the zone does not hold is NXDOMAIN; a name it holds without records of the asked type
 *   (`svc.<zone>`, `<ns>.svc.<zone>`, a Service asked for AAAA or TXT) is NOERROR with no data.
 * - Names are matched case-insensitively, and answers carry the name in the case it was asked.
 */
import type { Cluster, Service } from './cluster';
import { endpointsFor, type EndpointAddress } from './endpoints';
import { isIPv4 } from './ip';

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'TXT' | 'PTR';

/** One resource record; names are fully qualified with a trailing dot, as dig prints them. */
export interface DnsRecord {
  name: string;
  type: DnsRecordType;
  ttl: number;
  /** A: the address; CNAME and PTR: the target; TXT: the text; SRV: `priority weight port target`. */
  value: string;
  srv?: { priority: number; weight: number; port: number; target: string };
}

export interface ZoneAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
  /** A records for SRV targets (the additional section). */
  additional: DnsRecord[];
}

/** kubeadm's Corefile sets `ttl 30` in the kubernetes block. */
export const DNS_TTL = 30;
/** kubernetes.go DNSSchemaVersion, served as `dns-version.<zone>` TXT with TTL 28800. */
export const DNS_SCHEMA_VERSION = '1.1.0';

const fqdn = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** endpointHostname: the endpoint's hostname, else its IP with dashes. */
const endpointHost = (a: EndpointAddress): string => a.hostname ?? a.ip.replaceAll('.', '-');

/** What findServices/findPods return: an address or CNAME target, a port (-1: none), the record's owner. */
interface Backend { host: string; port: number; owner: string }

/** Namespaces that exist: those objects live in, and the four every cluster creates. */
function namespaces(cluster: Cluster): Set<string> {
  const all = [...cluster.services, ...cluster.pods, ...cluster.endpointSlices, ...cluster.ingresses, ...(cluster.deployments ?? [])];
  return new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', ...all.map((o) => o.metadata.namespace ?? 'default')]);
}

const strip = (label: string): string => (label.startsWith('_') ? label.slice(1) : label);
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const matchPort = (want: string | undefined, have: string): boolean => want === undefined || same(want, have);

/** Records: the backends for a name under the cluster zone, or undefined for NXDOMAIN. */
function records(cluster: Cluster, base: string[], zone: string): Backend[] | undefined {
  if (base.length === 0 || (base.length === 1 && (base[0] === 'svc' || base[0] === 'pod'))) return [];
  const segs = [...base];
  const podOrSvc = segs.pop()!;
  if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return undefined;
  const namespace = segs.pop()!;
  if (!namespaces(cluster).has(namespace)) return undefined;
  const name = segs.pop();
  if (name === undefined) return [];
  let endpoint: string | undefined;
  let port: string | undefined;
  let protocol: string | undefined;
  if (segs.length === 1) endpoint = segs[0];
  else if (segs.length === 2) [port, protocol] = [strip(segs[0]!), strip(segs[1]!)];
  else if (segs.length > 2) return undefined;

  if (podOrSvc === 'pod') {
    // `pods insecure`: any dashed IPv4 answers, without checking that such a pod exists.
    const ip = name.split('-').length === 4 && !name.includes('--') ? name.replaceAll('-', '.') : '';
    return isIPv4(ip) ? [{ host: ip, port: -1, owner: '' }] : undefined;
  }
  const service = cluster.services.find((s) => same(s.metadata.name, name) && same(s.metadata.namespace, namespace));
  if (!service) return undefined;
  const svcName = `${service.metadata.name}.${service.metadata.namespace}.svc.${zone}.`;
  if (service.spec.type === 'ExternalName') {
    // No endpoints and no _port._proto names under an ExternalName; an IP is no CNAME target.
    const target = service.spec.externalName;
    if (endpoint !== undefined || port !== undefined || !target || isIPv4(target)) return undefined;
    return [{ host: fqdn(target), port: -1, owner: svcName }];
  }
  if (service.spec.clusterIP === 'None' || endpoint !== undefined) return endpointBackends(cluster, service, svcName, endpoint, port, protocol);
  const found = service.spec.ports.filter((p) => matchPort(port, p.name ?? '') && matchPort(protocol, p.protocol));
  const ip = service.spec.clusterIP;
  if (found.length === 0 || !ip) return undefined;
  return found.map((p) => ({ host: ip, port: p.port, owner: svcName }));
}

/** Headless Services and endpoint names: each ready address on each of its slice ports. */
function endpointBackends(cluster: Cluster, service: Service, svcName: string, endpoint: string | undefined, port?: string, protocol?: string): Backend[] | undefined {
  const result = endpointsFor(cluster, service);
  const ready = (result.addresses ?? []).filter((a) => a.ready && (endpoint === undefined || same(endpointHost(a), endpoint)));
  const out: Backend[] = [];
  for (const a of ready) {
    const owner = `${endpointHost(a)}.${svcName}`;
    // A slice without ports still publishes its addresses (CoreDNS gives them port -1).
    if (result.ports.length === 0) {
      if (port === undefined && protocol === undefined) out.push({ host: a.ip, port: -1, owner });
      continue;
    }
    result.ports.forEach(({ servicePort, endpoints }) => {
      const e = endpoints.find((x) => x.ip === a.ip && x.ready);
      if (e && matchPort(port, servicePort.name ?? '') && matchPort(protocol, e.protocol)) out.push({ host: a.ip, port: e.port, owner });
    });
  }
  return out.length > 0 ? out : undefined;
}

const record = (name: string, type: DnsRecordType, value: string, ttl = DNS_TTL): DnsRecord => ({ name, type, ttl, value });

function srvRecord(name: string, weight: number, port: number, target: string): DnsRecord {
  return { ...record(name, 'SRV', `0 ${weight} ${port} ${target}`), srv: { priority: 0, weight, port, target } };
}

/** A: the addresses (once each); an ExternalName's CNAME, followed inside the zone. */
function addressAnswer(cluster: Cluster, qname: string, backends: Backend[], zone: string, depth: number): DnsRecord[] {
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const b of backends) {
    if (!isIPv4(b.host)) {
      const cname = record(qname, 'CNAME', b.host);
      const inner = b.host.toLowerCase().endsWith(`.${zone}.`) && depth < 7 ? answerZone(cluster, b.host, 'A', depth + 1) : undefined;
      // An in-zone target that has no address drops the CNAME too (backend_lookup.go A).
      if (inner && inner.answers.length === 0) continue;
      out.push(cname, ...(inner?.answers ?? []));
    } else if (!seen.has(b.host)) {
      seen.add(b.host);
      out.push(record(qname, 'A', b.host));
    }
  }
  return out;
}

/** SRV: weights share 100 over every backend before duplicates are dropped (backend_lookup.go SRV). */
function srvAnswer(qname: string, backends: Backend[]): { answers: DnsRecord[]; additional: DnsRecord[] } {
  const weight = Math.max(1, Math.floor(100 / backends.length));
  const answers: DnsRecord[] = [];
  const additional: DnsRecord[] = [];
  const dup = new Set<string>();
  for (const b of backends) {
    if (b.port === -1 && isIPv4(b.host)) continue;
    if (!isIPv4(b.host)) {
      answers.push(srvRecord(qname, weight, Math.max(0, b.port), b.host));
      continue;
    }
    if (!dup.has(`${b.owner}|${b.port}`)) answers.push(srvRecord(qname, weight, b.port, b.owner));
    dup.add(`${b.owner}|${b.port}`);
    if (!dup.has(`${b.owner}|${b.host}`)) additional.push(record(b.owner, 'A', b.host));
    dup.add(`${b.owner}|${b.host}`);
  }
  return { answers, additional };
}

/** reverse.go serviceRecordForIP: a ClusterIP's Service, else every endpoint with that address. */
function reverseNames(cluster: Cluster, ip: string, zone: string): string[] {
  const service = cluster.services.find((s) => s.spec.clusterIP === ip);
  if (service) return [`${service.metadata.name}.${service.metadata.namespace}.svc.${zone}.`];
  const names: string[] = [];
  for (const s of cluster.services) {
    if (s.spec.type === 'ExternalName') continue;
    for (const a of endpointsFor(cluster, s).addresses ?? []) {
      if (a.ip === ip && a.ready) names.push(`${endpointHost(a)}.${s.metadata.name}.${s.metadata.namespace}.svc.${zone}.`);
    }
  }
  return [...new Set(names)];
}

/** `d.c.b.a.in-addr.arpa` → `a.b.c.d`, or undefined. */
export function addressOfReverseName(name: string): string | undefined {
  const labels = name.replace(/\.$/, '').toLowerCase().split('.');
  if (labels.length !== 6 || labels[4] !== 'in-addr' || labels[5] !== 'arpa') return undefined;
  const ip = labels.slice(0, 4).reverse().join('.');
  return isIPv4(ip) ? ip : undefined;
}

/**
 * CoreDNS's answer for `name` and `qtype`, or undefined when the kubernetes plugin does not serve
 * the name (outside the zone, or an in-addr.arpa name it has no PTR for: `fallthrough` hands those
 * to the next plugin, `forward`).
 */
export function answerZone(cluster: Cluster, name: string, qtype: DnsRecordType, depth = 0): ZoneAnswer | undefined {
  const zone = cluster.settings.clusterDomain.replace(/\.$/, '').toLowerCase();
  const qname = fqdn(name);
  const lower = qname.toLowerCase();
  const none = (rcode: ZoneAnswer['rcode']): ZoneAnswer => ({ rcode, answers: [], additional: [] });
  if (lower.endsWith('.in-addr.arpa.')) {
    const ip = addressOfReverseName(lower);
    const names = ip ? reverseNames(cluster, ip, zone) : [];
    if (names.length === 0) return undefined;
    return { rcode: 'NOERROR', answers: qtype === 'PTR' ? names.map((n) => record(qname, 'PTR', n)) : [], additional: [] };
  }
  if (lower !== `${zone}.` && !lower.endsWith(`.${zone}.`)) return undefined;
  const base = lower === `${zone}.` ? [] : lower.slice(0, -(zone.length + 2)).split('.');
  if (qtype === 'TXT' && base.length === 1 && base[0] === 'dns-version') {
    return { rcode: 'NOERROR', answers: [record(qname, 'TXT', DNS_SCHEMA_VERSION, 28800)], additional: [] };
  }
  const backends = records(cluster, base, zone);
  if (backends === undefined) return none('NXDOMAIN');
  switch (qtype) {
    case 'A': return { rcode: 'NOERROR', answers: addressAnswer(cluster, qname, backends, zone, depth), additional: [] };
    case 'AAAA': return { rcode: 'NOERROR', answers: backends.filter((b) => !isIPv4(b.host)).map((b) => record(qname, 'CNAME', b.host)), additional: [] };
    case 'CNAME': return { rcode: 'NOERROR', answers: backends.filter((b) => !isIPv4(b.host)).map((b) => record(qname, 'CNAME', b.host)), additional: [] };
    case 'SRV': return backends.length === 0 ? none('NOERROR') : { rcode: 'NOERROR', ...srvAnswer(qname, backends) };
    default: return none('NOERROR');
  }
}
