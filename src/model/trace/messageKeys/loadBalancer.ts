/** Message keys of The cloud load balancer: what it receives, where it sends, its health checks and its drops. Each lists its parameters' names. */
export const LOAD_BALANCER_MESSAGES = {
  /** The client sends to the load balancer's address. */
  'hop.lb.receive': ['service', 'lbIP', 'port'],
  /** The cloud load balancer forwards to NodeIP:nodePort of a healthy node. failOpen: 1 when no node was healthy. */
  'hop.lb.toNode': ['service', 'node', 'nodeIP', 'nodePort', 'policy', 'healthyNodes', 'readyNodes', 'failOpen', 'method'],
  /** The LB forwards with the LB IP kept (no nodePort allocated); kube-proxy's loadbalancer-IP rule catches it. */
  'hop.lb.toNodeVip': ['service', 'node', 'lbIP', 'port', 'policy', 'healthyNodes', 'readyNodes', 'failOpen', 'method'],
  /** kube-proxy's health-check server answers the load balancer's probe. */
  'hop.node.healthCheck': ['node', 'port', 'service'],
  'reason.lb.pending': ['service', 'provider'],
  'reason.lb.notLoadBalancer': ['service', 'type'],
  'reason.lb.noListener': ['lbIP', 'port', 'protocol', 'service', 'ports'],
  'reason.lb.sourceRange': ['service', 'clientIP', 'ranges'],
} as const satisfies Record<string, readonly string[]>;
