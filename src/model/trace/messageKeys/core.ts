/** Message keys of the core path: sources, node addresses, kube-proxy capture and DNAT, the pod network, pods, the reply, and the per-pod details. Each lists its parameters' names. */
import type { ChoiceMethod, ParamNames, PortList } from './paramTypes';

type Pod = string;
type Node = string;

/** The parameters of each core key (see the name lists below for what each means). */
export type CoreParams = {
  'hop.node.receive': { node: Node; nodeIP: string; port: number; via: string; proxyMode?: 'nftables' };
  'hop.externalIP.receive': { service: string; externalIP: string; port: number; node: Node };
  'hop.send': { dst: string; port: number; node?: Node };
  'hop.service.capture': { service: string; servicePort: string; via: 'cluster-ip' | 'node-port' | 'load-balancer-ip' | 'external-ip'; node: Node; dst: string; port: number };
  'hop.service.dnat': {
    service: string; endpoint: string; pod?: Pod; node: Node; endpointNode?: Node; candidates: number; method: ChoiceMethod;
    masquerade: boolean; portAssumed?: boolean; assumedPort?: number; proxyMode?: 'nftables';
  };
  'hop.podNetwork.cross': { fromNode: Node; toNode: Node; dst: string };
  'hop.pod.deliver': { pod: Pod; podIP: string; port: number; node?: Node; portAssumed?: boolean; assumedPort?: number };
  'hop.node.forward': { fromNode: Node; toNode: Node; dst: string; port: number };
  'hop.external.leave': {
    host: string; port: number; node?: Node; masquerade?: 'node' | 'disabled' | 'exempt'; podIP?: string; nodeIP?: string; cidr?: string;
  };
  'hop.node.local': { node: Node; ip: string; port: number };
  'hop.kubeProxy.filter': { node: Node; verdict: 'reject' | 'drop'; chain: string; dst: string; port: number };
  'reply.conntrack': {
    client: string; server: string; nodes: readonly Node[]; reversed: number; kubeProxy: number; lb?: string; cloudNat: readonly Node[];
  };
  'reason.source.unknown': { source: string };
  'reason.source.podNotRunning': { pod: Pod; phase?: string };
  'reason.route.clusterIPFromOutside': { ip: string; port: number; location: string; service?: string; serviceCIDR: string };
  'reason.route.podIPFromOutside': { ip: string; location: string; podCIDR: string };
  'reason.route.privateNodeFromInternet': { ip: string; node?: Node; nodeSubnet: string };
  'reason.route.noHost': { ip: string };
  'reason.route.unknownHost': { ip: string };
  'reason.kubeProxy.noEndpoints': { service?: string; servicePort?: string; node: Node; rule: string; proxyMode?: 'nftables'; chain?: string };
  'reason.kubeProxy.noLocalEndpoints': {
    service?: string; servicePort?: string; node: Node; policy: 'internalTrafficPolicy' | 'externalTrafficPolicy'; rule: string;
    proxyMode?: 'nftables'; chain?: string;
  };
  'reason.kubeProxy.sourceRange': { service?: string; clientIP: string; node: Node; rule: string; proxyMode?: 'nftables'; chain?: string };
  'reason.kubeProxy.drop': { node: Node; rule: string };
  'reason.kubeProxy.invalidClusterIPPort': { ip: string; port: number; service: string; ports: PortList; nodePort?: number; node: Node; rule: string; chain: string };
  'reason.kubeProxy.unallocatedClusterIP': { ip: string; port: number; node: Node; rule: string; chain: string };
  'reason.kubeProxy.localhostNodePort': { ip: string; port: number; protocol: string; service: string; node: Node };
  'reason.node.nothingListening': { node: Node; ip: string; port: number; protocol: string; service?: string; nodePort?: number };
  'reason.clusterIP.noSuchPort': { ip: string; port: number; service: string; ports: PortList; nodePort?: number; node: Node };
  'reason.clusterIP.unallocated': { ip: string; port: number; node: Node };
  'reason.pod.notListening': { pod: Pod; port: number; protocol: string; containerPorts: PortList };
  'reason.pod.noSuchIP': { ip: string; node: Node };
  'reason.loop': { hops: number };
  'detail.endpoint.labelMismatch': { pod: Pod; key: string; expected: string; actual?: string };
  'detail.endpoint.notReady': { pod: Pod };
  'detail.endpoint.terminating': { pod: Pod };
  'detail.endpoint.noPodIP': { pod: Pod };
  'detail.endpoint.notScheduled': { pod: Pod };
  'detail.endpoint.terminalPhase': { pod: Pod; phase: string };
  'detail.endpoint.portNameMissing': { pod: Pod; portName: string; protocol?: string; servicePort?: string };
  'detail.endpoint.noSelector': { service: string };
  'detail.endpoint.noPods': { service: string; namespace: string };
};

export const CORE_MESSAGES = {
  /** A host sends to a node's address (on the LAN, or its ExternalIP through the cloud's 1:1 NAT). */
  /** proxyMode: set in nftables mode, where NodePorts are accepted only on the nodeport-ips addresses. */
  'hop.node.receive': ['node', 'nodeIP', 'port', 'via', 'proxyMode'],
  /** spec.externalIPs: the network routes the address to a node; kube-proxy captures it there. */
  'hop.externalIP.receive': ['service', 'externalIP', 'port', 'node'],
  /** A pod or a node process sends to a ClusterIP / other address; its own node's rules see it first. */
  'hop.send': ['dst', 'port', 'node'],
  /**
   * kube-proxy's rules on `node` capture the packet for the Service. via: cluster-ip | node-port |
   * load-balancer-ip | external-ip, from the first rule that matched.
   */
  'hop.service.capture': ['service', 'servicePort', 'via', 'node', 'dst', 'port'],
  /**
   * DNAT to an endpoint; method: pick | seed | affinity | only; candidates: how many it chose from.
   * portAssumed: true when this hop reaches a pod (on the same node) that declares no container port (see hop.pod.deliver).
   */
  /** proxyMode: set in nftables mode (the choice is numgen's, affinity an affinity-… set). */
  'hop.service.dnat': ['service', 'endpoint', 'pod', 'node', 'endpointNode', 'candidates', 'method', 'masquerade', 'portAssumed', 'assumedPort', 'proxyMode'],
  /** The packet crosses the pod network to the node that owns the destination pod's IP. */
  'hop.podNetwork.cross': ['fromNode', 'toNode', 'dst'],
  /**
   * The packet reaches the pod through its node's bridge / veth. portAssumed: true when the pod declares
   * no container port at all, so the app is taken to listen on this one (Kubernetes does not require
   * containerPort; a numeric targetPort reaches the pod whatever is declared).
   */
  'hop.pod.deliver': ['pod', 'podIP', 'port', 'node', 'portAssumed', 'assumedPort'],
  /** The packet goes from one node to another node's IP over the node network. */
  'hop.node.forward': ['fromNode', 'toNode', 'dst', 'port'],
  /**
   * The packet leaves the cluster for an external host (default route; no kube-proxy involved).
   * masquerade (pod sources only): node — SNAT to nodeIP; disabled — masqueradeOutgoing is off;
   * exempt — the destination is in `cidr`, a non-masquerade range. See egress.ts.
   */
  'hop.external.leave': ['host', 'port', 'node', 'masquerade', 'podIP', 'nodeIP', 'cidr'],
  /** The node's own network stack takes the packet (a local address with no kube-proxy rule). */
  'hop.node.local': ['node', 'ip', 'port'],
  /** nftables mode: the packet reaches its node's ruleset, whose `chain` rejects or drops it (no Service took it). */
  'hop.kubeProxy.filter': ['node', 'verdict', 'chain', 'dst', 'port'],
  /** conntrack reverses every translation; nodes: where (may be empty). */
  'reply.conntrack': ['client', 'server', 'nodes', 'reversed', 'kubeProxy', 'lb', 'cloudNat'],
  'reason.source.unknown': ['source'],
  /** A pod that is not running with an IP sends nothing. */
  'reason.source.podNotRunning': ['pod', 'phase'],
  'reason.route.clusterIPFromOutside': ['ip', 'port', 'location', 'service', 'serviceCIDR'],
  'reason.route.podIPFromOutside': ['ip', 'location', 'podCIDR'],
  'reason.route.privateNodeFromInternet': ['ip', 'node', 'nodeSubnet'],
  'reason.route.noHost': ['ip'],
  'reason.route.unknownHost': ['ip'],
  /** proxyMode/chain: set in nftables mode, where `rule` is the vmap rule as `nft list ruleset` prints it, in `chain`. */
  'reason.kubeProxy.noEndpoints': ['service', 'servicePort', 'node', 'rule', 'proxyMode', 'chain'],
  'reason.kubeProxy.noLocalEndpoints': ['service', 'servicePort', 'node', 'policy', 'rule', 'proxyMode', 'chain'],
  'reason.kubeProxy.sourceRange': ['service', 'clientIP', 'node', 'rule', 'proxyMode', 'chain'],
  'reason.kubeProxy.drop': ['node', 'rule'],
  /** nftables mode: cluster-ips-check rejects a ClusterIP on a port no Service defines (iptables mode loses it: reason.clusterIP.noSuchPort). */
  'reason.kubeProxy.invalidClusterIPPort': ['ip', 'port', 'service', 'ports', 'nodePort', 'node', 'rule', 'chain'],
  /** nftables mode: cluster-ips-check drops an address of the Service CIDR no Service holds (iptables mode: reason.clusterIP.unallocated). */
  'reason.kubeProxy.unallocatedClusterIP': ['ip', 'port', 'node', 'rule', 'chain'],
  /** nftables mode: a nodePort on 127.0.0.1 matches no rule (NodePorts only on nodeport-ips); nothing listens there. */
  'reason.kubeProxy.localhostNodePort': ['ip', 'port', 'protocol', 'service', 'node'],
  /** No rule matched and nothing listens on the node: the kernel answers RST (TCP) / ICMP port unreachable. */
  'reason.node.nothingListening': ['node', 'ip', 'port', 'protocol', 'service', 'nodePort'],
  /** A ClusterIP on a port it does not serve: iptables mode has no rule; it leaves by the default route and is lost. */
  'reason.clusterIP.noSuchPort': ['ip', 'port', 'service', 'ports', 'nodePort', 'node'],
  'reason.clusterIP.unallocated': ['ip', 'port', 'node'],
  /** The pod declares ports, not this one: the model takes the declared ports as what the app listens on. */
  'reason.pod.notListening': ['pod', 'port', 'protocol', 'containerPorts'],
  'reason.pod.noSuchIP': ['ip', 'node'],
  'reason.loop': ['hops'],
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
} as const satisfies ParamNames<CoreParams>;
