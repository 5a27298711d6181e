/**
 * The Rules panel's view of kube-proxy's nftables ruleset: one table, `ip kube-proxy`, with its
 * sets and maps first and then its chains, in the order `nft list ruleset` prints them
 * (renderNftListRuleset: containers by creation handle, chains in creation order). Rule lines are
 * the model's own `nftListRuleText`, the same text a trace's rewrites hold.
 *
 * The model prints a whole ruleset but exports no printer for a single element or a base chain's
 * hook line, so the two short functions below follow its conventions (listRuleset.ts elementText
 * and priorityText, after nftables' src/rule.c); nftView.test.ts checks every line they produce
 * appears verbatim in `nftListRuleset`, so they cannot drift apart unnoticed.
 */
import { nftListRuleText, type NftBaseChain, type NftElement, type NftMap, type NftRuleset, type NftSet } from '../../model/kubeproxy/nftables';
import { assembleRuleView, type RuleView, type SectionInput } from './ruleView';

function verdictText(v: NonNullable<NftElement['value']>): string {
  return v.kind === 'jump' || v.kind === 'goto' ? `${v.kind} ${v.chain}` : v.kind;
}

/** An element as `nft list` prints it inside `elements = { … }`. */
export function nftElementText(element: NftElement): string {
  let text = element.key.join(' . ');
  if (element.comment !== undefined) text += ` comment "${element.comment}"`;
  if (element.value !== undefined) text += ` : ${verdictText(element.value)}`;
  return text;
}

/** nft's symbolic priority: "filter", "dstnat - 10", "srcnat". */
function priorityText(base: NftBaseChain): string {
  const names: [string, number][] = [['filter', 0], ['dstnat', -100], ['srcnat', 100]];
  const named = names.find(([n]) => base.priorityName.startsWith(n));
  if (!named) return String(base.priority);
  const offset = base.priority - named[1];
  return offset === 0 ? named[0] : `${named[0]} ${offset < 0 ? '-' : '+'} ${Math.abs(offset)}`;
}

/** A base chain's line as nft prints it: `type nat hook prerouting priority dstnat; policy accept;`. */
export function nftBaseChainText(base: NftBaseChain): string {
  return `type ${base.type} hook ${base.hook} priority ${priorityText(base)}; policy accept;`;
}

function timeText(seconds: number): string {
  const units: [number, string][] = [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
  let rest = seconds;
  let out = '';
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out === '' ? '0s' : out;
}

/** A set's or map's declaration lines (type, flags, timeout), joined as `nft -f` accepts them. */
function containerDetail(c: NftSet | NftMap): string {
  const parts = [`type ${c.type}`];
  if ('flags' in c && c.flags?.length) parts.push(`flags ${c.flags.join(',')}`);
  if ('timeoutSeconds' in c && c.timeoutSeconds !== undefined) parts.push(`timeout ${timeText(c.timeoutSeconds)}`);
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
