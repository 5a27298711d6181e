/**
 * Every message key the trace emits, with the names of its parameters. The UI owns the wording;
 * this list is the contract (a test checks every emitted message against it).
 */
import type { Message } from './types';

export const TRACE_MESSAGES = {
  // --- hop explanations -------------------------------------------------------------------------
  /** A pod asks cluster DNS (the kube-dns Service IP from its resolv.conf). answer: comma list. */
  'hop.dns.query': ['name', 'resolvedName', 'answer', 'nameserver', 'namespace'],
  /** ExternalName: cluster DNS answers a CNAME; the client resolves and connects to it itself. */
  'hop.dns.cname': ['name', 'resolvedName', 'target', 'answer', 'nameserver', 'namespace'],
  /** The client sends to the load balancer's address. */
  'hop.lb.receive': ['service', 'lbIP', 'port'],
  /** The cloud load balancer forwards to NodeIP:nodePort of a healthy node. failOpen: 1 when no node was healthy. */
  'hop.lb.toNode': ['service', 'node', 'nodeIP', 'nodePort', 'policy', 'healthyNodes', 'readyNodes', 'failOpen', 'method'],
  /** The LB forwards with the LB IP kept (no nodePort allocated); kube-proxy's loadbalancer-IP rule catches it. */
  'hop.lb.toNodeVip': ['service', 'node', 'lbIP', 'port', 'policy', 'healthyNodes', 'readyNodes', 'failOpen', 'method'],
  /** A host sends to a node's address (on the LAN, or its ExternalIP through the cloud's 1:1 NAT). */
  'hop.node.receive': ['node', 'nodeIP', 'port', 'via'],
  /** spec.externalIPs: the network routes the address to a node; kube-proxy captures it there. */
  'hop.externalIP.receive': ['service', 'externalIP', 'port', 'node'],
  /** A pod or a node process sends to a ClusterIP / other address; its own node's rules see it first. */
  'hop.send': ['dst', 'port', 'node'],
  /**
   * kube-proxy's rules on `node` capture the packet for the Service. via: cluster-ip | node-port |
   * load-balancer-ip | external-ip, from the first rule that matched.
   */
  'hop.service.capture': ['service', 'servicePort', 'via', 'node', 'dst', 'port'],
  /** DNAT to an endpoint; method: pick | seed | affinity | only; candidates: how many it chose from. */
  'hop.service.dnat': ['service', 'endpoint', 'pod', 'node', 'endpointNode', 'candidates', 'method', 'masquerade'],
  /** The packet crosses the pod network to the node that owns the destination pod's IP. */
  'hop.podNetwork.cross': ['fromNode', 'toNode', 'dst'],
  /** The packet reaches the pod through its node's bridge / veth. */
  'hop.pod.deliver': ['pod', 'podIP', 'port', 'node'],
  /** The packet goes from one node to another node's IP over the node network. */
  'hop.node.forward': ['fromNode', 'toNode', 'dst', 'port'],
  /** The packet leaves the cluster for an external host (default route; no kube-proxy involved). */
  'hop.external.leave': ['host', 'port', 'node'],
  /** The node's own network stack takes the packet (a local address with no kube-proxy rule). */
  'hop.node.local': ['node', 'ip', 'port'],
  /** kube-proxy's health-check server answers the load balancer's probe. */
  'hop.node.healthCheck': ['node', 'port', 'service'],
  /** The ingress controller matches Host and path against the Ingress rules. */
  'hop.ingress.route': ['ingress', 'host', 'path', 'rule', 'pathType', 'service', 'servicePort', 'controller'],
  /** The controller opens its own connection straight to a backend pod (it reads EndpointSlices, not the ClusterIP). */
  'hop.ingress.proxy': ['controller', 'service', 'endpoint', 'pod', 'candidates', 'method'],

  // --- reply ------------------------------------------------------------------------------------
  /** conntrack reverses every translation; nodes: where (comma list, may be empty). */
  'reply.conntrack': ['client', 'server', 'nodes', 'reversed'],
  /** Through an ingress controller: the backend answers the controller, which answers the client. */
  'reply.ingress': ['client', 'server', 'controller', 'nodes', 'reversed'],

  // --- reasons ----------------------------------------------------------------------------------
  'reason.source.unknown': ['source'],
  /** A pod that is not running with an IP sends nothing. */
  'reason.source.podNotRunning': ['pod', 'phase'],
  'reason.dns.nxdomain': ['name', 'namespace', 'tried'],
  /** A cluster name asked from outside: only pods use cluster DNS. */
  'reason.dns.outsideCluster': ['name', 'clusterDomain'],
  /** A public name whose address the model cannot know. */
  'reason.dns.unknownExternal': ['name'],
  'reason.lb.pending': ['service', 'provider'],
  'reason.lb.notLoadBalancer': ['service', 'type'],
  'reason.lb.noListener': ['lbIP', 'port', 'protocol', 'service', 'ports'],
  'reason.lb.sourceRange': ['service', 'clientIP', 'ranges'],
  'reason.route.clusterIPFromOutside': ['ip', 'port', 'location', 'service', 'serviceCIDR'],
  'reason.route.podIPFromOutside': ['ip', 'location', 'podCIDR'],
  'reason.route.privateNodeFromInternet': ['ip', 'node', 'nodeSubnet'],
  'reason.route.noHost': ['ip'],
  'reason.route.unknownHost': ['ip'],
  'reason.kubeProxy.noEndpoints': ['service', 'servicePort', 'node', 'rule'],
  'reason.kubeProxy.noLocalEndpoints': ['service', 'servicePort', 'node', 'policy', 'rule'],
  'reason.kubeProxy.sourceRange': ['service', 'clientIP', 'node', 'rule'],
  'reason.kubeProxy.drop': ['node', 'rule'],
  /** No rule matched and nothing listens on the node: the kernel answers RST (TCP) / ICMP port unreachable. */
  'reason.node.nothingListening': ['node', 'ip', 'port', 'protocol', 'service', 'nodePort'],
  /** A ClusterIP on a port it does not serve: iptables mode has no rule; it leaves by the default route and is lost. */
  'reason.clusterIP.noSuchPort': ['ip', 'port', 'service', 'ports', 'nodePort', 'node'],
  'reason.clusterIP.unallocated': ['ip', 'port', 'node'],
  'reason.pod.notListening': ['pod', 'port', 'protocol', 'containerPorts'],
  'reason.pod.noSuchIP': ['ip', 'node'],
  'reason.ingress.notFound': ['host', 'path', 'controller', 'status'],
  'reason.ingress.backendMissing': ['ingress', 'service', 'servicePort', 'status'],
  'reason.ingress.noEndpoints': ['ingress', 'service', 'servicePort', 'status'],
  'reason.loop': ['hops'],

  // --- per-pod details (endpointsFor's exclusions) ----------------------------------------------
  'detail.endpoint.labelMismatch': ['pod', 'key', 'expected', 'actual'],
  'detail.endpoint.notReady': ['pod'],
  'detail.endpoint.terminating': ['pod'],
  'detail.endpoint.noPodIP': ['pod'],
  'detail.endpoint.notScheduled': ['pod'],
  'detail.endpoint.terminalPhase': ['pod', 'phase'],
  'detail.endpoint.portNameMissing': ['pod', 'portName', 'protocol', 'servicePort'],
  /** The Service has no selector (and no EndpointSlices were given). */
  'detail.endpoint.noSelector': ['service'],
  /** No pod in the namespace at all. */
  'detail.endpoint.noPods': ['service', 'namespace'],
} as const satisfies Record<string, readonly string[]>;

export type MessageKey = keyof typeof TRACE_MESSAGES;

/** Builds a message; parameters that are undefined are left out. */
export function msg(key: MessageKey, params: Record<string, string | number | undefined> = {}): Message {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return { key, params: out };
}
