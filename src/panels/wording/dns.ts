/**
 * Wording of cluster DNS: the query to the kube-dns Service and CoreDNS's answer, the ExternalName
 * CNAME, and why a name does not resolve. One function per message key
 * (src/model/trace/messageKeys/dns.ts); traceWording.ts gathers them.
 */
import { fqdn, listOf, type ParamReader, type ReasonWords } from './params';

/** What the explainer says of the address it gives a load balancer's hostname (dns.ts, loadBalancerHostnameAddresses). */
const STAND_IN = 'That address is the explainer standing in for public DNS: the name belongs to a load balancer known only by its hostname, whose real addresses (AWS gives one per zone) no Kubernetes object records, so it uses a documentation address, the same every time for this name.';

/** "for "web", which its search path turns into web.default.svc.cluster.local" */
function asked(v: ParamReader): string {
  const resolved = fqdn(v('resolvedName', ''));
  const type = v('qtype', 'A');
  return `for ${type === 'A' ? 'the address' : `the ${type} records`} of "${v('name')}"`
    + (resolved !== '' && resolved !== fqdn(v('name')) ? `, which its search path turns into ${resolved}` : '');
}

/** What the answer held, in a sentence. */
function answered(v: ParamReader): string {
  const answers = v.list('answer');
  const tried = v.list('tried').map(fqdn);
  if (v('rcode', '') === 'NXDOMAIN') {
    return `No such name: ${tried.length > 1 ? `every name of the search path (${listOf(tried)}) got` : 'the answer is'} NXDOMAIN.`;
  }
  if (answers.length === 0 && v.flag('external')) return 'Upstream DNS answers with the name\'s public address, which the explainer cannot know.';
  if (answers.length === 0) return `The name exists, but has no ${v('qtype', 'A')} record: the answer is NOERROR with no data.`;
  if (v.flag('standIn')) return `The answer is ${answers[0]}. ${STAND_IN}`;
  if (answers.length === 1) return `The answer is ${answers[0]}.`;
  return `The answer holds ${answers.length} addresses (${listOf(answers)}): a headless Service answers with its ready pods' own IPs, and the client uses one of them.`;
}

export const DNS_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.dns.public': (v) => `Before it can connect, the client resolves "${v('name')}" with its own resolver, outside the cluster: public DNS, not the cluster's. `
    + `The name is ${v.has('service') ? `the hostname in ${v('service')}'s status.loadBalancer.ingress, ` : ''}a load balancer the cloud knows by name only. `
    + `The answer is ${v('answer')}${v.has('ttl') ? ` (TTL ${v('ttl')} s)` : ''}: the explainer stands in for public DNS here, with ${v.has('range') ? `an address from ${v('range')}, a range kept for documentation (RFC 5737)` : 'a documentation address (RFC 5737)'}, because the balancer's real addresses (AWS gives one per zone) are in no Kubernetes object. `
    + 'The same name always gets the same address. The client\'s packet now goes to that address.',
  'hop.dns.query': (v) => `The pod sends a DNS query over UDP to ${v('nameserver')}:53, the nameserver in its resolv.conf (the kube-dns Service's ClusterIP), asking ${asked(v)}. `
    + `kube-proxy's rules on ${v('node')} DNAT it to the CoreDNS pod ${v('server')} (${v('serverIP')}:53), as they do for any Service.`,
  'hop.dns.answer': (v) => `CoreDNS (${v('server')}) ${v('answeredBy', '') === 'upstream'
    ? 'serves only the cluster zone: it forwards this name to the upstream resolver in its node\'s /etc/resolv.conf and passes the answer on.'
    : 'answers from the cluster\'s Services and pods.'} ${answered(v)} `
    + `conntrack undoes the DNAT on the way back, so the answer comes from ${v('nameserver')}:53, the address the pod asked. The application's connection is a new packet.`,
  'hop.dns.cname': (v) => `CoreDNS (${v('server')}) answers "${fqdn(v('resolvedName', v('name')))}" with a CNAME to ${v('target')}: an ExternalName Service is only a DNS alias. `
    + `There is no ClusterIP and no kube-proxy rule; the pod connects to ${v('target')} itself. The answer comes back from ${v('nameserver')}:53 (conntrack undoes the DNAT).`,
};

export const DNS_REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  'reason.dns.nxdomain': (v) => ({
    summary: `Cluster DNS has no record for "${v('name')}"`
      + (v.has('tried') ? `: it tried ${listOf(v.list('tried').map(fqdn))}, following the pod's search path${v.has('namespace') ? ` for namespace ${v('namespace')}` : ''}, and every answer was NXDOMAIN.` : ' (NXDOMAIN).'),
    fix: 'Check the spelling of the Service name. A Service in another namespace needs that namespace in the name: <service>.<namespace>.',
  }),
  'reason.dns.noData': (v) => ({
    summary: `"${fqdn(v('resolvedName', v('name')))}" exists in cluster DNS but has no ${v('qtype', 'A')} record: CoreDNS answers NOERROR with no data, so the client gets no address to connect to ("no address associated with hostname", not "unknown host").`,
    fix: 'Ask for a Service by its own name (<service>, <service>.<namespace> or <service>.<namespace>.svc.<cluster domain>); the zone\'s inner names and SRV-only names carry no address.',
  }),
  'reason.dns.noServer': (v) => ({
    summary: `The pod's DNS query to ${v('nameserver')}:53/UDP got no answer from a DNS server, so "${v('name')}" never resolved; the hops above show where the query stopped on ${v('node', 'its node')}.`,
    fix: 'Check that the kube-dns Service in kube-system has ready CoreDNS pods behind it: kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns.',
  }),
  'reason.dns.outsideCluster': (v) => ({
    summary: `"${v('name')}" is a cluster-internal name. Only pods resolve names under ${v('clusterDomain', 'the cluster domain')}, because their resolv.conf points at cluster DNS; this source uses an ordinary resolver that has never heard of them.`,
    fix: 'From outside the pods, use an address the cluster exposes: a LoadBalancer IP, NodeIP:nodePort, or an Ingress host that has a public DNS record.',
  }),
  'reason.dns.unknownExternal': (v) => ({
    summary: `"${v('name')}" is a public name, and the explainer cannot know which address public DNS would return for it.`,
    fix: 'Send to an IP address instead, or to the host of an Ingress defined in the cluster.',
  }),
};
