/**
 * The short label of a hop in the hop list: what happens there, then the address the packet is
 * sent to. Two hops can send to the same address (the packet arrives at a node's nodePort, then
 * kube-proxy's rules there match that same nodePort), so the label says what differs. It is built
 * from the hop's structure — its explanation key and parameters, its rewrites, the element it goes
 * to — never from worded text.
 */
import { namespacedKey, parseElementId, type ElementRef } from '../model/elementIds';
import type { Hop, Rewrite } from '../model/trace/types';

const addressOf = (hop: Hop): string => `${hop.packet.dst.ip}:${hop.packet.dst.port}`;

/** The name part of an element ref (`node:worker-3` → `worker-3`, `pod:default/web-1` → `default/web-1`). */
function nameOf(ref: ElementRef): string {
  const element = parseElementId(ref);
  switch (element?.kind) {
    case 'node': case 'client': return element.name;
    case 'external': return element.host;
    case 'pod': case 'service': case 'loadBalancer': case 'ingress': return namespacedKey(element);
    case 'sliceService': return `${element.namespace}/${element.serviceName}`;
    case 'endpoint': return `${element.namespace}/${element.serviceName}/${element.ip}`;
    default: return ref;
  }
}

const param = (hop: Hop, name: string): string => String(hop.explanation.params[name] ?? '');

/** "DNAT", "DNAT + SNAT": the translations of the hop, in order. */
function translations(rewrites: Rewrite[]): string {
  return rewrites.map((r) => (r.masquerade ? 'SNAT (masquerade)' : r.kind)).join(' + ');
}

/** What kube-proxy's first matching rule matched, by hop.service.capture's `via`. */
const CAPTURED: Record<string, string> = {
  'node-port': 'kube-proxy matches the nodePort',
  'cluster-ip': 'kube-proxy matches the ClusterIP',
  'load-balancer-ip': 'kube-proxy matches the LB IP',
  'external-ip': 'kube-proxy matches the external IP',
};

const ACTION: Record<string, (hop: Hop) => string> = {
  'hop.dns.query': (hop) => `DNS lookup of ${param(hop, 'name')}`,
  'hop.dns.cname': (hop) => `DNS CNAME for ${param(hop, 'name')}`,
  'hop.dns.public': (hop) => `public DNS answers ${param(hop, 'name')} (stand-in)`,
  'hop.lb.receive': () => 'arrives at the load balancer',
  'hop.lb.toNode': (hop) => `load balancer sends to ${nameOf(hop.to)}`,
  'hop.lb.toNodeVip': (hop) => `load balancer hands ${nameOf(hop.to)} the LB IP`,
  'hop.node.healthCheck': (hop) => `health check of ${nameOf(hop.to)}`,
  'hop.node.receive': (hop) => `arrives at ${param(hop, 'node') || nameOf(hop.to)}`,
  'hop.externalIP.receive': (hop) => `external IP routed to ${param(hop, 'node') || nameOf(hop.to)}`,
  'hop.send': () => 'leaves the sender',
  'hop.service.capture': (hop) => CAPTURED[param(hop, 'via')] ?? 'kube-proxy matches the Service',
  'hop.service.dnat': (hop) => `kube-proxy picks ${param(hop, 'pod') ? `pod ${param(hop, 'pod')}` : param(hop, 'endpoint')}`,
  'hop.podNetwork.cross': (hop) => `crosses the pod network to ${param(hop, 'toNode') || nameOf(hop.to)}`,
  'hop.pod.deliver': (hop) => `reaches pod ${param(hop, 'pod') || nameOf(hop.to)}`,
  'hop.node.forward': (hop) => `forwarded to ${param(hop, 'toNode') || nameOf(hop.to)}`,
  'hop.external.leave': () => 'leaves the cluster',
  'hop.kubeProxy.filter': (hop) => `kube-proxy ${param(hop, 'verdict') === 'reject' ? 'rejects' : 'drops'} it (${param(hop, 'chain')})`,
  'hop.node.local': (hop) => `to ${param(hop, 'node') || nameOf(hop.to)}'s own stack`,
  'hop.ingress.route': (hop) => `controller routes by host/path (${param(hop, 'ingress')})`,
  'hop.ingress.proxy': (hop) => `controller connects to ${param(hop, 'pod') || 'the backend'}`,
};

/** The hop list's label: `{ action, address }`; translations made on the hop lead the action. */
export function hopLabel(hop: Hop): { action: string; address: string } {
  const word = ACTION[hop.explanation.key];
  const rewritten = translations(hop.rewrites);
  // Without its own label a hop still differs by what rewrote it and where it goes.
  const base = word ? word(hop) : `to ${nameOf(hop.to)}`;
  return { action: rewritten ? `${rewritten}: ${base}` : base, address: addressOf(hop) };
}
