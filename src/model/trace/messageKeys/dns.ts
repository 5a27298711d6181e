/** Message keys of cluster DNS: the query, the answer, the ExternalName CNAME, and names that do not resolve. Each lists its parameters' names. */
/** standIn: 1 when the answer is the explainer's stand-in for public DNS (a hostname-only load balancer's name). */
const LOOKUP = ['name', 'qtype', 'resolvedName', 'answer', 'nameserver', 'namespace', 'server', 'serverIP', 'node', 'tried', 'rcode', 'answeredBy', 'external', 'standIn'] as const;

export const DNS_MESSAGES = {
  /** The pod's query to the kube-dns ClusterIP, DNATed by kube-proxy on its node to a CoreDNS pod. answer: comma list. */
  'hop.dns.query': [...LOOKUP, 'target'],
  /** CoreDNS's answer back; conntrack turns its source back into the kube-dns ClusterIP. */
  'hop.dns.answer': LOOKUP,
  /**
   * A client outside the cluster (or a node) asks public DNS for a load balancer's hostname. Public DNS is
   * not modelled: `answer` is the explainer's stand-in (standIn: 1), from `range` (a documentation range),
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
} as const satisfies Record<string, readonly string[]>;
