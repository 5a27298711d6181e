/**
 * kube-proxy's iptables mode, per node: the public API.
 *
 * `iptablesSave` prints and `nodeVerdict` evaluates the same rule model (`buildRuleSet`), so the
 * rules view and the verdict never disagree. Sources: kubernetes/kubernetes
 * pkg/proxy/iptables/proxier.go (syncProxyRules), pkg/proxy/topology.go, pkg/proxy/serviceport.go,
 * pkg/proxy/endpointslicecache.go and the expectations of pkg/proxy/iptables/proxier_test.go.
 */
import type { Cluster } from '../cluster';
import { fromCluster } from './adapter';
import { nftNodeVerdict } from './nftables/index';
import { renderIptablesSave } from './render';
import { buildRuleSet } from './sync';
import { tracePacket, type Packet, type PacketTrace } from './tracer';
import type { KubeProxyInput, RuleSet } from './types';

export type { Packet, PacketTrace, EndpointChoice } from './tracer';
export type * from './types';
export { DEFAULT_KUBE_PROXY_OPTIONS } from './types';
export { buildRuleSet } from './sync';
export { renderIptablesSave } from './render';
export { tracePacket } from './tracer';
export { fromCluster, isProxiedService, isVIPMode, servicePortInfo, nodeFacts } from './adapter';
export * from './names';
export { nftablesDump, nftablesRulesFor, nftListRuleset, nftNodeVerdict } from './nftables/index';

/** The rule model kube-proxy builds on `nodeName` of `cluster`. */
export function kubeProxyRules(cluster: Cluster, nodeName: string): RuleSet {
  return buildRuleSet(fromCluster(cluster, nodeName));
}

/** What `iptables-save` prints for kube-proxy's filter and nat chains on `nodeName`. */
export function iptablesSave(cluster: Cluster, nodeName: string): string {
  return renderIptablesSave(kubeProxyRules(cluster, nodeName));
}

/** nodeVerdict's result, in the convention of proxier_test.go's tracePacket. */
export interface NodeVerdict {
  /** "REJECT", "DROP", "ACCEPT", "" (no kube-proxy rule applies) or "ip:port, ip:port" endpoints. */
  output: string;
  /** Whether the packet is marked for masquerade (SNAT to the node's IP on the way out). */
  masquerade: boolean;
  /**
   * Each rule matched, in order: its iptables-save text in iptables mode; in nftables mode its
   * knftables dump line (`add rule ip kube-proxy …`), and that of the map element a lookup found.
   */
  rules: string[];
}

/** Turns a trace into the tracer's convention: outputs joined with ", ". */
export function verdictOf(trace: PacketTrace): NodeVerdict {
  return { output: trace.outputs.join(', '), masquerade: trace.masquerade, rules: trace.matched.map((r) => r.text) };
}

/** The verdict of kube-proxy's rules on an input built by hand (see `fromCluster`). */
export function verdictFor(input: KubeProxyInput | RuleSet, packet: Packet): NodeVerdict {
  const ruleSet = 'tables' in input ? input : buildRuleSet(input);
  return verdictOf(tracePacket(ruleSet, packet));
}

/**
 * What the kube-proxy rules of `nodeName` do to one packet arriving there, in the cluster's
 * settings.kubeProxyMode: the iptables rules, or the nftables ruleset (nftNodeVerdict).
 */
export function nodeVerdict(cluster: Cluster, nodeName: string, packet: Packet): NodeVerdict {
  if (cluster.settings.kubeProxyMode === 'nftables') return nftNodeVerdict(cluster, nodeName, packet);
  return verdictOf(tracePacket(kubeProxyRules(cluster, nodeName), packet));
}
