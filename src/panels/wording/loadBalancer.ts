/**
 * Wording of The cloud load balancer: what it receives, which node it hands the connection to, its health checks, and why it drops.
 * One function per message key (src/model/trace/messageKeys/loadBalancer.ts); traceWording.ts gathers them.
 */
import { listOf, plural, type ParamReader, type ReasonWords } from './params';

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

export const LOAD_BALANCER_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.lb.receive': (v) => `The client sends to ${v('lbIP')}:${v('port')}, the load balancer the cloud created for ${v('service')}. It is a machine outside the cluster that listens on the Service's port.`,
  'hop.lb.toNode': (v) => `The load balancer passes the connection to node ${v('node')}${nodeChoice(v)} at ${v('nodeIP')}:${v('nodePort')}, the Service's nodePort: `
    + 'a LoadBalancer Service is built on top of a NodePort. The client\'s IP stays the source.'
    + lbHealth(v),
  'hop.lb.toNodeVip': (v) => `No nodePort was allocated for ${v('service')}, so the load balancer sends the packet to node ${v('node')}${nodeChoice(v)} still addressed to ${v('lbIP')}:${v('port')}; kube-proxy's rule for the load-balancer IP takes it there.`
    + lbHealth(v),
  'hop.node.healthCheck': (v) => `kube-proxy on ${v('node')} answers the load balancer's health check on port ${v('port')}${v.has('service') ? ` for ${v('service')}` : ''}. `
    + 'Under externalTrafficPolicy: Local it reports healthy only where a ready pod of the Service runs, which is how the load balancer learns where to send.',
};

export const LOAD_BALANCER_REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  'reason.lb.pending': (v) => ({
    summary: `${v('service')} is a LoadBalancer Service, but no load balancer exists for it: `
      + (v('provider', '') === 'bare-metal'
        ? 'on bare metal no cloud controller creates one, so its EXTERNAL-IP stays <pending>.'
        : 'its EXTERNAL-IP is still <pending>.'),
    fix: 'On bare metal, install a load-balancer implementation such as MetalLB, or reach the Service through its nodePort on any node\'s IP.',
  }),
  'reason.lb.notLoadBalancer': (v) => ({
    summary: `${v('service')} is of type ${v('type')}, so it has no load balancer to send to.`,
    fix: 'Change spec.type to LoadBalancer, or use the address this type does expose (the ClusterIP from inside the cluster, NodeIP:nodePort for a NodePort).',
  }),
  'reason.lb.noListener': (v) => (v.has('ports')
    ? {
      summary: `The load balancer at ${v('lbIP')} listens only on the ports of ${v('service')} (${listOf(v('ports'))}), not on ${v('port')}/${v('protocol', 'TCP')}, so the packet is dropped.`,
      fix: `Send to one of the Service's ports (${listOf(v('ports'))}), or add port ${v('port')} to its spec.ports.`,
    }
    : {
      summary: `The load balancer at ${v('lbIP')} has no node it may send to for ${v('service')}: no node is ready, or every node is excluded from external load balancers.`,
      fix: 'Make sure at least one ready node does not carry the node.kubernetes.io/exclude-from-external-load-balancers label.',
    }),
  'reason.lb.sourceRange': (v) => ({
    summary: `The client ${v('clientIP')} is not inside ${v('service')}'s loadBalancerSourceRanges (${listOf(v('ranges', ''))}), so the load balancer's firewall drops it.`,
    fix: 'Add the client\'s network to spec.loadBalancerSourceRanges, or send from an allowed address.',
  }),
};
