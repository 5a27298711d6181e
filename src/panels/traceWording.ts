/**
 * Plain-English wording of a trace: one function per message key of src/model/trace/messages.ts,
 * filled from the message's parameters. The model decides what happened; this file only says it.
 * Core hops and replies are worded here, reasons and per-pod details in reasonWording.ts, and each
 * area's own keys in wording/ (DNS, load balancer, Ingress).
 * A key without wording (a newer model) falls back to its key and parameters rather than failing.
 */
import type { Hop, Layer, Message, Outcome, Rewrite } from '../model/trace/types';
import { DETAIL_WORDING, REASON_WORDING, describeDetail } from './reasonWording';
import { DNS_HOP_WORDING } from './wording/dns';
import { INGRESS_HOP_WORDING } from './wording/ingress';
import { LOAD_BALANCER_HOP_WORDING } from './wording/loadBalancer';
import { chosen, fallbackWording, listOf, plural, portAssumedNote, reader, type ParamReader } from './wording/params';

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

/** A hop's layer as its heading names it: the public DNS a client outside asks is not the cluster's. */
export function hopLayerLabel(hop: Pick<Hop, 'layer' | 'explanation'>): string {
  return hop.explanation.key === 'hop.dns.public' ? 'Public DNS' : LAYER_LABEL[hop.layer];
}

export const OUTCOME_LABEL: Record<Outcome, string> = {
  delivered: 'Delivered',
  refused: 'Refused',
  'http-error': 'HTTP error from the proxy',
  dropped: 'Dropped',
  'no-route': 'No route',
  nxdomain: 'Name not found (NXDOMAIN)',
  nodata: 'No address for the name (NOERROR, no data)',
};

/** Who made a rewrite, as the hop details name it. */
export const REWRITER: Record<Rewrite['by'], string> = {
  'kube-proxy': "kube-proxy's rules",
  'load-balancer': 'the load balancer',
  'cloud-nat': "the cloud's 1:1 NAT",
  'node-masquerade': "the node's masquerade of outgoing pod traffic",
};

/** ` (port "http")` for a named Service port. */
const named = (v: ParamReader): string => (v.has('servicePort') ? ` (port "${v('servicePort')}")` : '');

/** What the node does to a pod's source address on the way out (the model's egress decision). */
const EGRESS_WORDING: Record<string, (v: ParamReader) => string> = {
  node: (v) => ` On the way out the node masquerades it: the source ${v('podIP')} becomes the node's own ${v('nodeIP')}, as the network plugin `
    + '(or ip-masq-agent) does by default for destinations outside the cluster, so the outside host answers the node and the node hands the reply back to the pod.',
  disabled: (v) => ` Masquerading of outgoing pod traffic is turned off in this cluster, so the packet keeps the pod's own source ${v('podIP')}: `
    + 'the outside host must have a route for the pod range back to the nodes, or its reply never arrives.',
  exempt: (v) => ` The destination is inside ${v('cidr')}, a range the node does not masquerade, so the packet keeps the pod's own source ${v('podIP')}; `
    + 'that network must route the pod range back to the nodes.',
};

/** Who sends to a node's address, by hop.node.receive's `via`. */
const SENDER: Record<string, string> = { internet: 'A client on the internet', lan: 'A host on the nodes\' LAN', pod: 'A pod', node: 'A process on a node' };

const CORE_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.node.receive': (v) => (v('via', '') === 'external-ip'
    ? `The packet is sent to ${v('nodeIP')}:${v('port')}, node ${v('node')}'s external IP; the cloud's 1:1 NAT hands it to the node's internal address, same port.`
    : `${SENDER[v('via', '')] ?? 'The sender'} sends to node ${v('node')}'s own address, ${v('nodeIP')}:${v('port')}.`)
    // kube-proxy's --nodeport-addresses: unset, iptables mode accepts nodePorts on every local address; nftables mode
    // defaults to the node's primary IPs (pkg/proxy/util NodePortAddresses, the "primary" value).
    + (v('proxyMode', '') === 'nftables'
      ? ' kube-proxy has rules for every nodePort on every node; in nftables mode they match only the addresses in its nodeport-ips set (by default the node\'s primary IP, never 127.0.0.1), where iptables mode, by default, takes nodePorts on all the node\'s addresses. Any other port reaches only programs running on the node itself.'
      : ' kube-proxy has rules for every nodePort on every node (in iptables mode on all the node\'s addresses, by default); any other port reaches only programs running on the node itself.'),
  'hop.externalIP.receive': (v) => `${v('externalIP')} is one of ${v('service')}'s spec.externalIPs. Kubernetes does not own that address: the network routes it to node ${v('node')}, where kube-proxy has a rule for ${v('externalIP')}:${v('port')}.`,
  'hop.send': (v) => `The packet leaves for ${v('dst')}:${v('port')}. The kube-proxy rules of ${v.has('node') ? `node ${v('node')}` : 'its own node'} see it first, before it goes anywhere.`,
  'hop.service.capture': (v) => {
    const where = `${v('dst')}:${v('port')}`;
    switch (v('via', '')) {
      case 'node-port':
        return `Port ${v('port')} is the nodePort of ${v('service')}${named(v)}. kube-proxy writes a rule for it on every node, so the rules on ${v('node')} catch ${where} whether or not a pod of the Service runs there.`;
      case 'load-balancer-ip':
        // iptables proxier: a rule per status.loadBalancer.ingress IP unless its ipMode is Proxy.
        return `kube-proxy on ${v('node')} has a rule for ${where}, the load-balancer address of ${v('service')}${named(v)} (it writes one unless the load balancer's ipMode is Proxy), and handles the packet as it would for the ClusterIP.`;
      case 'external-ip':
        return `kube-proxy on ${v('node')} matches ${where}, an external IP of ${v('service')}${named(v)}, and handles it as it would for the ClusterIP.`;
      default:
        return `${where} is the ClusterIP of ${v('service')}${named(v)}. No machine owns that address: kube-proxy writes rules for it on every node (in IPVS mode it also puts it on a dummy interface of each node), and here the rules on ${v('node')}, the sender's own node, match it.`;
    }
  },
  'hop.service.dnat': (v) => {
    const target = v.has('pod') ? `pod ${v('pod')} at ${v('endpoint')}` : v('endpoint');
    const where = !v.has('pod') ? ' That endpoint is not a pod (an address listed in an EndpointSlice by hand), so the packet leaves the node for it.'
      : v('endpointNode', '') === v('node') ? ' The pod runs on this same node.'
        : ` The pod runs on ${v('endpointNode', 'another node')}, so the packet crosses the pod network to it.`;
    const source = v.flag('masquerade')
      ? ` The source is also rewritten to an address of ${v('node')} (masquerade), so the reply comes back through this node and the pod does not see the client's IP.`
      : ' kube-proxy leaves the source address alone: the pod sees the client\'s IP, as it arrived at this node.';
    return `kube-proxy's rules on ${v('node')} rewrite the destination from the Service address to ${target}, ${chosen(v, 'endpoint')}.${where}${source}${portAssumedNote(v)}`;
  },
  'hop.podNetwork.cross': (v) => `The packet crosses the pod network from ${v('fromNode')} to ${v('toNode')}, the node whose pod address range holds ${v('dst')}. The destination is a real pod IP now; nothing else is rewritten.`,
  'hop.pod.deliver': (v) => `The packet reaches pod ${v('pod')} on ${v('node')} at ${v('podIP')}:${v('port')}, through the pod's virtual interface (the veth pair its CNI plugin set up).${portAssumedNote(v)}`,
  'hop.node.forward': (v) => `The packet travels over the node network from ${v('fromNode')} to ${v('toNode')}'s address ${v('dst')}:${v('port')}; the rules on ${v('toNode')} deal with it there.`,
  'hop.external.leave': (v) => `No kube-proxy rule matches ${v('host')}:${v('port')}, so ${v.has('node') ? `node ${v('node')}` : 'the sender'} sends the packet out by its default route, out of the cluster.`
    + (EGRESS_WORDING[v('masquerade', '')]?.(v) ?? ''),
  // nftables proxier, setupNFTables: filter-forward / filter-output jump to cluster-ips-check for new connections.
  'hop.kubeProxy.filter': (v) => `The packet to ${v('dst')}:${v('port')} reaches the kube-proxy rules of node ${v('node')}. No Service takes it, and in nftables mode the ${v('chain')} chain ${v('verdict') === 'reject' ? 'rejects' : 'drops'} it there; in iptables mode no rule would match and it would leave by the default route.`,
  'hop.node.local': (v) => `${v('ip')} is an address of node ${v('node')} itself, and no kube-proxy rule matches port ${v('port')}, so the packet goes to the node's own network stack, as for any program running on the node.`,
  'reply.conntrack': (v) => {
    const n = v.num('reversed') ?? 0;
    if (n === 0) return `Nothing was rewritten on the way in, so ${v('server')} answers ${v('client')} directly.`;
    // Each translation is undone where it was made, innermost first.
    const steps: string[] = [];
    const kubeProxy = v.num('kubeProxy') ?? 0;
    if (kubeProxy > 0) {
      steps.push(`conntrack on ${v.has('nodes') ? listOf(v.list('nodes')) : 'the node'} undoes kube-proxy's ${kubeProxy === 1 ? 'rewrite' : `${kubeProxy} rewrites`} on the node that made ${kubeProxy === 1 ? 'it' : 'them'}`);
    }
    if (v.has('cloudNat')) steps.push(`the cloud's 1:1 NAT in front of ${listOf(v.list('cloudNat'))} turns the node's InternalIP back into its ExternalIP`);
    if (v.has('lb')) steps.push(`the load balancer of ${v('lb')} undoes its own translation, so the reply leaves it from the load balancer's address`);
    if (steps.length === 0) steps.push(`conntrack undoes ${n === 1 ? 'the rewrite' : `the ${plural(n, 'rewrite')} in reverse order`}`);
    return `${v('server')} answers the address it saw; on the way back ${steps.join(', then ')}. So ${v('client')} gets its reply from the very address it sent to.`;
  },
};

const HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  ...CORE_HOP_WORDING, ...DNS_HOP_WORDING, ...LOAD_BALANCER_HOP_WORDING, ...INGRESS_HOP_WORDING,
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
