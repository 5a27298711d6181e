/**
 * Plain-English wording of why a trace stopped: the `reason.*` keys of the core path (what happened,
 * and what would fix it) and every `detail.*` key (why one pod is not an endpoint). The model hands
 * over keys and parameters (src/model/trace/messageKeys/); the sentences live here and, per area, in
 * wording/ (DNS, load balancer, Ingress).
 */
import type { Message, Reason } from '../model/trace/types';
import { DNS_REASON_WORDING } from './wording/dns';
import { INGRESS_REASON_WORDING } from './wording/ingress';
import { LOAD_BALANCER_REASON_WORDING } from './wording/loadBalancer';
import { endpointsFix, fallbackWording, listOf, plural, reader, type ParamReader, type ReasonWords } from './wording/params';

/** " (port http)" for a named Service port, nothing for an unnamed one. */
const portName = (v: ParamReader): string => (v.has('servicePort') ? ` (port ${v('servicePort')})` : '');

/** "80/TCP,443/TCP" on 10.96.0.50 → "10.96.0.50:80 or 10.96.0.50:443". */
function servicePortsOn(ip: string, ports: readonly string[]): string {
  const list = ports.map((p) => p.split('/')[0]!.trim()).filter(Boolean).map((port) => `${ip}:${port}`);
  return list.length > 0 ? list.join(' or ') : `${ip}:<port>`;
}

/** The verdict map a no-endpoints reason's chain looks up (setupNFTables). */
const noEndpointMap = (v: ParamReader): string => (v('chain') === 'nodeport-endpoints-check' ? 'the no-endpoint-nodeports map' : 'the no-endpoint-services map');

/** How kube-proxy drops traffic for a Service with no local endpoint, in the mode that did it. */
const dropHow = (v: ParamReader): string => (v('proxyMode') === 'nftables'
  ? `in nftables mode ${noEndpointMap(v)} gives the destination the verdict drop, looked up by ${v('chain')}: ${v('rule')}; iptables mode drops it too, with a DROP rule`
  : 'a DROP rule in iptables mode, a drop in nftables mode');

const OUTSIDE_FIX = 'From outside the cluster, use a NodePort Service (any NodeIP:nodePort), a LoadBalancer Service, or an Ingress in front of it.';

const CORE_REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  'reason.source.unknown': (v) => ({
    summary: `The source ${v('source', '')} does not exist in this cluster (or has no usable IP address), so nothing is sent.`,
    fix: 'Choose an existing client, pod or node as the source.',
  }),
  'reason.source.podNotRunning': (v) => ({
    summary: `Pod ${v('pod')} is ${v('phase', 'not running')}, without a running container and a pod IP, so it cannot send anything.`,
    fix: 'Send from a pod that is Running, or wait until this one is scheduled and started.',
  }),
  'reason.route.clusterIPFromOutside': (v) => ({
    summary: `${v('ip')} is ${v.has('service') ? `the ClusterIP of ${v('service')}` : 'an address in the Service range'} (${v('serviceCIDR', 'the service CIDR')}). `
      + `A ClusterIP is not a machine: it exists only as kube-proxy rules inside each node, and nothing on the ${v('location') === 'lan' ? 'nodes\' LAN' : 'internet'} routes that range (unless the network is set up to, as some BGP setups announce it), so the packet has nowhere to go.`,
    fix: `${OUTSIDE_FIX} From a pod inside the cluster, ${v('ip')}:${v('port')} works as it is.`,
  }),
  'reason.route.podIPFromOutside': (v) => ({
    summary: `${v('ip')} is a pod address (pod network ${v('podCIDR', '')}). In this cluster pod addresses are routed only between the nodes, so the ${v('location') === 'lan' ? 'nodes\' LAN' : 'internet'} has no route to them. (Some CNI plugins give pods addresses the network does route, such as AWS VPC CNI, or announce them by BGP.)`,
    fix: `${OUTSIDE_FIX} Pod IPs also change whenever a pod is recreated.`,
  }),
  'reason.route.privateNodeFromInternet': (v) => ({
    summary: `${v('ip')} is ${v.has('node') ? `node ${v('node')}'s` : 'an'} address in the private node subnet ${v('nodeSubnet', '')}, which the internet cannot reach.`,
    fix: 'From the internet, use the address of a LoadBalancer Service, or give the nodes public addresses and open the nodePort in their firewall.',
  }),
  'reason.route.noHost': (v) => ({
    summary: `No node or pod has the address ${v('ip')}, so nobody answers and the sender gets "no route to host".`,
    fix: 'Compare the address with kubectl get nodes -o wide and kubectl get pods -o wide.',
  }),
  'reason.route.unknownHost': (v) => ({
    summary: `${v('ip')} is not an address this cluster knows: no load balancer, node, Service or pod has it.`,
    fix: 'Pick one of the addresses the cluster exposes.',
  }),
  'reason.kubeProxy.noEndpoints': (v) => ({
    // iptables proxier: "has no endpoints" -j REJECT; nftables proxier: no-endpoint-services / no-endpoint-nodeports → goto reject-chain.
    summary: v('proxyMode') === 'nftables'
      ? `${v.has('service') ? `Service ${v('service')}` : 'The Service'}${portName(v)} has no ready endpoints, so kube-proxy's nftables rules on ${v('node', 'the node')} list its destination in ${noEndpointMap(v)}, whose verdict sends the packet to reject-chain (${v('chain')}: ${v('rule')}): the client gets "connection refused". iptables mode rejects it too, with a REJECT rule.`
      : `${v.has('service') ? `Service ${v('service')}` : 'The Service'}${portName(v)} has no ready endpoints, so in iptables mode kube-proxy's rules on ${v('node', 'the node')} hold only a REJECT for it (nftables mode rejects too): the client gets "connection refused".`,
    fix: endpointsFix(v),
  }),
  'reason.kubeProxy.noLocalEndpoints': (v) => (v('policy') === 'internalTrafficPolicy'
    ? {
      // iptables proxier: internal policy Local with no local endpoints → "has no local endpoints" -j DROP (nftables: drop).
      summary: `Service ${v('service')}${portName(v)} has internalTrafficPolicy: Local and node ${v('node')} runs no ready pod of it, so kube-proxy drops traffic sent from this node (${dropHow(v)}): the client times out.`,
      fix: 'Run a pod of the Service on every node that calls it (a DaemonSet, for example), or set internalTrafficPolicy: Cluster.',
    }
    : {
      summary: `Service ${v('service')}${portName(v)} has externalTrafficPolicy: Local and node ${v('node')} runs no ready pod of it. Local keeps the client's IP by never passing outside traffic on to another node, so kube-proxy drops the packet here (${dropHow(v)}): the client times out.`,
      fix: 'Send to a node that runs a pod of the Service (a cloud load balancer finds them through the health check), or use externalTrafficPolicy: Cluster if the pods do not need the client\'s IP.',
    }),
  'reason.kubeProxy.sourceRange': (v) => ({
    summary: v('proxyMode') === 'nftables'
      ? `kube-proxy on ${v('node')} drops the packet: the client ${v('clientIP')} is outside ${v('service')}'s loadBalancerSourceRanges. In nftables mode the firewall-ips map sends new connections to the load-balancer IP to the Service's firewall chain, which drops every source outside the ranges (${v('chain')}: ${v('rule')}); iptables mode drops them too, in its filter table's KUBE-PROXY-FIREWALL chain. The cloud's own firewall may drop them before.`
      : `kube-proxy on ${v('node')} drops the packet: the client ${v('clientIP')} is outside ${v('service')}'s loadBalancerSourceRanges, which kube-proxy enforces on the load-balancer IP too (iptables and nftables modes), besides the cloud's own firewall.`,
    fix: 'Add the client\'s network to spec.loadBalancerSourceRanges, or send from an allowed address.',
  }),
  'reason.kubeProxy.drop': (v) => ({
    summary: `A kube-proxy rule on ${v('node')} drops the packet${v.has('rule') ? `: ${v('rule')}` : '.'}`,
  }),
  'reason.node.nothingListening': (v) => (v.has('nodePort')
    ? {
      summary: `Node ${v('node')} has nothing on ${v('ip')}:${v('port')}/${v('protocol', 'TCP')}, so its kernel refuses the connection (a TCP reset; for UDP, ICMP port unreachable). `
        + `Port ${v('port')} is ${v('service', 'the Service')}'s port on its ClusterIP; on the nodes' own addresses the Service listens on its nodePort, ${v('nodePort')}.`,
      fix: `Use the nodePort: ${v('ip')}:${v('nodePort')} instead of ${v('ip')}:${v('port')}.`,
    }
    : {
      summary: `Nothing listens on ${v('ip')}:${v('port')}/${v('protocol', 'TCP')}: no kube-proxy rule on node ${v('node')} matches that port and no program on the node has opened it, so the kernel refuses the connection.`,
      fix: 'To reach a Service through a node, send to the nodePort of a NodePort or LoadBalancer Service.',
    }),
  'reason.clusterIP.noSuchPort': (v) => ({
    // iptables proxier: no rule for an unknown port; nftables proxier: cluster-ips-check "Reject traffic to invalid ports
    // of ClusterIPs"; IPVS proxier: KUBE-IPVS-FILTER rejects new connections to a service IP on a port it does not serve.
    summary: `${v('ip')} is the ClusterIP of ${v('service')}, but the Service only serves ${listOf(v.list('ports'))} there. In iptables mode no kube-proxy rule on ${v('node', 'the node')} matches port ${v('port')} and no machine owns a ClusterIP, so the packet goes out the default route and is lost (the client times out). nftables and IPVS modes refuse it instead ("connection refused").`
      + (v.has('nodePort') ? ` ${v('nodePort')} is the Service's nodePort, which exists only on the nodes' own addresses, never on the ClusterIP.` : ''),
    fix: `Use a port the Service has on the ClusterIP (${servicePortsOn(v('ip'), v.list('ports'))})`
      + (v.has('nodePort') ? `, or the nodePort on a node's own address (<NodeIP>:${v('nodePort')}).` : '.'),
  }),
  'reason.clusterIP.unallocated': (v) => ({
    // nftables proxier: cluster-ips-check "Drop traffic to unallocated ClusterIPs".
    summary: `${v('ip')} is in the Service range, but no Service has this ClusterIP. In iptables mode no rule on ${v('node', 'the node')} matches it, so the packet goes out the default route and is lost; nftables mode drops it on the node. Either way the client times out.`,
    fix: 'Look up the Service\'s current ClusterIP with kubectl get svc (it changes when a Service is recreated), or use its DNS name.',
  }),
  'reason.kubeProxy.invalidClusterIPPort': (v) => ({
    // nftables proxier, setupNFTables: cluster-ips-check "Reject traffic to invalid ports of ClusterIPs".
    summary: `${v('ip')} is the ClusterIP of ${v('service')}, but the Service only serves ${listOf(v.list('ports'))} there. In nftables mode kube-proxy on ${v('node')} keeps every active ClusterIP in its cluster-ips set, and a new connection to one of them that no Service port took is rejected (${v('chain')}: ${v('rule')}): the client gets "connection refused" at once. In iptables mode no rule would match: the packet would leave by the default route and be lost, and the client would time out.`
      + (v.has('nodePort') ? ` ${v('nodePort')} is the Service's nodePort, which exists only on the nodes' own addresses, never on the ClusterIP.` : ''),
    fix: `Use a port the Service has on the ClusterIP (${servicePortsOn(v('ip'), v.list('ports'))})`
      + (v.has('nodePort') ? `, or the nodePort on a node's own address (<NodeIP>:${v('nodePort')}).` : '.'),
  }),
  'reason.kubeProxy.unallocatedClusterIP': (v) => ({
    // nftables proxier, setupNFTables: cluster-ips-check "Drop traffic to unallocated ClusterIPs".
    summary: `${v('ip')} is in the Service range, but no Service has this ClusterIP. In nftables mode kube-proxy on ${v('node')} drops a new connection to any address of the Service range that is not in its cluster-ips set (${v('chain')}: ${v('rule')}), so the client times out. In iptables mode no rule would match and the packet would be lost on the default route instead; the client sees the same timeout.`,
    fix: 'Look up the Service\'s current ClusterIP with kubectl get svc (it changes when a Service is recreated), or use its DNS name.',
  }),
  'reason.kubeProxy.localhostNodePort': (v) => ({
    // nftables proxier, setupNFTables: NodePorts match only @nodeport-ips, or local addresses with "ip daddr != 127.0.0.0/8".
    // KEP-6032 (kubernetes#138427) adds an opt-in userspace proxy for localhost NodePorts in nftables mode: not modelled.
    summary: `${v('port')} is ${v('service')}'s nodePort, but ${v('ip')} is a loopback address. In nftables mode kube-proxy accepts NodePorts only on the node's own addresses in its nodeport-ips set (by default the node's primary IP), never on 127.0.0.1, so no rule on ${v('node')} takes the packet; nothing on the node listens on port ${v('port')}, and its kernel refuses the connection. In iptables mode kube-proxy would accept this nodePort on 127.0.0.1 too (unless --nodeport-addresses leaves out 127.0.0.1 or --iptables-localhost-nodeports is false). Recent kube-proxy can serve localhost NodePorts in nftables mode with a small userspace proxy, only when the KubeProxyNFTablesLocalhostNodePorts feature gate is enabled and --nodeport-addresses includes localhost; the explainer models the default.`,
    fix: `Use the node's own address: <NodeIP>:${v('port')}.`,
  }),
  'reason.pod.notListening': (v) => ({
    summary: `The packet reaches pod ${v('pod')}, but no container there declares ${v('port')}/${v('protocol', 'TCP')}`
      + ` (it declares ${v.has('containerPorts') ? listOf(v.list('containerPorts')) : 'no ports'}). The explainer takes the declared ports as what the app listens on`
      + ' (Kubernetes itself does not check them: containerPort is informational), so nothing answers on this port and the pod\'s kernel refuses the connection (a TCP reset; for UDP, ICMP port unreachable).',
    fix: 'Make the Service\'s targetPort the port the container really listens on, or make the app listen on this one (and declare it in containers[].ports).',
  }),
  'reason.pod.noSuchIP': (v) => ({
    summary: `No running pod has the address ${v('ip')}. It lies in node ${v('node')}'s pod range, but nothing there answers for it: the pod may have been deleted or recreated with a new IP.`,
    fix: 'Look up the current pod IP with kubectl get pods -o wide, or better, go through a Service, whose address stays the same.',
  }),
  'reason.loop': (v) => ({
    summary: `The packet went round in a loop and was stopped after ${plural(v.num('hops'), 'hop')}.`,
  }),
};

export const REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  ...CORE_REASON_WORDING, ...DNS_REASON_WORDING, ...LOAD_BALANCER_REASON_WORDING, ...INGRESS_REASON_WORDING,
};

export const DETAIL_WORDING: Record<string, (v: ParamReader) => string> = {
  'detail.endpoint.labelMismatch': (v) => (v.has('actual')
    ? `Pod ${v('pod')}: the selector wants ${v('key')}=${v('expected', '')}, but the pod has ${v('key')}=${v('actual')}.`
    : `Pod ${v('pod')}: the selector wants ${v('key')}=${v('expected', '')}, but the pod has no ${v('key')} label.`),
  'detail.endpoint.notReady': (v) => `Pod ${v('pod')} is not Ready (still starting, or its readiness probe fails), so it gets no traffic.`,
  'detail.endpoint.terminating': (v) => `Pod ${v('pod')} is shutting down, so it no longer gets new connections.`,
  'detail.endpoint.noPodIP': (v) => `Pod ${v('pod')} has no IP address yet.`,
  'detail.endpoint.notScheduled': (v) => `Pod ${v('pod')} is not scheduled to any node yet.`,
  'detail.endpoint.terminalPhase': (v) => `Pod ${v('pod')} has finished (${v('phase', 'terminated')}) and serves nothing.`,
  'detail.endpoint.portNameMissing': (v) => `Pod ${v('pod')} has no ${v('protocol', 'TCP')} container port named "${v('portName')}", which the Service's targetPort`
    + `${v.has('servicePort') ? ` for port ${v('servicePort')}` : ''} refers to.`,
  'detail.endpoint.noSelector': (v) => `${v('service')} has no selector, so Kubernetes makes no endpoints for it; only EndpointSlices written by hand would give it some.`,
  'detail.endpoint.noPods': (v) => `Namespace ${v('namespace')} has no pods at all, and ${v('service', 'a Service')} only selects pods in its own namespace.`,
};

export function describeDetail(message: Message): string {
  const word = DETAIL_WORDING[message.key];
  return word ? word(reader(message.params ?? {})) : fallbackWording(message);
}

/** What stopped a trace, the per-pod details, and (where one exists) what would fix it. */
export function describeReason(reason: Reason): { summary: string; details: string[]; fix?: string } {
  const word = REASON_WORDING[reason.key];
  const words = word ? word(reader(reason.params ?? {})) : { summary: fallbackWording(reason) };
  const details = (reason.details ?? []).map(describeDetail);
  return words.fix !== undefined ? { summary: words.summary, details, fix: words.fix } : { summary: words.summary, details };
}
