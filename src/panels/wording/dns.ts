/**
 * Wording of Cluster DNS: the query hop, the ExternalName CNAME, and why a name does not resolve.
 * One function per message key (src/model/trace/messageKeys/dns.ts); traceWording.ts gathers them.
 */
import { fqdn, listOf, type ParamReader, type ReasonWords } from './params';

export const DNS_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.dns.query': (v) => {
    const answers = v('answer', '').split(',').filter(Boolean);
    const resolved = fqdn(v('resolvedName', ''));
    const asked = `The pod asks cluster DNS (${v('nameserver')}, the kube-dns Service in its resolv.conf) for "${v('name')}"`
      + (resolved !== '' && resolved !== fqdn(v('name')) ? `, which its search path turns into ${resolved}` : '');
    if (answers.length === 0) return `${asked}. There is no such record.`;
    if (answers.length === 1) return `${asked}. The answer is ${answers[0]}.`;
    return `${asked}. It gets ${answers.length} addresses (${listOf(v('answer'))}): a headless Service answers with its ready pods' own IPs, and the client uses one of them.`;
  },
  'hop.dns.cname': (v) => `Cluster DNS (${v('nameserver')}) answers "${fqdn(v('resolvedName', v('name')))}" with a CNAME to ${v('target')}: an ExternalName Service is only a DNS alias. `
    + `There is no ClusterIP and no kube-proxy rule; the pod connects to ${v('target')} itself.`,
};

export const DNS_REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  'reason.dns.nxdomain': (v) => ({
    summary: `Cluster DNS has no record for "${v('name')}"`
      + (v.has('tried') ? `: it tried ${listOf(v('tried').replace(/\.(,|$)/g, '$1'))}, following the pod's search path${v.has('namespace') ? ` for namespace ${v('namespace')}` : ''}, and every answer was NXDOMAIN.` : ' (NXDOMAIN).'),
    fix: 'Check the spelling of the Service name. A Service in another namespace needs that namespace in the name: <service>.<namespace>.',
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
