/** Message keys of Cluster DNS: the query, the ExternalName CNAME, and names that do not resolve. Each lists its parameters' names. */
export const DNS_MESSAGES = {
  /** A pod asks cluster DNS (the kube-dns Service IP from its resolv.conf). answer: comma list. */
  'hop.dns.query': ['name', 'resolvedName', 'answer', 'nameserver', 'namespace'],
  /** ExternalName: cluster DNS answers a CNAME; the client resolves and connects to it itself. */
  'hop.dns.cname': ['name', 'resolvedName', 'target', 'answer', 'nameserver', 'namespace'],
  'reason.dns.nxdomain': ['name', 'namespace', 'tried'],
  /** A cluster name asked from outside: only pods use cluster DNS. */
  'reason.dns.outsideCluster': ['name', 'clusterDomain'],
  /** A public name whose address the model cannot know. */
  'reason.dns.unknownExternal': ['name'],
} as const satisfies Record<string, readonly string[]>;
