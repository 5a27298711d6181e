/**
 * A pod's DNS lookup, traced as the packets it is: a UDP query from the pod to the nameserver of
 * its resolv.conf (the kube-dns Service's ClusterIP, `settings.dnsServiceIP`), which kube-proxy on
 * the pod's node DNATs to a CoreDNS pod exactly as it does any Service traffic (the same `atNode`
 * step on the same rules), and CoreDNS's answer back, whose source conntrack turns back into the
 * ClusterIP. The application's own connection is a new packet after this.
 *
 * The resolver may send several queries (the search path); they all take this path, so the trace
 * shows it once with the list of names tried.
 */
import type { DnsAnswer } from '../dns';
import { elementId } from '../elementIds';
import { ephemeralPort } from './choose';
import { Flow } from './flow';
import { msg } from './messages';
import { drive } from './drive';
import type { Hop, Trace } from './types';

/** The answer records as a hop carries them. */
const records = (answer: DnsAnswer) => answer.answers.map((r) => ({ type: r.type, value: r.value }));

/**
 * Sends the lookup's query through the cluster and appends the query and answer hops to `flow`.
 * Returns the failed trace when no DNS server answered (kube-proxy found no ready CoreDNS pod,
 * nothing serves `dnsServiceIP`…), else undefined.
 */
export function clusterDnsLookup(flow: Flow, answer: DnsAnswer, cname: string | undefined): Trace | undefined {
  const { ctx, source } = flow;
  const nameserver = ctx.cluster.settings.dnsServiceIP;
  const to = { host: nameserver, port: 53, protocol: 'UDP' as const };
  const query = new Flow(ctx, { from: flow.request.from, to }, flow.options, source,
    ephemeralPort(`dns|${source.ref}|${answer.question}`), { ip: nameserver, port: 53 }, 'UDP');
  const sent = drive(query, { at: 'node', node: source.nodeName! });
  const tried = answer.tried.map((t) => t.name);
  const { podNamespace, podName } = sent.endpoint ?? {};
  const serverPod = podName !== undefined && podNamespace !== undefined ? { namespace: podNamespace, name: podName } : undefined;

  if (sent.outcome !== 'delivered' || serverPod === undefined || sent.reply === undefined) {
    // The resolver's queries get no answer (or an ICMP error): the name never resolves.
    flow.hops.push(...sent.hops.map(withoutReply));
    return flow.fail(sent.outcome === 'delivered' ? 'dropped' : sent.outcome, 'reason.dns.noServer', {
      name: answer.question, nameserver, node: source.nodeName, cause: sent.reason?.key,
    });
  }
  const server = `${serverPod.namespace}/${serverPod.name}`;
  const serverRef = elementId.pod(serverPod);
  const dns: NonNullable<Hop['dns']> = {
    question: answer.question, qtype: answer.qtype, rcode: answer.rcode,
    ...(answer.resolvedName ? { resolvedName: answer.resolvedName } : {}), answers: records(answer),
  };
  const params = {
    name: answer.question, qtype: answer.qtype, resolvedName: answer.resolvedName, nameserver, namespace: source.namespace,
    server, serverIP: sent.endpoint!.ip, node: source.nodeName, tried, rcode: answer.rcode,
    // Who gave the final answer: CoreDNS's kubernetes plugin, or the upstream resolver it forwards to.
    answeredBy: answer.tried.at(-1)?.answeredBy ?? 'none', external: answer.external, standIn: answer.standIn ? true : undefined,
    answer: dns.answers.map((a) => a.value), target: cname,
  };
  const dnat = sent.hops.flatMap((h) => h.rewrites);
  const last = sent.hops[sent.hops.length - 1]!;
  const queryHop: Hop = {
    from: source.ref, to: serverRef, layer: 'dns', node: source.nodeName!,
    packet: { ...last.packet, src: { ...last.packet.src }, dst: { ...last.packet.dst } },
    rewrites: dnat, explanation: msg('hop.dns.query', params), dns,
  };
  const answerHop: Hop = {
    from: serverRef, to: source.ref, layer: 'dns', node: source.nodeName!,
    packet: { ...sent.reply.arrives, src: { ...sent.reply.arrives.src }, dst: { ...sent.reply.arrives.dst } },
    rewrites: sent.reply.reversed,
    explanation: msg(cname !== undefined ? 'hop.dns.cname' : 'hop.dns.answer', params), dns,
  };
  if (cname !== undefined) answerHop.docsLayer = 'ExternalName';
  flow.hops.push(queryHop, answerHop);
  return undefined;
}

function withoutReply(hop: Hop): Hop {
  const { reply: _reply, ...rest } = hop;
  return rest;
}
