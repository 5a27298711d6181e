/**
 * `trace`: the request path engine. It follows one request from a source to `host:port` hop by
 * hop — DNS, load balancer, NodeIP:nodePort, kube-proxy's DNAT/masquerade on the node, the pod
 * network, the pod (and an ingress controller's routing) — or says where and why it stops, the
 * way a real cluster behaves in the kube-proxy mode settings.kubeProxyMode names. Every kube-proxy
 * decision comes from an interpreter over the rules the Rules view prints: `tracePacket` on the
 * rules `iptablesSave` prints, or `traceNftPacket` on the ruleset `nftListRuleset` prints
 * (src/model/kubeproxy, kubeproxy/nftables).
 *
 * Deterministic: random choices (iptables' statistic ladder or nftables' numgen, the LB's node, a headless answer)
 * come from `options.pick`, session affinity, or `options.seed` (default 0).
 */
import type { Cluster } from '../cluster';
import { ephemeralPort } from './choose';
import { traceContext } from './context';
import { drive } from './drive';
import { Flow } from './flow';
import { resolveSource } from './source';
import { resolveTarget } from './target';
import type { Trace, TraceOptions, TraceRequest } from './types';

export function trace(cluster: Cluster, request: TraceRequest, options: TraceOptions = {}): Trace {
  const ctx = traceContext(cluster);
  const source = resolveSource(ctx, request.from);
  if ('key' in source) return { outcome: 'no-route', hops: [], reason: source };
  const protocol = request.to.protocol ?? 'TCP';
  const srcPort = ephemeralPort(`${source.ref}|${request.to.host}|${request.to.port}|${protocol}`);
  const flow = new Flow(ctx, request, { ...options, seed: options.seed ?? 0 }, source, srcPort, { ip: request.to.host, port: request.to.port }, protocol);

  const target = resolveTarget(flow);
  if ('trace' in target) return target.trace;
  if ('external' in target) {
    flow.packet = { ...flow.packet, dst: { ip: target.external, port: request.to.port } };
    return drive(flow, { at: 'external', host: target.external, port: request.to.port, ...(source.nodeName !== undefined ? { node: source.nodeName } : {}) });
  }
  flow.packet = { ...flow.packet, dst: { ip: target.ip, port: request.to.port } };
  // A pod's or a node's packet meets its own node's rules first; anything else arrives from outside.
  const inside = source.kind === 'pod' || source.kind === 'node';
  return drive(flow, inside ? { at: 'node', node: source.nodeName! } : { at: 'outside' });
}
