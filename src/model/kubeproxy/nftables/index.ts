/**
 * kube-proxy's nftables mode, per node: the public API. `nftablesDump` and `nftListRuleset` print
 * and `nftNodeVerdict` evaluates the same ruleset model (`nftablesRules`), so the rules view and
 * the verdict never disagree. Sources: kubernetes/kubernetes pkg/proxy/nftables/proxier.go
 * (setupNFTables, syncProxyRules) and the expectations of pkg/proxy/nftables/proxier_test.go and
 * helpers_test.go; the input is the iptables side's (../adapter.ts: what ServiceChangeTracker and
 * EndpointSliceCache hold on the node).
 */
import type { Cluster, Service } from '../../cluster';
import type { EndpointsResult } from '../../endpoints';
import { parseCidr } from '../../ip';
import { fromCluster } from '../adapter';
import { elementLine, renderNftablesDump, ruleLine } from './dump';
import { renderNftListRuleset } from './listRuleset';
import { nftablesRules } from './sync';
import { traceNftPacket, type NftPacket, type NftPacketTrace, type NftTraceOptions } from './tracer';
import type { NftablesInput, NftablesOptions, NftRuleset } from './types';

export type * from './types';
export type { NftPacket, NftPacketTrace, NftStep, NftEndpointChoice, NftTraceOptions } from './tracer';
export { DEFAULT_NFTABLES_OPTIONS } from './types';
export { nftablesRules, nftablesOptions } from './sync';
export { renderNftablesDump, sortNFTablesTransaction } from './dump';
export { renderNftListRuleset, nftListRuleText, nftElementText, nftBaseChainText, nftTimeText } from './listRuleset';
export { traceNftPacket } from './tracer';
export * from './names';

/**
 * kube-proxy's input on `nodeName` in nftables mode: the iptables side's input plus the cluster's
 * ServiceCIDR (settings.serviceCIDR, what kube-proxy reads from ServiceCIDR objects).
 */
export function nftablesInputFor(
  cluster: Cluster,
  nodeName: string,
  nftables: Partial<NftablesOptions> = {},
  getEndpoints?: (svc: Service) => EndpointsResult,
): NftablesInput {
  const input = getEndpoints !== undefined ? fromCluster(cluster, nodeName, undefined, getEndpoints) : fromCluster(cluster, nodeName);
  const serviceCIDRs = parseCidr(cluster.settings.serviceCIDR) !== undefined ? [cluster.settings.serviceCIDR] : [];
  return { ...input, nftables: { serviceCIDRs, ...nftables } };
}

/** The nftables ruleset kube-proxy writes on `nodeName` of `cluster`. */
export function nftablesRulesFor(cluster: Cluster, nodeName: string): NftRuleset {
  return nftablesRules(nftablesInputFor(cluster, nodeName));
}

/** The ruleset in knftables' dump format (`add table ip kube-proxy { … }` …), canonically sorted. */
export function nftablesDump(cluster: Cluster, nodeName: string): string {
  return renderNftablesDump(nftablesRulesFor(cluster, nodeName));
}

/** The ruleset as `nft list ruleset` prints it. */
export function nftListRuleset(ruleset: NftRuleset): string;
/** The ruleset kube-proxy writes on `nodeName` of `cluster`, as `nft list ruleset` prints it. */
export function nftListRuleset(cluster: Cluster, nodeName: string): string;
export function nftListRuleset(source: NftRuleset | Cluster, nodeName = ''): string {
  // The overloads pair a cluster with its node name, so no call reaches here without one.
  return renderNftListRuleset('chains' in source ? source : nftablesRulesFor(source, nodeName));
}

/** The verdict in the convention of helpers_test.go's tracePacket. */
export interface NftNodeVerdict {
  /** "REJECT", "DROP", "" (no kube-proxy rule applies) or "ip:port, ip:port" endpoints. */
  output: string;
  /** Whether the packet is marked for masquerade. */
  masquerade: boolean;
  /** The dump line of each rule matched (and of the map element its lookup found), in order. */
  rules: string[];
}

export function nftVerdictOf(ruleset: NftRuleset, trace: NftPacketTrace): NftNodeVerdict {
  const rules = trace.steps.flatMap((s) => s.element !== undefined
    ? [ruleLine(ruleset, s.rule), elementLine(ruleset, s.element.map, s.element.element)]
    : [ruleLine(ruleset, s.rule)]);
  return { output: trace.outputs.join(', '), masquerade: trace.masquerade, rules };
}

/** The verdict of kube-proxy's nftables rules on an input built by hand or a ruleset. */
export function nftVerdictFor(input: NftablesInput | NftRuleset, packet: NftPacket, options?: NftTraceOptions): NftNodeVerdict {
  const ruleset = 'chains' in input ? input : nftablesRules(input);
  return nftVerdictOf(ruleset, traceNftPacket(ruleset, packet, options));
}

/** What the nftables rules of `nodeName` do to one packet arriving there. */
export function nftNodeVerdict(cluster: Cluster, nodeName: string, packet: NftPacket): NftNodeVerdict {
  return nftVerdictFor(nftablesRulesFor(cluster, nodeName), packet);
}
