/**
 * Prints a ruleset in knftables' dump format: the `nft -f` transaction lines knftables.Fake.Dump()
 * returns and kube-proxy's proxier_test.go compares (`add table ip kube-proxy { … }`, `add chain …`,
 * `add rule …`, `add set …`, `add map …`, `add element …`), in the canonical order of
 * sortNFTablesTransaction (pkg/proxy/nftables/helpers_test.go), ported here.
 */
import { verdictText } from './rule';
import type { NftChain, NftElement, NftMap, NftRule, NftRuleset, NftSet } from './types';

/** `ip kube-proxy`, the family and table every line names. */
function prefix(ruleset: NftRuleset): string {
  return `${ruleset.family} ${ruleset.table}`;
}

/** knftables writes comments in double quotes. */
function quoted(text: string): string {
  return `"${text}"`;
}

export function chainLine(ruleset: NftRuleset, chain: NftChain): string {
  const props: string[] = [];
  if (chain.base !== undefined) props.push(`type ${chain.base.type} hook ${chain.base.hook} priority ${chain.base.priority} ;`);
  if (chain.comment !== undefined) props.push(`comment ${quoted(chain.comment)} ;`);
  return `add chain ${prefix(ruleset)} ${chain.name}` + (props.length ? ` { ${props.join(' ')} }` : '');
}

export function ruleLine(ruleset: NftRuleset, rule: NftRule): string {
  return `add rule ${prefix(ruleset)} ${rule.chain} ${rule.text}` + (rule.comment !== undefined ? ` comment ${quoted(rule.comment)}` : '');
}

export function setLine(ruleset: NftRuleset, set: NftSet): string {
  const props = [`type ${set.type} ;`];
  if (set.flags?.length) props.push(`flags ${set.flags.join(',')} ;`);
  if (set.timeoutSeconds !== undefined) props.push(`timeout ${set.timeoutSeconds}s ;`);
  if (set.comment !== undefined) props.push(`comment ${quoted(set.comment)} ;`);
  return `add set ${prefix(ruleset)} ${set.name} { ${props.join(' ')} }`;
}

export function mapLine(ruleset: NftRuleset, map: NftMap): string {
  const props = [`type ${map.type} ;`];
  if (map.comment !== undefined) props.push(`comment ${quoted(map.comment)} ;`);
  return `add map ${prefix(ruleset)} ${map.name} { ${props.join(' ')} }`;
}

/** `{ 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }`. */
export function elementLine(ruleset: NftRuleset, container: string, element: NftElement): string {
  let body = element.key.join(' . ');
  if (element.comment !== undefined) body += ` comment ${quoted(element.comment)}`;
  if (element.value !== undefined) body += ` : ${verdictText(element.value)}`;
  return `add element ${prefix(ruleset)} ${container} { ${body} }`;
}

/** Every object as an `add` line, in creation order (not yet sorted). */
export function dumpLines(ruleset: NftRuleset): string[] {
  const lines = [`add table ${prefix(ruleset)} { comment ${quoted(ruleset.comment)} ; }`];
  for (const chain of ruleset.chains) lines.push(chainLine(ruleset, chain));
  for (const set of ruleset.sets) lines.push(setLine(ruleset, set));
  for (const map of ruleset.maps) lines.push(mapLine(ruleset, map));
  for (const chain of ruleset.chains) for (const rule of chain.rules) lines.push(ruleLine(ruleset, rule));
  for (const c of [...ruleset.sets, ...ruleset.maps]) for (const e of c.elements) lines.push(elementLine(ruleset, c.name, e));
  return lines;
}

/** objectOrder of helpers_test.go (higher = earlier). */
const OBJECT_ORDER: Record<string, number> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 };

/**
 * sortNFTablesTransaction: drops blank and `#` lines, then stable-sorts by object type, then object
 * name; rules keep their order within a chain, other lines of one object sort by the whole line.
 * (Go's comparator says "i before j" with `>=` for types; as a total order that is "higher first".)
 */
export function sortNFTablesTransaction(tx: string): string {
  const lines = tx.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  const keyed = lines.map((line) => ({ line, words: line.split(' ') }));
  keyed.sort((a, b) => {
    if (a.words.length < 5 || b.words.length < 5) return 0;
    const [, ta = '', , , na = ''] = a.words;
    const [, tb = '', , , nb = ''] = b.words;
    if (ta !== tb) return (OBJECT_ORDER[tb] ?? 0) - (OBJECT_ORDER[ta] ?? 0);
    if (na !== nb) return na < nb ? -1 : 1;
    if (ta === 'rule') return 0;
    return a.line < b.line ? -1 : a.line > b.line ? 1 : 0;
  });
  return keyed.map((k) => k.line).join('\n');
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ruleset as knftables' Fake.Dump() after kube-proxy's canonical sort, one line each. Built in
 * that order directly (the same order sortNFTablesTransaction gives, which overall.test.ts checks):
 * sorting only names is much cheaper than sorting every line of a large ruleset.
 */
export function renderNftablesDump(ruleset: NftRuleset): string {
  const chains = [...ruleset.chains].sort((a, b) => byString(a.name, b.name));
  const sets = [...ruleset.sets].sort((a, b) => byString(a.name, b.name));
  const maps = [...ruleset.maps].sort((a, b) => byString(a.name, b.name));
  const lines = [`add table ${prefix(ruleset)} { comment ${quoted(ruleset.comment)} ; }`];
  for (const chain of chains) lines.push(chainLine(ruleset, chain));
  for (const chain of chains) for (const rule of chain.rules) lines.push(ruleLine(ruleset, rule));
  for (const set of sets) lines.push(setLine(ruleset, set));
  for (const map of maps) lines.push(mapLine(ruleset, map));
  const containers = [...ruleset.sets, ...ruleset.maps].sort((a, b) => byString(a.name, b.name));
  for (const c of containers) lines.push(...c.elements.map((e) => elementLine(ruleset, c.name, e)).sort(byString));
  return lines.join('\n') + '\n';
}
