/**
 * The Rules panel's view of kube-proxy's nftables ruleset: one table, `ip kube-proxy`, with its
 * sets and maps first and then its chains, in the order `nft list ruleset` prints them
 * (renderNftListRuleset: containers by creation handle, chains in creation order). Rule lines are
 * the model's own `nftListRuleText`, the same text a trace's rewrites hold; elements and base-chain
 * lines are the model's printers too (`nftElementText`, `nftBaseChainText`).
 */
import { nftBaseChainText, nftElementText, nftListRuleText, nftTimeText, type NftMap, type NftRuleset, type NftSet } from '../../model/kubeproxy/nftables';
import { assembleRuleView, type RuleView, type SectionInput } from './ruleView';

/** A set's or map's declaration lines (type, flags, timeout), joined as `nft -f` accepts them. */
function containerDetail(c: NftSet | NftMap): string {
  const parts = [`type ${c.type}`];
  if ('flags' in c && c.flags?.length) parts.push(`flags ${c.flags.join(',')}`);
  if ('timeoutSeconds' in c && c.timeoutSeconds !== undefined) parts.push(`timeout ${nftTimeText(c.timeoutSeconds)}`);
  return parts.join('; ');
}

/** Groups an nftables ruleset into the panel's one table of sets, maps and chains (linear). */
export function buildNftView(ruleset: NftRuleset): RuleView {
  const containers = [
    ...ruleset.sets.map((c) => ({ c, kind: 'set' as const })),
    ...ruleset.maps.map((c) => ({ c, kind: 'map' as const })),
  ].sort((a, b) => a.c.handle - b.c.handle);
  const sections: SectionInput[] = [
    ...containers.map(({ c, kind }): SectionInput => ({
      kind, name: c.name, detail: containerDetail(c), lines: c.elements.map((e) => ({ text: nftElementText(e) })),
    })),
    ...ruleset.chains.map((chain): SectionInput => ({
      kind: 'chain', name: chain.name,
      ...(chain.base !== undefined ? { detail: nftBaseChainText(chain.base) } : {}),
      lines: chain.rules.map((r) => ({ text: nftListRuleText(r), ruleId: r.id })),
    })),
  ];
  const name = `${ruleset.family} ${ruleset.table}`;
  return assembleRuleView('nftables', [{ name, heading: `table ${name}`, sections }]);
}
