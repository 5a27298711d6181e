/**
 * Wording of the cloud load balancer: what it receives, which node it hands the connection to, its health checks, and why it drops.
 * One function per message key (src/model/trace/messageKeys/loadBalancer.ts); traceWording.ts gathers them.
 */
import { chosen, endpointsFix, listOf, plural, portAssumedNote, type ParamReader, type ReasonWords } from './params';

/**
 * The load balancer's choice of node and what its health check says. Which check applies depends
 * on the policy and on the target mode, so each sentence names both.
 */
function lbHealth(v: ParamReader): string {
  if (v.flag('failOpen')) {
    return ` No node passed its health check, so the load balancer spreads connections over all ${plural(v.num('readyNodes'), 'ready node')} anyway (AWS NLB and Google Cloud fail open like this).`;
  }
  if (v('policy') === 'Local') {
    return ` Under externalTrafficPolicy: Local a cloud balancer with node targets probes the Service's healthCheckNodePort${v.has('healthCheckNodePort') ? ` ${v('healthCheckNodePort')}` : ''} on each node; kube-proxy answers 200 only on nodes running a ready pod of the Service (${v('healthyNodes')} of ${v('readyNodes')}), so it sends only to those.`;
  }
  const probe = v('targets', 'NodePort') === 'NodePort' ? 'the nodePort itself' : 'the traffic port';
  return ` Under externalTrafficPolicy: Cluster every ready node passes the health check (${v('healthyNodes')} of ${v('readyNodes')}), even one without a pod of the Service: depending on the cloud it probes ${probe} or kube-proxy's /healthz on port 10256, which reports on kube-proxy, not on the pods.`;
}

const nodeChoice = (v: ParamReader): string => (v('method', '') === 'pick' ? ' (node chosen for this trace)' : '');

function lbReceive(v: ParamReader): string {
  const start = `The client sends to ${v('lbIP')}:${v('port')}`;
  if (v.flag('hostname')) {
    const name = v.has('lbHostname') ? v('lbHostname') : 'its DNS name';
    return `${start}, the address public DNS gave for ${name}, the load balancer the cloud created for ${v('service')} (the explainer's stand-in: the real one is the balancer's own, which Kubernetes never records, as status.loadBalancer.ingress holds only the hostname).`
      + ` So no kube-proxy rule exists for it`
      + (v.flag('inCluster') ? ', and the packet leaves the cluster for the balancer like any outside client\'s.' : '.');
  }
  if (v.flag('inCluster') && v('ipMode') === 'Proxy') {
    return `${start}, the load balancer of ${v('service')}. Its status.loadBalancer.ingress[].ipMode is Proxy, so kube-proxy writes no rule for that IP: instead of short-circuiting on the sender's node, the packet leaves the node and goes out to the load balancer, which sends it back into the cluster.`;
  }
  return `${start}, the load balancer the cloud created for ${v('service')}. It is a machine outside the cluster that listens on the Service's port.`;
}

/** Whose address the pod will see, said with the condition it depends on. */
const clientSource = (what: string): string => ` This trace keeps the client's IP as the source, as ${what} does; a balancer that proxies connections connects from its own address instead.`;

/** Under Cluster kube-proxy's KUBE-EXT chain masquerades external traffic; under Local it does not. */
const masqueradeNext = (v: ParamReader): string => (v('policy') === 'Local'
  ? ' Under externalTrafficPolicy: Local kube-proxy leaves it so: the pod sees the client\'s IP.'
  : ' Under externalTrafficPolicy: Cluster kube-proxy on the node then masquerades it, so the pod sees a node\'s address, not the client\'s.');

/** Where kube-proxy keeps a sessionAffinity client, in the mode that wrote the rules. */
const affinityMemory = (v: ParamReader): string => (v('proxyMode', '') === 'nftables' ? 'an nftables affinity-… set' : 'iptables -m recent');

export const LOAD_BALANCER_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.lb.receive': lbReceive,
  'hop.lb.toNode': (v) => `The load balancer passes the connection to node ${v('node')}${nodeChoice(v)} at ${v('nodeIP')}:${v('nodePort')}, the Service's nodePort: `
    + 'with node (instance) targets a LoadBalancer Service is built on top of a NodePort.'
    + clientSource('a passthrough balancer such as an AWS NLB with instance targets')
    + masqueradeNext(v)
    + lbHealth(v),
  'hop.lb.toNodeVip': (v) => `With VIP targets the load balancer sends the packet to node ${v('node')}${nodeChoice(v)} still addressed to ${v('lbIP')}:${v('port')}, with no nodePort involved (GCP and Azure passthrough balancers work this way); kube-proxy's rule for the load-balancer IP takes it there.`
    + ' The client\'s IP stays the source.'
    + masqueradeNext(v)
    + lbHealth(v)
    + (v('policy') === 'Local' ? ' (MetalLB does not probe: it announces the IP only from nodes with a ready pod.)' : ''),
  'hop.lb.toPod': (v) => `With Pod (IP) targets the load balancer sends straight to ${v.has('pod') ? `pod ${v('pod')} at ` : ''}${v('endpoint')}${v.has('node') ? ` on ${v('node')}` : ''}, ${chosen(v, 'ready endpoint')}. `
    + 'No nodePort and no kube-proxy rule are on the way, so externalTrafficPolicy plays no part: the balancer registers the ready endpoints and health-checks the pods themselves.'
    + (v.flag('affinity') ? ' sessionAffinity: ClientIP is kept by kube-proxy and does not apply here; only the balancer\'s own stickiness setting could keep a client on one pod.' : '')
    + clientSource('a balancer with client-IP preservation')
    + portAssumedNote(v),
  // Send 100's note (model/spread.ts).
  'spread.affinityPerNode': (v) => `${v('service')} has sessionAffinity: ClientIP, but that memory lives in each node's kernel (${affinityMemory(v)}), not in the load balancer. `
    + `The load balancer spread these connections over ${plural(v.num('nodes'), 'node')} (${listOf(v.list('nodeNames'))}); each node picked a pod for this client on its own and kept sending it there, so the client reached ${plural(v.num('pods'), 'pod')}.`,
  'spread.affinityOneNode': (v) => `${v('service')} has sessionAffinity: ClientIP, and every connection had its pod chosen by kube-proxy on ${listOf(v.list('nodeNames'))}, which remembers this client's IP (${affinityMemory(v)}) and keeps sending it to the same pod.`,
  'hop.node.healthCheck': (v) => `kube-proxy on ${v('node')} answers the load balancer's health check on port ${v('port')}${v.has('service') ? ` for ${v('service')}` : ''}. `
    + 'Under externalTrafficPolicy: Local it reports healthy only where a ready pod of the Service runs, which is how a balancer with node targets learns where to send.',
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
      summary: `The load balancer at ${v('lbIP')} listens only on the ports of ${v('service')} (${listOf(v.list('ports'))}), not on ${v('port')}/${v('protocol', 'TCP')}, so the packet is dropped.`,
      fix: `Send to one of the Service's ports (${listOf(v.list('ports'))}), or add port ${v('port')} to its spec.ports.`,
    }
    : {
      summary: `The load balancer at ${v('lbIP')} has no node it may send to for ${v('service')}: no node is ready, or every node is excluded from external load balancers.`,
      fix: 'Make sure at least one ready node does not carry the node.kubernetes.io/exclude-from-external-load-balancers label.',
    }),
  'reason.lb.sourceRange': (v) => ({
    summary: `The client ${v('clientIP')} is not inside ${v('service')}'s loadBalancerSourceRanges (${listOf(v.list('ranges'))}), so the load balancer's firewall drops it.`,
    fix: 'Add the client\'s network to spec.loadBalancerSourceRanges, or send from an allowed address.',
  }),
  'reason.lb.noNodePort': (v) => ({
    summary: `Port ${v('port')}/${v('protocol', 'TCP')} of ${v('service')} has no nodePort (allocateLoadBalancerNodePorts: false), and this cluster's load balancers send to NodeIP:nodePort (node targets). The load balancer has no target to register, so the connection fails.`,
    fix: 'Remove allocateLoadBalancerNodePorts: false (or set it to true) so the port gets a nodePort, or use a balancer that targets pods or hands nodes its own IP (loadBalancerTargets Pod or VIP).',
  }),
  'reason.lb.noPodTargets': (v) => ({
    summary: `The load balancer at ${v('lbIP')} sends straight to pods, and ${v('service')} has no ready endpoint for port ${v('port')}: with no healthy target the connection fails at the balancer.`,
    fix: endpointsFix(v),
  }),
  'reason.lb.vipNotCaught': (v) => ({
    summary: `The load balancer hands node ${v('node')} the packet still addressed to ${v('lbIP')}:${v('port')}, but kube-proxy writes rules only for status.loadBalancer.ingress IPs with ipMode VIP`
      + (v('cause') === 'hostname' ? ', and this balancer is known only by its hostname.' : `, and this one has ipMode: Proxy.`)
      + ' No rule matches and no interface of the node holds the address, so the packet is lost.',
    fix: 'A balancer that passes its own IP through must report that IP with ipMode VIP (or leave ipMode unset); a proxying balancer (ipMode Proxy, or a hostname) sends to NodeIP:nodePort or to the pods instead.',
  }),
};
