/** Message keys of the cloud load balancer: what it receives, where it sends, its health checks and its drops. Each lists its parameters' names. */
export const LOAD_BALANCER_MESSAGES = {
  /**
   * The client sends to the load balancer's address. targets: ClusterSettings.loadBalancerTargets;
   * hostname: 1 when the balancer is known only by a DNS name, `lbHostname`, and lbIP is then the
   * explainer's stand-in for the address public DNS gives it (hop.dns.public); ipMode: the ingress's
   * ipMode ('' for a hostname); inCluster: 1 when a pod or node sent it (it left the node for the balancer).
   */
  'hop.lb.receive': ['service', 'lbIP', 'port', 'targets', 'hostname', 'lbHostname', 'ipMode', 'inCluster'],
  /** The cloud load balancer forwards to NodeIP:nodePort of a healthy node. failOpen: 1 when no node was healthy. */
  'hop.lb.toNode': ['service', 'node', 'nodeIP', 'nodePort', 'policy', 'targets', 'healthyNodes', 'readyNodes', 'failOpen', 'method', 'healthCheckNodePort'],
  /** VIP targets: the LB forwards with the LB IP kept; kube-proxy's loadbalancer-IP rule catches it. */
  'hop.lb.toNodeVip': ['service', 'node', 'lbIP', 'port', 'policy', 'targets', 'healthyNodes', 'readyNodes', 'failOpen', 'method', 'healthCheckNodePort'],
  /**
   * Pod targets: the LB sends straight to a ready endpoint (no nodePort, no kube-proxy). affinity: 1 with
   * sessionAffinity ClientIP; portAssumed: 1 when the pod declares no container port (see hop.pod.deliver).
   */
  'hop.lb.toPod': ['service', 'pod', 'endpoint', 'node', 'candidates', 'method', 'affinity', 'portAssumed'],
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
  'spread.affinityPerNode': ['service', 'nodes', 'pods', 'nodeNames'],
  /** Send 100: every connection had its endpoint chosen on one node, so affinity kept it on one pod. */
  'spread.affinityOneNode': ['service', 'nodes', 'pods', 'nodeNames'],
} as const satisfies Record<string, readonly string[]>;
