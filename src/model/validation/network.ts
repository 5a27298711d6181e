/**
 * Checks across objects that keep the pod network consistent, run once every object is read:
 * node addresses are unique, node podCIDRs do not overlap (the node IPAM never hands out
 * overlapping ranges), and a pod's IP is unique and inside the podCIDR of the node it runs on
 * (host-local IPAM gives addresses from that range only), except a hostNetwork pod's, which is its
 * node's InternalIP (shared by every such pod on the node). Each returns the objects to refuse with
 * their errors; the caller leaves them out, as the API server would refuse the later write.
 */
import { nodeInternalIP, type Node, type Pod } from '../cluster';
import { inCidr, parseCidr } from '../ip';
import { duplicate, forbidden, invalid, type FieldError } from './fieldError';
import { ipv4Problem } from './node';

export interface Refusal<T> { object: T; errors: FieldError[] }

/** Later nodes that reuse an address or overlap an earlier node's podCIDR. */
export function nodeNetworkRefusals(nodes: readonly Node[]): Refusal<Node>[] {
  const refusals: Refusal<Node>[] = [];
  const addresses = new Set<string>();
  const cidrs: { node: string; cidr: string; base: number; size: number }[] = [];
  for (const node of nodes) {
    const errors: FieldError[] = [];
    const own = new Set<string>();
    node.status.addresses.forEach((a, i) => {
      if (a.type !== 'InternalIP' && a.type !== 'ExternalIP') return;
      if (addresses.has(a.address) || own.has(a.address)) errors.push(duplicate(`status.addresses[${i}].address`, a.address));
      own.add(a.address);
    });
    const parsed = node.spec.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
    const overlap = parsed && cidrs.find((c) => parsed.base < c.base + c.size && c.base < parsed.base + parsed.size);
    if (overlap) errors.push(invalid('spec.podCIDR', node.spec.podCIDR, `overlaps ${overlap.cidr}, the podCIDR of node "${overlap.node}"`));
    if (errors.length) {
      refusals.push({ object: node, errors });
      continue;
    }
    for (const a of node.status.addresses) if (a.type === 'InternalIP' || a.type === 'ExternalIP') addresses.add(a.address);
    if (parsed) cidrs.push({ node: node.metadata.name, cidr: node.spec.podCIDR!, base: parsed.base, size: parsed.size });
  }
  return refusals;
}

/** Pods whose given IP is taken, or outside their node's podCIDR, or on no node at all. */
export function podNetworkRefusals(pods: readonly Pod[], nodes: readonly Node[]): Refusal<Pod>[] {
  const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const taken = new Set<string>();
  const refusals: Refusal<Pod>[] = [];
  for (const pod of pods) {
    const ip = pod.status.podIP;
    if (ip === undefined) continue;
    const node = pod.spec.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    let error: FieldError | undefined;
    const problem = ipv4Problem(ip);
    if (problem) error = invalid('status.podIP', ip, problem);
    else if (!node) error = forbidden('status.podIP', 'a pod gets its IP from the node it runs on; this pod is bound to no node');
    else if (pod.spec.hostNetwork) {
      if (ip !== nodeInternalIP(node)) error = invalid('status.podIP', ip, `must be ${nodeInternalIP(node) ?? 'the InternalIP'} of node "${node.metadata.name}": a hostNetwork pod uses its node's network namespace`);
      if (error) refusals.push({ object: pod, errors: [error] });
      continue;
    } else if (taken.has(ip)) error = duplicate('status.podIP', ip);
    else if (!node.spec.podCIDR || !inCidr(ip, node.spec.podCIDR)) {
      error = invalid('status.podIP', ip, `must be inside ${node.spec.podCIDR ?? 'a podCIDR'}, the podCIDR of node "${node.metadata.name}" the pod runs on`);
    }
    if (error) refusals.push({ object: pod, errors: [error] });
    else taken.add(ip);
  }
  return refusals;
}
