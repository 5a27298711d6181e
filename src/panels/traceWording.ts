/**
 * Plain-English wording of a trace: one function per message key of src/model/trace/messages.ts,
 * filled from the message's parameters. The model decides what happened; this file only says it.
 * Hops and replies are worded here, reasons and per-pod details in reasonWording.ts.
 * A key without wording (a newer model) falls back to its key and parameters rather than failing.
 */
import type { Layer, Message, Outcome } from '../model/trace/types';
import {
  DETAIL_WORDING, REASON_WORDING, describeDetail, fallbackWording, listOf, plural, reader, type ParamReader,
} from './reasonWording';

export { describeReason, describeDetail } from './reasonWording';

export const LAYER_LABEL: Record<Layer, string> = {
  dns: 'Cluster DNS',
  'load-balancer': 'Load balancer',
  'node-port': 'NodePort',
  'cluster-ip': 'ClusterIP (kube-proxy rules)',
  'pod-network': 'Pod network',
  ingress: 'Ingress',
  pod: 'Pod',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  delivered: 'Delivered',
  refused: 'Refused',
  dropped: 'Dropped',
  'no-route': 'No route',
  nxdomain: 'Name not found (NXDOMAIN)',
};

/** How one of several candidates was chosen (the model's ChoiceMethod). */
function chosen(v: ParamReader, what: string): string {
  const among = plural(v.num('candidates'), what);
  switch (v('method', '')) {
    case 'only': return `the only ${what} available`;
    case 'pick': return `chosen for this trace from ${among}`;
    case 'affinity': return `kept by sessionAffinity: ClientIP, which sends this client's IP to the same one of ${among} every time`;
    case 'seed': return `picked at random from ${among}; another connection may land on a different one`;
    default: return `chosen from ${among}`;
  }
}

/** The load balancer's choice of node, with what its health check says under each policy. */
function lbHealth(v: ParamReader): string {
  if (v('failOpen', '0') === '1') {
    return ` No node passed its health check, so the load balancer spreads connections over all ${plural(v.num('readyNodes'), 'ready node')} anyway.`;
  }
  if (v('policy') === 'Local') {
    return ` With externalTrafficPolicy: Local only nodes running a ready pod of the Service pass its health check (${v('healthyNodes')} of ${v('readyNodes')}), so it sends only to those.`;
  }
  return ` With externalTrafficPolicy: Cluster every ready node passes its health check (${v('healthyNodes')} of ${v('readyNodes')}), even one without a pod of the Service.`;
}

const nodeChoice = (v: ParamReader): string => (v('method', '') === 'pick' ? ' (node chosen for this trace)' : '');

/** A DNS name without its final root dot, for reading inside a sentence. */
const fqdn = (name: string): string => name.replace(/\.$/, '');

/** ` (port "http")` for a named Service port. */
const named = (v: ParamReader): string => (v.has('servicePort') ? ` (port "${v('servicePort')}")` : '');

/** Who sends to a node's address, by hop.node.receive's `via`. */
const SENDER: Record<string, string> = { internet: 'A client on the internet', lan: 'A host on the nodes\' LAN', pod: 'A pod', node: 'A process on a node' };

const HOP_WORDING: Record<string, (v: ParamReader) => string> = {
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
  'hop.lb.receive': (v) => `The client sends to ${v('lbIP')}:${v('port')}, the load balancer the cloud created for ${v('service')}. It is a machine outside the cluster that listens on the Service's port.`,
  'hop.lb.toNode': (v) => `The load balancer passes the connection to node ${v('node')}${nodeChoice(v)} at ${v('nodeIP')}:${v('nodePort')}, the Service's nodePort: `
    + 'a LoadBalancer Service is built on top of a NodePort. The client\'s IP stays the source.'
    + lbHealth(v),
  'hop.lb.toNodeVip': (v) => `No nodePort was allocated for ${v('service')}, so the load balancer sends the packet to node ${v('node')}${nodeChoice(v)} still addressed to ${v('lbIP')}:${v('port')}; kube-proxy's rule for the load-balancer IP takes it there.`
    + lbHealth(v),
  'hop.node.receive': (v) => (v('via', '') === 'external-ip'
    ? `The packet is sent to ${v('nodeIP')}:${v('port')}, node ${v('node')}'s external IP; the cloud's 1:1 NAT hands it to the node's internal address, same port.`
    : `${SENDER[v('via', '')] ?? 'The sender'} sends to node ${v('node')}'s own address, ${v('nodeIP')}:${v('port')}.`)
    + ' kube-proxy opens every nodePort on every node\'s addresses; any other port reaches only programs running on the node itself.',
  'hop.externalIP.receive': (v) => `${v('externalIP')} is one of ${v('service')}'s spec.externalIPs. Kubernetes does not own that address: the network routes it to node ${v('node')}, where kube-proxy has a rule for ${v('externalIP')}:${v('port')}.`,
  'hop.send': (v) => `The packet leaves for ${v('dst')}:${v('port')}. The kube-proxy rules of ${v.has('node') ? `node ${v('node')}` : 'its own node'} see it first, before it goes anywhere.`,
  'hop.service.capture': (v) => {
    const where = `${v('dst')}:${v('port')}`;
    switch (v('via', '')) {
      case 'node-port':
        return `Port ${v('port')} is the nodePort of ${v('service')}${named(v)}. kube-proxy opens it on every node's own addresses, so the rules on ${v('node')} catch ${where} whether or not a pod of the Service runs there.`;
      case 'load-balancer-ip':
        return `kube-proxy on ${v('node')} has a rule for ${where}, the load-balancer address of ${v('service')}${named(v)}, and handles the packet as it would for the ClusterIP.`;
      case 'external-ip':
        return `kube-proxy on ${v('node')} matches ${where}, an external IP of ${v('service')}${named(v)}, and handles it as it would for the ClusterIP.`;
      default:
        return `${where} is the ClusterIP of ${v('service')}${named(v)}. No machine has that address: it exists only as rules kube-proxy writes on every node, and here the rules on ${v('node')}, the sender's own node, match it.`;
    }
  },
  'hop.service.dnat': (v) => {
    const target = v.has('pod') ? `pod ${v('pod')} at ${v('endpoint')}` : v('endpoint');
    const where = !v.has('pod') ? ' That endpoint is not a pod (an address listed in an EndpointSlice by hand), so the packet leaves the node for it.'
      : v('endpointNode', '') === v('node') ? ' The pod runs on this same node.'
        : ` The pod runs on ${v('endpointNode', 'another node')}, so the packet crosses the pod network to it.`;
    const source = v('masquerade', '0') === '1'
      ? ` The source is also rewritten to an address of ${v('node')} (masquerade), so the reply comes back through this node and the pod does not see the client's IP.`
      : ' The source address is left alone: the pod sees the real client IP.';
    return `kube-proxy's rules on ${v('node')} rewrite the destination from the Service address to ${target}, ${chosen(v, 'endpoint')}.${where}${source}`;
  },
  'hop.podNetwork.cross': (v) => `The packet crosses the pod network from ${v('fromNode')} to ${v('toNode')}, the node whose pod address range holds ${v('dst')}. The destination is a real pod IP now; nothing else is rewritten.`,
  'hop.pod.deliver': (v) => `The packet reaches pod ${v('pod')} on ${v('node')} at ${v('podIP')}:${v('port')}, through the node's bridge and the pod's virtual interface.`,
  'hop.node.forward': (v) => `The packet travels over the node network from ${v('fromNode')} to ${v('toNode')}'s address ${v('dst')}:${v('port')}; the rules on ${v('toNode')} deal with it there.`,
  'hop.external.leave': (v) => `No kube-proxy rule matches ${v('host')}:${v('port')}, so ${v.has('node') ? `node ${v('node')}` : 'the sender'} sends the packet out by its default route, out of the cluster.`,
  'hop.node.local': (v) => `${v('ip')} is an address of node ${v('node')} itself, and no kube-proxy rule matches port ${v('port')}, so the packet goes to the node's own network stack, as for any program running on the node.`,
  'hop.node.healthCheck': (v) => `kube-proxy on ${v('node')} answers the load balancer's health check on port ${v('port')}${v.has('service') ? ` for ${v('service')}` : ''}. `
    + 'Under externalTrafficPolicy: Local it reports healthy only where a ready pod of the Service runs, which is how the load balancer learns where to send.',
  'hop.ingress.route': (v) => `Ingress controller ${v('controller')} ends the client's connection and reads the HTTP request: host ${v('host')}, path ${v('path', '/')} `
    + `matches the ${v('pathType', '')} rule ${v('rule', '/')} of Ingress ${v('ingress')}, whose backend is Service ${v('service')} port ${v('servicePort')}.`,
  'hop.ingress.proxy': (v) => `The controller opens its own connection straight to ${v.has('pod') ? `pod ${v('pod')} at ` : ''}${v('endpoint')}, ${chosen(v, 'ready endpoint')} of ${v('service')}. `
    + 'It reads the Service\'s EndpointSlices and balances by itself, so the ClusterIP and kube-proxy are skipped.',
  'reply.conntrack': (v) => {
    const n = v.num('reversed') ?? 0;
    if (n === 0) return `Nothing was rewritten on the way in, so ${v('server')} answers ${v('client')} directly.`;
    return `${v('server')} answers, and conntrack undoes ${n === 1 ? 'the rewrite' : `the ${plural(n, 'rewrite')} in reverse order`}${v.has('nodes') ? ` (on ${listOf(v('nodes'))})` : ''}, `
      + `so ${v('client')} gets its reply from the very address it sent to.`;
  },
  'reply.ingress': (v) => `${v('server')} answers the ingress controller ${v('controller')}, which sends the response back to ${v('client')} on the client's own connection`
    + ((v.num('reversed') ?? 0) > 0 ? `; conntrack undoes that connection's ${plural(v.num('reversed'), 'rewrite')}${v.has('nodes') ? ` on ${listOf(v('nodes'))}` : ''}.` : '.'),
};

/** True when `key` has its own wording (not the fallback). */
export function hasWording(key: string): boolean {
  return key in HOP_WORDING || key in REASON_WORDING || key in DETAIL_WORDING;
}

/** One or two sentences for any message of a trace: a hop, a reply, a reason (its summary) or a detail. */
export function describeMessage(message: Message): string {
  const params = message.params ?? {};
  const hop = HOP_WORDING[message.key];
  if (hop) return hop(reader(params));
  const reason = REASON_WORDING[message.key];
  if (reason) return reason(reader(params)).summary;
  if (message.key in DETAIL_WORDING) return describeDetail(message);
  return fallbackWording(message);
}
