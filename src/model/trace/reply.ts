/**
 * The reply's way back. conntrack remembered every translation of the first packet (DNAT by
 * kube-proxy or a load balancer, SNAT by MASQUERADE) and applies the reverse to replies: the
 * server answers the address it saw, and the client receives a reply from the address it asked.
 * With masquerade the reply returns to the node that translated (its IP is the destination);
 * without it (externalTrafficPolicy: Local) the pod answers the client's own IP.
 * (netfilter's nf_nat reverse mapping; Kubernetes docs "Using Source IP".)
 */
import type { Flow } from './flow';
import { msg } from './messages';
import type { Address, ElementRef, Hop, PacketHeaders, ReplySummary, Rewrite } from './types';

const addr = (a: Address): string => `${a.ip}:${a.port}`;

/** Reverses one forward rewrite for a reply packet (swapped src/dst). */
function reverse(r: Rewrite, reply: PacketHeaders): { packet: PacketHeaders; rewrite: Rewrite } {
  // A forward DNAT (dst before → after) becomes a reply source after → before; SNAT likewise on dst.
  const rewrite: Rewrite = { ...r, before: { ...r.after }, after: { ...r.before } };
  const packet = r.kind === 'DNAT'
    ? { ...reply, src: { ...r.before } }
    : { ...reply, dst: { ...r.before } };
  return { packet, rewrite };
}

function pathOf(hops: Hop[]): ElementRef[] {
  const path: ElementRef[] = [];
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (hop.layer === 'dns') continue;
    if (path[path.length - 1] !== hop.to) path.push(hop.to);
    path.push(hop.from);
  }
  return path.filter((ref, i) => path[i - 1] !== ref);
}

/** The reply summary of a delivered flow. */
export function buildReply(flow: Flow): ReplySummary {
  const leg = flow.clientLeg;
  const last = leg ? leg.packet : flow.packet;
  const forward = leg ? leg.rewrites : flow.rewrites;
  const hops = leg ? flow.hops.slice(0, leg.hopCount) : flow.hops;
  const leaves: PacketHeaders = { src: { ...last.dst }, dst: { ...last.src }, protocol: last.protocol };
  let packet = leaves;
  const reversed: Rewrite[] = [];
  for (let i = forward.length - 1; i >= 0; i--) {
    const step = reverse(forward[i]!, packet);
    packet = step.packet;
    reversed.push(step.rewrite);
  }
  const nodes = [...new Set(reversed.flatMap((r) => (r.node ? [r.node] : [])))].join(',');
  const params = {
    client: addr(packet.dst),
    server: addr(leaves.src),
    nodes,
    reversed: reversed.length,
  };
  const explanation = leg
    ? msg('reply.ingress', { ...params, controller: leg.controller })
    : msg('reply.conntrack', params);
  return { leaves, arrives: packet, reversed, path: pathOf(hops), explanation };
}
