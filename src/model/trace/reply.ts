/**
 * The reply's way back. Each translation of the first packet is undone where it was made, by the
 * state that made it: kube-proxy's DNAT and MASQUERADE by conntrack on the node whose rules did
 * them (netfilter's nf_nat reverse mapping), the load balancer's own DNAT (to NodeIP:nodePort or,
 * with Pod targets, to the pod) by the load balancer, a node ExternalIP's 1:1 NAT by the cloud's
 * NAT in front of that node. So the server answers the address it saw, and the client receives a
 * reply from the address it asked. With masquerade the reply returns to the node that translated
 * (its IP is the destination); without it (externalTrafficPolicy: Local, Pod targets) the pod
 * answers the client's own IP and the reply still passes the balancer, which undoes its DNAT.
 * (Kubernetes docs "Using Source IP".)
 */
import { elementId, parseElementId } from '../elementIds';
import { msg } from './messages';
import type { Address, ElementRef, Hop, PacketHeaders, ReplySummary, Rewrite } from './types';

/** The client side of a proxied request (an ingress controller ends it and opens another). */
export interface ClientLeg {
  packet: PacketHeaders;
  rewrites: Rewrite[];
  hopCount: number;
  controller: string;
  /** The backend the controller connected to (`ip:port`, and its pod), once it chose one. */
  backend?: { endpoint: string; pod?: string };
}

/** What the reply is built from: plain data of a delivered flow. */
export interface ReplyInput {
  readonly hops: Hop[];
  readonly rewrites: Rewrite[];
  readonly packet: PacketHeaders;
  readonly clientLeg?: ClientLeg | undefined;
}

const addr = (a: Address): string => `${a.ip}:${a.port}`;

/** `ns/name` of a load balancer's element (the reply's `lb` parameter). */
function serviceKeyOf(ref: ElementRef): string | undefined {
  const parsed = parseElementId(ref);
  return parsed?.kind === 'loadBalancer' ? `${parsed.namespace}/${parsed.name}` : undefined;
}

/** The node an element stands for, by name (a cloud NAT's node); other refs as they are. */
function nodeNameOf(ref: ElementRef): string {
  const parsed = parseElementId(ref);
  return parsed?.kind === 'node' ? parsed.name : ref;
}

/** Reverses one forward rewrite for a reply packet (swapped src/dst). */
function reverse(r: Rewrite, reply: PacketHeaders): { packet: PacketHeaders; rewrite: Rewrite } {
  // A forward DNAT (dst before → after) becomes a reply source after → before; SNAT likewise on dst.
  const rewrite: Rewrite = { ...r, before: { ...r.after }, after: { ...r.before } };
  const packet = r.kind === 'DNAT'
    ? { ...reply, src: { ...r.before } }
    : { ...reply, dst: { ...r.before } };
  return { packet, rewrite };
}

/** Where a forward rewrite is undone: the element that made it (see the file comment). */
function undoneAt(r: Rewrite, hops: Hop[]): ElementRef {
  if (r.by === 'kube-proxy' && r.node) return elementId.node(r.node);
  // Flow.hop records every rewrite with its hop, so there is always one.
  const hop = hops.find((h) => h.rewrites.includes(r))!;
  return r.by === 'cloud-nat' ? hop.to : hop.from;
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
export function buildReply(flow: ReplyInput): ReplySummary {
  const leg = flow.clientLeg;
  const last = leg ? leg.packet : flow.packet;
  const forward = leg ? leg.rewrites : flow.rewrites;
  const hops = leg ? flow.hops.slice(0, leg.hopCount) : flow.hops;
  const leaves: PacketHeaders = { src: { ...last.dst }, dst: { ...last.src }, protocol: last.protocol };
  let packet = leaves;
  const reversed: Rewrite[] = [];
  const at: ElementRef[] = [];
  for (let i = forward.length - 1; i >= 0; i--) {
    const step = reverse(forward[i]!, packet);
    packet = step.packet;
    reversed.push(step.rewrite);
    at.push(undoneAt(forward[i]!, hops));
  }
  const nodes = [...new Set(reversed.flatMap((r) => (r.by === 'kube-proxy' && r.node ? [r.node] : [])))];
  const lb = at.find((_, i) => reversed[i]!.by === 'load-balancer');
  const params = { client: addr(packet.dst), server: addr(leaves.src), nodes, reversed: reversed.length };
  const explanation = leg
    // The answer comes from the backend, through the controller: the reply names both.
    ? msg('reply.ingress', { ...params, controller: leg.controller, backend: leg.backend?.endpoint, pod: leg.backend?.pod })
    : msg('reply.conntrack', {
      ...params,
      kubeProxy: reversed.filter((r) => r.by === 'kube-proxy').length,
      lb: lb === undefined ? undefined : serviceKeyOf(lb),
      cloudNat: at.filter((_, i) => reversed[i]!.by === 'cloud-nat').map(nodeNameOf),
    });
  // A balancer that made no translation (VIP targets: passthrough, the packet kept its LB IP) is
  // not on the way back: GCP/Azure passthrough balancers return replies directly from the node
  // (direct server return), and with MetalLB the node itself owns the IP.
  const lbRewrote = forward.some((r) => r.by === 'load-balancer');
  const path = pathOf(hops).filter((ref) => lbRewrote || parseElementId(ref)?.kind !== 'loadBalancer');
  return { leaves, arrives: packet, reversed, undoneAt: at, path, explanation };
}
