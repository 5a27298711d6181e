/**
 * Prints a ruleset as `nft list ruleset` shows kube-proxy's table: one `table ip kube-proxy { … }`
 * block with its comment, its sets and maps in creation order (type, flags, timeout, comment,
 * elements), then its chains (a base chain's `type … hook … priority …; policy accept;` line, then
 * its rules). Written from nftables' printer conventions (src/rule.c table_print), not compared
 * with a real `nft` here; the knftables dump is the checked format. Rules are
 * printed the way nft prints them back, which differs from what kube-proxy wrote in a few
 * places: `mark` becomes `meta mark` with `|`, `^`, `&` and 32-bit hex values, a one-element
 * anonymous set becomes a plain comparison, and list separators become ", ". Objects keep
 * kube-proxy's creation order (the kernel's); elements keep the order they were added.
 */
import { verdictText } from './rule';
import type { NftBaseChain, NftChain, NftElement, NftMap, NftMatch, NftRule, NftRuleset, NftSet, NftStatement } from './types';

/** nft prints meta mark values as 32-bit hex: 0x4000 → 0x00004000. */
function markHex(value: string): string {
  return '0x' + Number(value).toString(16).padStart(8, '0');
}

/** nft's symbolic priorities: "filter", "dstnat - 10", "srcnat". */
function priorityText(base: NftBaseChain): string {
  const names: [string, number][] = [['filter', 0], ['dstnat', -100], ['srcnat', 100]];
  const [name, value] = names.find(([n]) => base.priorityName.startsWith(n)) ?? ['', 0];
  if (name === '') return String(base.priority);
  const offset = base.priority - value;
  return offset === 0 ? name : `${name} ${offset < 0 ? '-' : '+'} ${Math.abs(offset)}`;
}

/** nft's time format: 10800 → "3h", 90 → "1m30s". */
export function nftTimeText(seconds: number): string {
  const parts: [number, string][] = [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
  let rest = seconds;
  let out = '';
  for (const [size, unit] of parts) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out === '' ? '0s' : out;
}

function matchListText(match: NftMatch): string {
  switch (match.kind) {
    case 'addrInAnonSet': {
      const op = match.negated ? '!= ' : '';
      return match.values.length === 1
        ? `ip ${match.field} ${op}${match.values[0] ?? ''}`
        : `ip ${match.field} ${op}{ ${match.values.join(', ')} }`;
    }
    case 'markAndZero':
      return `meta mark & ${markHex(match.mask)} == 0x00000000`;
    case 'ctStateNew':
      return 'ct state new';
    case 'addr':
      return `ip ${match.field} ${match.negated ? '!= ' : ''}${match.value}`;
    case 'addrInSet':
      return `ip ${match.field} @${match.set}`;
    case 'fibLocal':
      return `fib ${match.field} type local`;
    case 'l4proto':
      return `meta l4proto ${match.protocol}`;
  }
}

function statementListText(statement: NftStatement): string {
  switch (statement.kind) {
    case 'markSet':
      return `meta mark set meta mark ${statement.op === 'or' ? '|' : '^'} ${markHex(statement.value)}`;
    case 'numgen':
      return `numgen random mod ${statement.chains.length} vmap { ${statement.chains.map((c, i) => `${i} : goto ${c}`).join(', ')} }`;
    case 'vmap':
      return `${statement.key === 'daddr.l4proto.dport' ? 'ip daddr . meta l4proto . th dport' : 'meta l4proto . th dport'} vmap @${statement.map}`;
    case 'verdict':
      return verdictText(statement.verdict);
    case 'dnat':
      return `dnat to ${statement.destination}`;
    case 'masquerade':
      return 'masquerade fully-random';
    case 'updateSet':
      return `update @${statement.set} { ip saddr }`;
  }
}

/** A base chain's line as nft prints it: `type nat hook prerouting priority dstnat; policy accept;`. */
export function nftBaseChainText(base: NftBaseChain): string {
  return `type ${base.type} hook ${base.hook} priority ${priorityText(base)}; policy accept;`;
}

/** One rule as `nft list` prints it. */
export function nftListRuleText(rule: NftRule): string {
  const text = [...rule.matches.map(matchListText), ...rule.statements.map(statementListText)].join(' ');
  return rule.comment !== undefined ? `${text} comment "${rule.comment}"` : text;
}

/** An element as `nft list` prints it inside `elements = { … }`. */
export function nftElementText(element: NftElement): string {
  let text = element.key.join(' . ');
  if (element.comment !== undefined) text += ` comment "${element.comment}"`;
  if (element.value !== undefined) text += ` : ${verdictText(element.value)}`;
  return text;
}

function elementsLines(elements: NftElement[]): string[] {
  if (elements.length === 0) return [];
  const texts = elements.map(nftElementText);
  return [`\t\telements = { ${texts.join(',\n\t\t\t     ')} }`];
}

function setBlock(set: NftSet): string[] {
  const lines = [`\tset ${set.name} {`, `\t\ttype ${set.type}`];
  if (set.flags?.length) lines.push(`\t\tflags ${set.flags.join(',')}`);
  if (set.timeoutSeconds !== undefined) lines.push(`\t\ttimeout ${nftTimeText(set.timeoutSeconds)}`);
  if (set.comment !== undefined) lines.push(`\t\tcomment "${set.comment}"`);
  return [...lines, ...elementsLines(set.elements), '\t}'];
}

function mapBlock(map: NftMap): string[] {
  const lines = [`\tmap ${map.name} {`, `\t\ttype ${map.type}`];
  if (map.comment !== undefined) lines.push(`\t\tcomment "${map.comment}"`);
  return [...lines, ...elementsLines(map.elements), '\t}'];
}

function chainBlock(chain: NftChain): string[] {
  const lines = [`\tchain ${chain.name} {`];
  if (chain.comment !== undefined) lines.push(`\t\tcomment "${chain.comment}"`);
  if (chain.base !== undefined) {
    lines.push(`\t\t${nftBaseChainText(chain.base)}`);
  }
  for (const rule of chain.rules) lines.push(`\t\t${nftListRuleText(rule)}`);
  return [...lines, '\t}'];
}

/** The ruleset as `nft list ruleset` prints it (kube-proxy's table only). */
export function renderNftListRuleset(ruleset: NftRuleset): string {
  // nft prints sets and maps together, in creation order, then the chains.
  const containers = [...ruleset.sets.map((set) => ({ handle: set.handle, lines: setBlock(set) })),
    ...ruleset.maps.map((map) => ({ handle: map.handle, lines: mapBlock(map) }))].sort((a, b) => a.handle - b.handle);
  const blocks = [...containers.map((c) => c.lines), ...ruleset.chains.map(chainBlock)];
  const body = blocks.map((b) => b.join('\n')).join('\n\n');
  return `table ${ruleset.family} ${ruleset.table} {\n\tcomment "${ruleset.comment}"\n${body}\n}\n`;
}
