/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (kubeadm's Corefile: `kubernetes
 * cluster.local in-addr.arpa ip6.arpa { pods insecure … ttl 30 }`, then `forward . /etc/resolv.conf`),
 * and the stub resolver of a pod with dnsPolicy ClusterFirst: resolv.conf
 * `search <ns>.svc.<domain> svc.<domain> <domain>` and `options ndots:5`.
 *
 * - `svc.ns.svc.<domain>`: A = the ClusterIP; for a headless Service one A per ready endpoint
 *   (none ready: NXDOMAIN, as findServices returns errNoItems); ExternalName: a CNAME.
 * - `_port._proto.svc.ns.svc.<domain>`: SRV per matching named port; weight 100/n, priority 0.
 * - `host.svc.ns.svc.<domain>`: a headless endpoint by hostname (or dashed IP).
 * - `a-b-c-d.ns.pod.<domain>`: A a.b.c.d (`pods insecure` does not check a pod exists).
 * - Outside the cluster nobody serves <domain>: NXDOMAIN.
 */
import type { Cluster, Service } from './cluster';
import { endpointsFor, type EndpointAddress } from './endpoints';
import { isIPv4 } from './ip';

export type DnsRecordType = 'A' | 'CNAME' | 'SRV';
export type DnsRcode = 'NOERROR' | 'NXDOMAIN';

/** One resource record; names are fully qualified with a trailing dot, as dig prints them. */
export interface DnsRecord {
  name: string;
  type: DnsRecordType;
  ttl: number;
  /** A: the address; CNAME: the target; SRV: `priority weight port target`. */
  value: string;
  srv?: { priority: number; weight: number; port: number; target: string };
}

/** One query the resolver sent, in order, and what came back. */
export interface DnsQuery {
  name: string;
  rcode: DnsRcode;
  /** Who answered: the cluster's CoreDNS zone, or the upstream resolver CoreDNS forwards to. */
  answeredBy: 'cluster-dns' | 'upstream' | 'none';
}

export interface DnsAnswer {
  /** The name as asked. */
  question: string;
  qtype: 'A' | 'SRV';
  inCluster: boolean;
  /** The search list the resolver used (empty outside the cluster). */
  searchPath: string[];
  ndots: number;
  /** Every query sent, in order: search-list expansions first when the name has < ndots dots. */
  tried: DnsQuery[];
  /** The rcode of the final query. */
  rcode: DnsRcode;
  /** The fully-qualified name that answered, when one did. */
  resolvedName?: string;
  answers: DnsRecord[];
  /** A records for SRV targets (CoreDNS's additional section). */
  additional: DnsRecord[];
  /** True when the final answer came from outside the cluster, which the model cannot know. */
  external: boolean;
}

/** kubeadm's Corefile sets `ttl 30` in the kubernetes block. */
export const DNS_TTL = 30;
const NDOTS = 5;

const fqdn = (name: string): string => (name.endsWith('.') ? name : `${name}.`);
const dashed = (ip: string): string => ip.replaceAll('.', '-');

/** endpointHostname in CoreDNS: the endpoint's hostname, else its IP with dashes. */
const endpointHost = (a: EndpointAddress): string => a.hostname ?? dashed(a.ip);

/** The cluster zone's answer for a fully-qualified name, or undefined for NXDOMAIN. */
function lookupZone(cluster: Cluster, name: string, qtype: 'A' | 'SRV'): { answers: DnsRecord[]; additional: DnsRecord[] } | undefined {
  const domain = cluster.settings.clusterDomain.replace(/\.$/, '');
  const bare = name.replace(/\.$/, '').toLowerCase();
  if (!bare.endsWith(`.${domain}`)) return undefined;
  const labels = bare.slice(0, -(domain.length + 1)).split('.');
  // Pod records: a-b-c-d.<ns>.pod.<domain>
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0]!.replaceAll('-', '.');
    return isIPv4(ip) && qtype === 'A' ? { answers: [{ name: fqdn(bare), type: 'A', ttl: DNS_TTL, value: ip }], additional: [] } : undefined;
  }
  if (labels[labels.length - 1] !== 'svc' || labels.length < 3) return undefined;
  const [svcName, ns] = labels.slice(-3, -1) as [string, string];
  const prefix = labels.slice(0, -3);
  const service = cluster.services.find((s) => s.metadata.name === svcName && s.metadata.namespace === ns);
  if (!service) return undefined;
  const svcFqdn = `${svcName}.${ns}.svc.${domain}.`;
  if (service.spec.type === 'ExternalName') {
    if (prefix.length > 0 || !service.spec.externalName || isIPv4(service.spec.externalName)) return undefined;
    const target = fqdn(service.spec.externalName);
    const cname: DnsRecord = { name: svcFqdn, type: 'CNAME', ttl: DNS_TTL, value: target };
    // A target inside the cluster zone is resolved by the same server.
    const inner = target.endsWith(`.${domain}.`) ? lookupZone(cluster, target, qtype) : undefined;
    return { answers: [cname, ...(inner?.answers ?? [])], additional: inner?.additional ?? [] };
  }
  // _port._proto prefix (SRV-style), an endpoint hostname, or nothing.
  let portName: string | undefined;
  let proto: string | undefined;
  let endpoint: string | undefined;
  if (prefix.length === 2 && prefix[0]!.startsWith('_') && prefix[1]!.startsWith('_')) {
    portName = prefix[0]!.slice(1);
    proto = prefix[1]!.slice(1);
  } else if (prefix.length === 1 && !prefix[0]!.startsWith('_')) {
    endpoint = prefix[0];
  } else if (prefix.length > 0) {
    return undefined;
  }
  const ports = service.spec.ports.filter((p) => (portName === undefined || (p.name ?? '') === portName) && (proto === undefined || p.protocol.toLowerCase() === proto));
  if (service.spec.clusterIP === 'None' || endpoint !== undefined) {
    return headless(cluster, service, svcFqdn, qtype, endpoint, portName === undefined ? undefined : ports);
  }
  if (ports.length === 0 && portName !== undefined) return undefined;
  if (service.spec.ports.length === 0) return undefined;
  const ip = service.spec.clusterIP;
  if (!ip) return undefined;
  if (qtype === 'A') return { answers: [{ name: fqdn(bare), type: 'A', ttl: DNS_TTL, value: ip }], additional: [] };
  const srvPorts = portName === undefined ? service.spec.ports : ports;
  const weight = Math.floor(100 / Math.max(1, srvPorts.length));
  return {
    answers: srvPorts.map((p) => srv(fqdn(bare), weight, p.port, svcFqdn)),
    additional: [{ name: svcFqdn, type: 'A', ttl: DNS_TTL, value: ip }],
  };
}

function srv(name: string, weight: number, port: number, target: string): DnsRecord {
  return { name, type: 'SRV', ttl: DNS_TTL, value: `0 ${weight} ${port} ${target}`, srv: { priority: 0, weight, port, target } };
}

/** Headless Services and endpoint names: only ready addresses are published (CoreDNS skips ready=false). */
function headless(cluster: Cluster, service: Service, svcFqdn: string, qtype: 'A' | 'SRV', endpoint: string | undefined, ports: Service['spec']['ports'] | undefined): { answers: DnsRecord[]; additional: DnsRecord[] } | undefined {
  const result = endpointsFor(cluster, service);
  const ready = (result.addresses ?? []).filter((a) => a.ready && (endpoint === undefined || endpointHost(a) === endpoint));
  if (ready.length === 0) return undefined;
  const owner = endpoint === undefined ? svcFqdn : `${endpoint}.${svcFqdn}`;
  if (qtype === 'A') return { answers: ready.map((a) => ({ name: owner, type: 'A', ttl: DNS_TTL, value: a.ip })), additional: [] };
  const srvPorts = ports ?? service.spec.ports;
  const records: { target: string; port: number; ip: string }[] = [];
  srvPorts.forEach((p) => {
    const index = service.spec.ports.indexOf(p);
    for (const e of result.ports[index]?.endpoints ?? []) {
      if (e.ready && ready.some((a) => a.ip === e.ip)) records.push({ target: `${endpointHost(e)}.${svcFqdn}`, port: e.port, ip: e.ip });
    }
  });
  if (records.length === 0) return undefined;
  const weight = Math.floor(100 / records.length);
  return {
    answers: records.map((r) => srv(owner, weight, r.port, r.target)),
    additional: records.map((r) => ({ name: r.target, type: 'A', ttl: DNS_TTL, value: r.ip })),
  };
}

/** Suffixes that no public resolver answers, plus the cluster's namespaces (`web.default`). */
const PRIVATE_TLDS = new Set(['local', 'localhost', 'internal', 'lan', 'home', 'corp', 'svc', 'cluster', 'invalid', 'test', 'example']);

function publicLooking(cluster: Cluster, name: string): boolean {
  const labels = name.toLowerCase().split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!;
  const namespaces = new Set([...cluster.services, ...cluster.pods].map((o) => o.metadata.namespace));
  return !PRIVATE_TLDS.has(tld) && !namespaces.has(tld);
}

/**
 * What a DNS lookup of `name` returns. From a pod (`inCluster`, the default) the resolver walks the
 * search path of the pod's namespace with ndots:5; from outside, nothing under the cluster
 * domain exists. Names starting with `_` are SRV queries, others A. An IP literal needs no lookup.
 */
export function resolveDns(cluster: Cluster, name: string, from: { namespace?: string; inCluster?: boolean } = {}): DnsAnswer {
  const inCluster = from.inCluster ?? true;
  const namespace = from.namespace ?? 'default';
  const domain = cluster.settings.clusterDomain.replace(/\.$/, '');
  const question = name.trim();
  const qtype = question.startsWith('_') ? 'SRV' : 'A';
  const searchPath = inCluster ? [`${namespace}.svc.${domain}`, `svc.${domain}`, domain] : [];
  const base: DnsAnswer = { question, qtype, inCluster, searchPath, ndots: NDOTS, tried: [], rcode: 'NXDOMAIN', answers: [], additional: [], external: false };
  if (isIPv4(question)) return { ...base, rcode: 'NOERROR', answers: [{ name: question, type: 'A', ttl: 0, value: question }] };

  const absolute = question.endsWith('.');
  const bare = question.replace(/\.$/, '');
  const dots = (bare.match(/\./g) ?? []).length;
  // res_search: names with fewer than ndots dots try the search list first; others go as-is first.
  const candidates = absolute || searchPath.length === 0
    ? [bare]
    : dots >= NDOTS ? [bare, ...searchPath.map((s) => `${bare}.${s}`)] : [...searchPath.map((s) => `${bare}.${s}`), bare];

  for (const candidate of candidates) {
    const inZone = candidate.toLowerCase() === domain || candidate.toLowerCase().endsWith(`.${domain}`);
    if (inZone) {
      if (!inCluster) {
        base.tried.push({ name: fqdn(candidate), rcode: 'NXDOMAIN', answeredBy: 'upstream' });
        continue;
      }
      const hit = lookupZone(cluster, candidate, qtype);
      base.tried.push({ name: fqdn(candidate), rcode: hit ? 'NOERROR' : 'NXDOMAIN', answeredBy: 'cluster-dns' });
      if (hit) return { ...base, rcode: 'NOERROR', resolvedName: fqdn(candidate), answers: hit.answers, additional: hit.additional };
      continue;
    }
    // Outside the zone: names that cannot exist in public DNS (one label, or ending in a
    // namespace or a private-use suffix, e.g. `web.default`) get NXDOMAIN from upstream; anything
    // else goes upstream, whose answer the model does not know.
    if (!publicLooking(cluster, candidate)) {
      base.tried.push({ name: fqdn(candidate), rcode: 'NXDOMAIN', answeredBy: 'upstream' });
      continue;
    }
    base.tried.push({ name: fqdn(candidate), rcode: 'NOERROR', answeredBy: 'upstream' });
    return { ...base, rcode: 'NOERROR', resolvedName: fqdn(candidate), external: true };
  }
  return base;
}
