/**
 * What kube-proxy's nftables rules on one node do to the packet, read from `traceNftPacket` on the
 * very ruleset `nftListRuleset` prints (so the Rules view and the trace never disagree): the
 * endpoint the DNAT chose with the rules on its path, the masquerade the mark asks for, or the
 * reject/drop that stops it. Rule logic lives in src/model/kubeproxy/nftables only; this file only
 * reads its results (the nftables counterpart of kubeProxyStep.ts).
 */
import { inCidr } from '../ip';
import { servicePortNameString } from '../kubeproxy/names';
import { nftListRuleText } from '../kubeproxy/nftables/listRuleset';
import { nftPurposeServicePort } from '../kubeproxy/nftables/purpose';
import { MARK_MASQ, MASQUERADING, NAT_POSTROUTING } from '../kubeproxy/nftables/setup';
import { traceNftPacket, type NftEndpointChoice, type NftPacketTrace, type NftStep } from '../kubeproxy/nftables/tracer';
import type { NftRule, NftRuleId, NftRuleset } from '../kubeproxy/nftables/types';
import { ephemeralPort } from './choose';
import type { Flow } from './flow';
import { parseAddress, VIA_OF_PATH, type CaptureVia, type ServicePortRef } from './kubeProxyStep';
import type { Address, Rewrite } from './types';

/** The nftables verdict of `nodeName`'s ruleset on the flow's current packet. */
export function evaluateNft(flow: Flow, nodeName: string): { ruleset: NftRuleset; result: NftPacketTrace } {
  const ruleset = flow.ctx.nftRules(nodeName);
  const p = flow.packet;
  // A source address of this node means a process here sent it: the output hooks see it, not prerouting.
  const locallyGenerated = ruleset.node.localIPs.includes(p.src.ip) || inCidr(p.src.ip, '127.0.0.0/8');
  const result = traceNftPacket(ruleset, { sourceIP: p.src.ip, destIP: p.dst.ip, destPort: p.dst.port, protocol: p.protocol }, { locallyGenerated });
  return { ruleset, result };
}

/** The Service port of the first step (rule or map element) written for one. */
export function nftServicePortOf(steps: readonly NftStep[]): ServicePortRef | undefined {
  for (const step of steps) {
    const port = (step.element ? nftPurposeServicePort(step.element.element.purpose) : undefined) ?? nftPurposeServicePort(step.rule.purpose);
    if (port === undefined) continue;
    const key = `${port.namespace}/${port.name}`;
    return { text: servicePortNameString(port.namespace, port.name, port.portName), key, portName: port.portName };
  }
  return undefined;
}

/** How the packet was captured: the path of the first service-ips / service-nodeports (or no-endpoint) element it matched. */
export function nftCaptureVia(steps: readonly NftStep[]): CaptureVia {
  for (const step of steps) {
    const purpose = step.element?.element.purpose;
    if (purpose?.kind === 'dispatch' || purpose?.kind === 'noEndpoints') return VIA_OF_PATH[purpose.path];
    if (purpose?.kind === 'firewall') return 'load-balancer-ip';
  }
  return 'cluster-ip';
}

const chainsOf = (rules: readonly NftRule[]): string[] => [...new Set(rules.map((r) => r.chain))];

/** The fields of a kube-proxy rewrite that name the nftables rules it came from. */
export function nftRuleFields(rules: readonly NftRule[]): { proxyMode: 'nftables'; chains: string[]; rules: string[]; nftRuleIds: NftRuleId[] } {
  return { proxyMode: 'nftables', chains: chainsOf(rules), rules: rules.map(nftListRuleText), nftRuleIds: rules.map((r) => r.id) };
}

const chainRules = (ruleset: NftRuleset, name: string): NftRule[] => ruleset.chains.find((c) => c.name === name)?.rules ?? [];

/**
 * The rules from the first hook to the `dnat to`. The endpoint chain's `update @affinity-… { ip
 * saddr }` (sessionAffinity) matches every packet but decides nothing, so the tracer lists no step
 * for it; it is put back before the DNAT, where writeServiceToEndpointRules writes it.
 */
function dnatPath(ruleset: NftRuleset, choice: NftEndpointChoice): NftRule[] {
  const rules = choice.steps.map((s) => s.rule);
  const dnat = rules.at(-1);
  if (dnat === undefined) return rules;
  const updates = chainRules(ruleset, dnat.chain).filter((r) => r.purpose.kind === 'affinityUpdate');
  return [...rules.slice(0, -1), ...updates, dnat];
}

/** The DNAT rewrite of a choice, with the rules on its path. */
export function nftDnatRewrite(ruleset: NftRuleset, before: Address, choice: NftEndpointChoice, nodeName: string): Rewrite {
  return {
    kind: 'DNAT', masquerade: false, before: { ...before }, after: parseAddress(choice.destination), by: 'kube-proxy', node: nodeName,
    ...nftRuleFields(dnatPath(ruleset, choice)),
  };
}

/**
 * The masquerade the mark asked for: a rule on the path jumped to mark-for-masquerade (`mark set
 * mark or 0x4000`); nat-postrouting jumps to masquerading, which clears the mark and does
 * `masquerade fully-random` (setupNFTables). The source becomes the address of the interface the
 * packet leaves by, with a fresh source port (fully-random).
 */
export function nftMasqueradeRewrite(flow: Flow, ruleset: NftRuleset, choice: NftEndpointChoice, nodeName: string, toAddress: string): Rewrite {
  const src = flow.packet.src;
  const marks = choice.steps.map((s) => s.rule).filter((r) => r.statements.some((st) =>
    st.kind === 'verdict' && st.verdict.kind === 'jump' && st.verdict.chain === MARK_MASQ));
  const hook = chainRules(ruleset, NAT_POSTROUTING);
  // A marked packet passes masquerading's first rule (`mark and 0x4000 == 0 return`) without matching it.
  const masquerading = chainRules(ruleset, MASQUERADING).filter((r) => r.purpose.kind !== 'masqueradingUnmarked');
  const rules = [...marks, ...chainRules(ruleset, MARK_MASQ), ...hook, ...masquerading];
  return {
    kind: 'SNAT', masquerade: true, before: { ...src },
    after: { ip: toAddress, port: ephemeralPort(`masq|${nodeName}|${src.ip}:${src.port}|${choice.destination}`) },
    by: 'kube-proxy', node: nodeName, ...nftRuleFields(rules),
  };
}
