/** Message keys of the cloud load balancer: what it receives, where it sends, its health checks and its drops. Each lists its parameters' names. */
import type { ChoiceMethod, ParamNames, PortList } from './paramTypes';

/** Where a node-target balancer sends (hop.lb.toNode and hop.lb.toNodeVip share it). */
type ToNode = {
  service: string; node: string; policy: string; targets: string; healthyNodes: number; readyNodes: number; failOpen: boolean;
  method: ChoiceMethod; healthCheckNodePort?: number;
};

/** The parameters of each load-balancer key. */
export type LoadBalancerParams = {
  'hop.lb.receive': {
    service: string; lbIP: string; port: number; targets: string; hostname: boolean; lbHostname?: string; ipMode: string; inCluster: boolean;
  };
  'hop.lb.toNode': ToNode & { nodeIP: string; nodePort?: number };
  'hop.lb.toNodeVip': ToNode & { lbIP: string; port: number };
  'hop.lb.toPod': {
    service: string; pod?: string; endpoint: string; node?: string; candidates: number; method: ChoiceMethod; affinity: boolean;
    portAssumed?: boolean; assumedPort?: number;
  };
  'hop.node.healthCheck': { node: string; port: number; service?: string };
  'reason.lb.pending': { service: string; provider: string };
  'reason.lb.notLoadBalancer': { service: string; type: string };
  'reason.lb.noListener': { lbIP: string; port: number; protocol: string; service: string; ports: PortList };
  'reason.lb.sourceRange': { service: string; clientIP: string; ranges: readonly string[] };
  'reason.lb.noNodePort': { service: string; lbIP: string; port: number; protocol: string };
  'reason.lb.noPodTargets': { service: string; lbIP: string; port: number };
  'reason.lb.vipNotCaught': { service: string; node: string; lbIP: string; port: number; cause: 'hostname' | 'ipModeProxy' };
  'spread.affinityPerNode': { service: string; nodes: number; pods: number; nodeNames: readonly string[]; proxyMode?: 'nftables' };
  'spread.affinityOneNode': { service: string; nodes: number; pods: number; nodeNames: readonly string[]; proxyMode?: 'nftables' };
};

export const LOAD_BALANCER_MESSAGES = {
  /**
   * The client sends to the load balancer's address. targets: ClusterSettings.loadBalancerTargets;
   * hostname: true when the balancer is known only by a DNS name, `lbHostname`, and lbIP is then the
   * explainer's stand-in for the address public DNS gives it (hop.dns.public); ipMode: the ingress's
   * ipMode ('' for a hostname); inCluster: true when a pod or node sent it (it left the node for the balancer).
   */
  'hop.lb.receive': ['service', 'lbIP', 'port', 'targets', 'hostname', 'lbHostname', 'ipMode', 'inCluster'],
  /** The cloud load balancer forwards to NodeIP:nodePort of a healthy node. failOpen: true when no node was healthy. */
  'hop.lb.toNode': ['service', 'node', 'nodeIP', 'nodePort', 'policy', 'targets', 'healthyNodes', 'readyNodes', 'failOpen', 'method', 'healthCheckNodePort'],
  /** VIP targets: the LB forwards with the LB IP kept; kube-proxy's loadbalancer-IP rule catches it. */
  'hop.lb.toNodeVip': ['service', 'node', 'lbIP', 'port', 'policy', 'targets', 'healthyNodes', 'readyNodes', 'failOpen', 'method', 'healthCheckNodePort'],
  /**
   * Pod targets: the LB sends straight to a ready endpoint (no nodePort, no kube-proxy). affinity: true with
   * sessionAffinity ClientIP; portAssumed: true when the pod declares no container port (see hop.pod.deliver).
   */
  'hop.lb.toPod': ['service', 'pod', 'endpoint', 'node', 'candidates', 'method', 'affinity', 'portAssumed', 'assumedPort'],
  /** kube-proxy's health-check server answers the load balancer's probe. */
  'hop.node.healthCheck': ['node', 'port', 'service'],
  'reason.lb.pending': ['service', 'provider'],
  'reason.lb.notLoadBalancer': ['service', 'type'],
  'reason.lb.noListener': ['lbIP', 'port', 'protocol', 'service', 'ports'],
  'reason.lb.sourceRange': ['service', 'clientIP', 'ranges'],
  /** NodePort targets, but the port has no nodePort (allocateLoadBalancerNodePorts: false). */
  'reason.lb.noNodePort': ['service', 'lbIP', 'port', 'protocol'],
  /** Pod targets, but the Service port has no ready endpoint to register. */
  'reason.lb.noPodTargets': ['service', 'lbIP', 'port'],
  /** VIP targets, but kube-proxy has no rule for the address (cause: ipModeProxy | hostname). */
  'reason.lb.vipNotCaught': ['service', 'node', 'lbIP', 'port', 'cause'],
  /** Send 100 (model/spread.ts): ClientIP affinity held per node, connections spread over `nodes` nodes reaching `pods` pods. */
  'spread.affinityPerNode': ['service', 'nodes', 'pods', 'nodeNames', 'proxyMode'],
  /** Send 100: every connection had its endpoint chosen on one node, so affinity kept it on one pod. */
  'spread.affinityOneNode': ['service', 'nodes', 'pods', 'nodeNames', 'proxyMode'],
} as const satisfies ParamNames<LoadBalancerParams>;
