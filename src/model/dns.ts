/**
 * Cluster DNS as a pod's lookup meets it: the stub resolver of a pod with dnsPolicy ClusterFirst
 * (resolv.conf `search <ns>.svc.<domain> svc.<domain> <domain>`, `options ndots:5`, glibc's
 * res_search order) asking CoreDNS, whose kubernetes plugin answers the cluster zone and reverse
 * names (dnsZone.ts) and which forwards everything else upstream (`forward . /etc/resolv.conf`).
 * Outside the cluster nobody serves <domain>: NXDOMAIN.
 *
 * Public DNS is not modelled, with one exception: the hostname of a load balancer known only by
 * name (status.loadBalancer.ingress[].hostname, e.g. an AWS ELB name). Public DNS would answer it
 * with the balancer's own addresses, which Kubernetes never records; the explainer stands in with a
 * documentation address (loadBalancerHostnameAddresses) and marks the answer `standIn`.
 */
import { fnv1a, LOAD_BALANCER_POOL } from './addressing';
import type { Cluster } from './cluster';
import { addressOfReverseName, answerZone, type DnsRecord, type DnsRecordType } from './dnsZone';
import { intToIp, isIPv4, parseCidr } from './ip';

export { DNS_TTL, type DnsRecord, type DnsRecordType } from './dnsZone';
export type DnsRcode = 'NOERROR' | 'NXDOMAIN';

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
  qtype: DnsRecordType;
  inCluster: boolean;
  /** The search list the resolver used (empty outside the cluster). */
  searchPath: string[];
  ndots: number;
  /** Every query sent, in order: search-list expansions first when the name has < ndots dots. */
  tried: DnsQuery[];
  /** The rcode of the final query: NOERROR with no answers is "no data" (the name exists without such records). */
  rcode: DnsRcode;
  /** The fully-qualified name that answered, when one did (in the case it was asked). */
  resolvedName?: string;
  answers: DnsRecord[];
  /** A records for SRV targets (CoreDNS's additional section). */
  additional: DnsRecord[];
  /** True when the final answer came from outside the cluster, which the model cannot know. */
  external: boolean;
  /**
   * True when the answer is the explainer's stand-in for public DNS: the name is a load balancer's
   * hostname and the address is one chosen by loadBalancerHostnameAddresses, not a real one.
   */
  standIn?: boolean;
}

/** TTL of the stand-in answer: the 60 s AWS gives its load balancers' names. */
export const STAND_IN_TTL = 60;

const standInCache = new WeakMap<Cluster, Map<string, string>>();

/**
 * The address the explainer gives each hostname-only load balancer of the cluster, lower-cased
 * hostname → IP. Public DNS would return the balancer's own addresses, which no Kubernetes object
 * records, so the explainer picks one from LOAD_BALANCER_POOL (203.0.113.0/24, TEST-NET-3, a
 * documentation range): in the pool's upper half (.128–.254; the lower half is where the cluster's
 * own load-balancer IPs are allocated), at a place set by a hash of the hostname, so a name keeps its
 * address from one cluster to the next; an address some other part of the cluster already uses
 * (an ingress IP, a loadBalancerIP, an externalIP, a client) or another hostname took is skipped.
 */
export function loadBalancerHostnameAddresses(cluster: Cluster): Map<string, string> {
  const cached = standInCache.get(cluster);
  if (cached) return cached;
  const taken = new Set<string>();
  const hostnames = new Set<string>();
  for (const svc of cluster.services) {
    for (const ing of svc.status.loadBalancer.ingress ?? []) {
      if (ing.ip) taken.add(ing.ip);
      else if (ing.hostname && svc.spec.type === 'LoadBalancer') hostnames.add(ing.hostname.toLowerCase().replace(/\.$/, ''));
    }
    if (svc.spec.loadBalancerIP) taken.add(svc.spec.loadBalancerIP);
    for (const ip of svc.spec.externalIPs ?? []) taken.add(ip);
  }
  for (const client of cluster.settings.clients) taken.add(client.ip);
  const pool = parseCidr(LOAD_BALANCER_POOL)!;
  const first = pool.base + pool.size / 2;
  const count = pool.size / 2 - 1; // .128–.254: not the broadcast address
  const out = new Map<string, string>();
  for (const hostname of [...hostnames].sort()) {
    const start = fnv1a(hostname) % count;
    for (let i = 0; i < count; i++) {
      const ip = intToIp(first + ((start + i) % count));
      if (!taken.has(ip)) {
        out.set(hostname, ip);
        taken.add(ip);
        break;
      }
    }
  }
  standInCache.set(cluster, out);
  return out;
}

const NDOTS = 5;
const fqdn = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** Suffixes that no public resolver answers, plus the cluster's namespaces (`web.default`). */
const PRIVATE_TLDS = new Set(['local', 'localhost', 'internal', 'lan', 'home', 'corp', 'svc', 'cluster', 'invalid', 'test', 'example', 'arpa']);

function publicLooking(cluster: Cluster, name: string): boolean {
  const labels = name.toLowerCase().split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!;
  const namespaces = new Set([...cluster.services, ...cluster.pods].map((o) => o.metadata.namespace));
  return !PRIVATE_TLDS.has(tld) && !namespaces.has(tld);
}

/** The query type a name implies: `_port._proto…` SRV, `….in-addr.arpa` PTR, else A. */
function impliedType(name: string): DnsRecordType {
  if (name.startsWith('_')) return 'SRV';
  return addressOfReverseName(name) !== undefined ? 'PTR' : 'A';
}

/**
 * What a DNS lookup of `name` returns. From a pod (`inCluster`, the default) the resolver walks the
 * search path of the pod's namespace with ndots:5; from outside, nothing under the cluster
 * domain exists. `qtype` defaults to the type the name implies. An IP literal needs no lookup.
 * The search stops at the first answer with data, as glibc's res_search does.
 */
export function resolveDns(cluster: Cluster, name: string, from: { namespace?: string; inCluster?: boolean; qtype?: DnsRecordType } = {}): DnsAnswer {
  const inCluster = from.inCluster ?? true;
  const namespace = from.namespace ?? 'default';
  const domain = cluster.settings.clusterDomain.replace(/\.$/, '');
  const question = name.trim();
  const qtype = from.qtype ?? impliedType(question);
  const searchPath = inCluster ? [`${namespace}.svc.${domain}`, `svc.${domain}`, domain] : [];
  const base: DnsAnswer = { question, qtype, inCluster, searchPath, ndots: NDOTS, tried: [], rcode: 'NXDOMAIN', answers: [], additional: [], external: false };
  if (isIPv4(question) && qtype === 'A') return { ...base, rcode: 'NOERROR', answers: [{ name: question, type: 'A', ttl: 0, value: question }] };

  const absolute = question.endsWith('.');
  const bare = question.replace(/\.$/, '');
  const dots = (bare.match(/\./g) ?? []).length;
  // res_search: names with fewer than ndots dots try the search list first; others go as-is first.
  const candidates = absolute || searchPath.length === 0
    ? [bare]
    : dots >= NDOTS ? [bare, ...searchPath.map((s) => `${bare}.${s}`)] : [...searchPath.map((s) => `${bare}.${s}`), bare];

  // glibc's res_search goes on after NOERROR with no data, and reports "no data" if nothing answered.
  let noData: string | undefined;
  for (const candidate of candidates) {
    const zone = inCluster ? answerZone(cluster, candidate, qtype) : undefined;
    const lower = candidate.toLowerCase();
    const inZone = lower === domain.toLowerCase() || lower.endsWith(`.${domain.toLowerCase()}`);
    if (zone) {
      base.tried.push({ name: fqdn(candidate), rcode: zone.rcode, answeredBy: 'cluster-dns' });
      if (zone.rcode === 'NOERROR' && zone.answers.length > 0) {
        return { ...base, rcode: 'NOERROR', resolvedName: fqdn(candidate), answers: zone.answers, additional: zone.additional };
      }
      if (zone.rcode === 'NOERROR') noData ??= fqdn(candidate);
      continue;
    }
    // Outside the zone (or a cluster name asked from outside): names that cannot exist in public
    // DNS (one label, a namespace or private-use suffix such as `web.default`, a private reverse
    // name) get NXDOMAIN from upstream; anything else goes upstream, whose answer the model does not know.
    const standIn = inZone || qtype !== 'A' ? undefined : loadBalancerHostnameAddresses(cluster).get(lower);
    if (standIn !== undefined) {
      // A load balancer's hostname: public DNS answers it; the explainer stands in with its address.
      base.tried.push({ name: fqdn(candidate), rcode: 'NOERROR', answeredBy: 'upstream' });
      return {
        ...base, rcode: 'NOERROR', resolvedName: fqdn(candidate), external: true, standIn: true,
        answers: [{ name: fqdn(candidate), type: 'A', ttl: STAND_IN_TTL, value: standIn }],
      };
    }
    if (inZone || !publicLooking(cluster, candidate)) {
      base.tried.push({ name: fqdn(candidate), rcode: 'NXDOMAIN', answeredBy: 'upstream' });
      continue;
    }
    base.tried.push({ name: fqdn(candidate), rcode: 'NOERROR', answeredBy: 'upstream' });
    return { ...base, rcode: 'NOERROR', resolvedName: fqdn(candidate), external: true };
  }
  return noData !== undefined ? { ...base, rcode: 'NOERROR', resolvedName: noData } : base;
}
