/**
 * Pod traffic leaving the cluster. kube-proxy does not touch it (no Service matched); the node's
 * network plugin does: by default it masquerades packets from pod IPs to destinations outside the
 * cluster's networks, so they leave with the node's own IP and the reply comes back to that node,
 * whose conntrack undoes it (Calico's IP pool `natOutgoing`, Cilium's `enable-ipv4-masquerade`,
 * flannel's `--ip-masq`, GKE's and AKS's ip-masq-agent with its `nonMasqueradeCIDRs`).
 * The cluster's own pod network and node subnet are never masqueraded here, nor the
 * `nonMasqueradeCIDRs` of ClusterSettings; with `masqueradeOutgoing: false` nothing is, and the
 * outside host sees the pod IP and must route the pod CIDR back to the node.
 * Which chains do it differs per plugin, so the rewrite carries no rule text.
 */
import { nodeInternalIP } from '../cluster';
import { elementId } from '../elementIds';
import { inCidr, parseCidr } from '../ip';
import type { Flow } from './flow';
import { msg } from './messages';
import type { Rewrite } from './types';

/** Why a pod's packet leaving the cluster keeps or loses its pod IP. */
export type EgressSource =
  /** Masqueraded to the node's IP. */
  | { kind: 'masquerade'; rewrite: Rewrite }
  /** The cluster setting masqueradeOutgoing is off. */
  | { kind: 'disabled'; podIP: string }
  /** The destination is in a non-masquerade range (the pod network, the node subnet, or nonMasqueradeCIDRs). */
  | { kind: 'exempt'; podIP: string; cidr: string }
  /** The packet's source is not a pod IP (a node process, or already masqueraded): nothing to do. */
  | { kind: 'not-pod' };

/** The ranges a pod may reach with its own IP: the cluster's networks, then the configured ones. */
function exemptRange(flow: Flow, dstIP: string): string | undefined {
  const { settings } = flow.ctx.cluster;
  return [settings.podCIDR, settings.nodeSubnet, ...settings.nonMasqueradeCIDRs]
    .find((cidr) => parseCidr(cidr) !== undefined && inCidr(dstIP, cidr));
}

/** What the node `nodeName` does to the source of the flow's packet as it leaves for `dstIP`. */
export function egressSource(flow: Flow, nodeName: string, dstIP: string): EgressSource {
  const { settings } = flow.ctx.cluster;
  const src = flow.packet.src;
  if (!inCidr(src.ip, settings.podCIDR)) return { kind: 'not-pod' };
  if (!settings.masqueradeOutgoing) return { kind: 'disabled', podIP: src.ip };
  const cidr = exemptRange(flow, dstIP);
  if (cidr !== undefined) return { kind: 'exempt', podIP: src.ip, cidr };
  const node = flow.ctx.nodeByName.get(nodeName);
  const nodeIP = node ? nodeInternalIP(node) : undefined;
  if (nodeIP === undefined) return { kind: 'not-pod' };
  return {
    kind: 'masquerade',
    rewrite: {
      kind: 'SNAT', masquerade: true, before: { ...src }, after: { ip: nodeIP, port: src.port }, by: 'node-masquerade',
      node: nodeName, chains: [], rules: [],
    },
  };
}

/** The hop extras and message parameters that say what egressSource decided. */
export function egressHopParts(egress: EgressSource): { rewrites: Rewrite[]; params: Record<string, string | undefined> } {
  switch (egress.kind) {
    case 'masquerade':
      return { rewrites: [egress.rewrite], params: { masquerade: 'node', podIP: egress.rewrite.before.ip, nodeIP: egress.rewrite.after.ip } };
    case 'disabled':
      return { rewrites: [], params: { masquerade: 'disabled', podIP: egress.podIP } };
    case 'exempt':
      return { rewrites: [], params: { masquerade: 'exempt', podIP: egress.podIP, cidr: egress.cidr } };
    case 'not-pod':
      return { rewrites: [], params: {} };
  }
}

/** The masquerade (if any) of the flow's packet leaving by `nodeName` for `dstIP`, as rewrites. */
export function egressRewrites(flow: Flow, nodeName: string, dstIP: string): Rewrite[] {
  return egressHopParts(egressSource(flow, nodeName, dstIP)).rewrites;
}

/**
 * The hop out of the cluster by `nodeName`'s default route, to `host:port` (an IP, or a name public
 * DNS resolves): the packet leaves with the source egressSource decides.
 */
export function leaveCluster(flow: Flow, nodeName: string | undefined, host: string, port: number): void {
  const egress = nodeName !== undefined ? egressSource(flow, nodeName, host) : { kind: 'not-pod' as const };
  const { rewrites, params } = egressHopParts(egress);
  flow.hop(elementId.external(host), 'pod-network', msg('hop.external.leave', { host, port, node: nodeName, ...params }), {
    ...(nodeName !== undefined ? { node: nodeName } : {}), rewrites,
  });
}
