/** Message keys of cluster DNS: the query, the answer, the ExternalName CNAME, and names that do not resolve. Each lists its parameters' names. */
import type { ParamNames } from './paramTypes';

/** What a lookup hop says (query, answer and CNAME hops share it). */
type Lookup = {
  name: string; qtype: string; resolvedName?: string; answer: readonly string[]; nameserver: string; namespace?: string;
  server: string; serverIP: string; node?: string; tried: readonly string[]; rcode: string;
  answeredBy: 'cluster-dns' | 'upstream' | 'none'; external: boolean; standIn?: boolean;
};

/** The parameters of each DNS key. */
export type DnsParams = {
  'hop.dns.query': Lookup & { target?: string };
  'hop.dns.answer': Lookup;
  'hop.dns.public': { name: string; qtype: string; answer: string; service?: string; standIn: boolean; range: string; ttl?: number };
  'hop.dns.cname': Lookup & { target?: string };
  'reason.dns.nxdomain': { name: string; namespace?: string; tried: readonly string[] };
  'reason.dns.noData': { name: string; resolvedName?: string; qtype: string; namespace?: string };
  'reason.dns.noServer': { name: string; nameserver: string; node?: string; cause?: string };
  'reason.dns.outsideCluster': { name: string; clusterDomain: string };
  'reason.dns.unknownExternal': { name: string };
};

/** standIn: true when the answer is the explainer's stand-in for public DNS (a hostname-only load balancer's name). */
const LOOKUP = ['name', 'qtype', 'resolvedName', 'answer', 'nameserver', 'namespace', 'server', 'serverIP', 'node', 'tried', 'rcode', 'answeredBy', 'external', 'standIn'] as const;

export const DNS_MESSAGES = {
  /** The pod's query to the kube-dns ClusterIP, DNATed by kube-proxy on its node to a CoreDNS pod. answer: the addresses. */
  'hop.dns.query': [...LOOKUP, 'target'],
  /** CoreDNS's answer back; conntrack turns its source back into the kube-dns ClusterIP. */
  'hop.dns.answer': LOOKUP,
  /**
   * A client outside the cluster (or a node) asks public DNS for a load balancer's hostname. Public DNS is
   * not modelled: `answer` is the explainer's stand-in (standIn: true), from `range` (a documentation range),
   * stable per hostname; `service` is the LoadBalancer Service whose status holds the name; ttl: the answer's TTL.
   * The hop stays at the client (from = to): the name becomes the address the packet is then sent to.
   */
  'hop.dns.public': ['name', 'qtype', 'answer', 'service', 'standIn', 'range', 'ttl'],
  /** ExternalName: cluster DNS answers a CNAME; the client resolves and connects to it itself. */
  'hop.dns.cname': [...LOOKUP, 'target'],
  'reason.dns.nxdomain': ['name', 'namespace', 'tried'],
  /** NOERROR with no address: the name exists in the zone without records of the asked type. */
  'reason.dns.noData': ['name', 'resolvedName', 'qtype', 'namespace'],
  /** The query reached no DNS server (no ready CoreDNS pod, nothing at dnsServiceIP). cause: the query's reason key. */
  'reason.dns.noServer': ['name', 'nameserver', 'node', 'cause'],
  /** A cluster name asked from outside: only pods use cluster DNS. */
  'reason.dns.outsideCluster': ['name', 'clusterDomain'],
  /** A public name whose address the model cannot know. */
  'reason.dns.unknownExternal': ['name'],
} as const satisfies ParamNames<DnsParams>;
