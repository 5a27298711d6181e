/** Message keys of cluster DNS: the query, the answer, the ExternalName CNAME, and names that do not resolve. Each lists its parameters' names. */
const LOOKUP = ['name', 'qtype', 'resolvedName', 'answer', 'nameserver', 'namespace', 'server', 'serverIP', 'node', 'tried', 'rcode', 'answeredBy', 'external'] as const;

export const DNS_MESSAGES = {
  /** The pod's query to the kube-dns ClusterIP, DNATed by kube-proxy on its node to a CoreDNS pod. answer: comma list. */
  'hop.dns.query': [...LOOKUP, 'target'],
  /** CoreDNS's answer back; conntrack turns its source back into the kube-dns ClusterIP. */
  'hop.dns.answer': LOOKUP,
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
