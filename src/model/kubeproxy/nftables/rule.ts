/**
 * Builds `NftRule`s and their exact text: each match and statement is written as the words
 * kube-proxy passes to knftables.Concat in pkg/proxy/nftables/proxier.go, joined by single spaces.
 * Rule ids are built here only.
 */
import { servicePortNameString } from '../names';
import type { NftMatch, NftRule, NftRuleId, NftRulePurpose, NftStatement, NftVerdict, LookupKey } from './types';

/** `goto X`, `jump X`, `drop`… */
export function verdictText(verdict: NftVerdict): string {
  return verdict.kind === 'jump' || verdict.kind === 'goto' ? `${verdict.kind} ${verdict.chain}` : verdict.kind;
}

function lookupKeyText(key: LookupKey): string {
  return key === 'daddr.l4proto.dport' ? 'ip daddr . meta l4proto . th dport' : 'meta l4proto . th dport';
}

export function matchText(match: NftMatch): string {
  switch (match.kind) {
    case 'ctStateNew':
      return 'ct state new';
    case 'addr':
      return `ip ${match.field} ${match.negated ? '!= ' : ''}${match.value}`;
    case 'addrInAnonSet':
      return `ip ${match.field} ${match.negated ? '!= ' : ''}{ ${match.values.join(match.separator)} }`;
    case 'addrInSet':
      return `ip ${match.field} @${match.set}`;
    case 'fibLocal':
      return `fib ${match.field} type local`;
    case 'l4proto':
      return `meta l4proto ${match.protocol}`;
    case 'markAndZero':
      return `mark and ${match.mask} == 0`;
  }
}

export function statementText(statement: NftStatement): string {
  switch (statement.kind) {
    case 'verdict':
      return verdictText(statement.verdict);
    case 'vmap':
      return `${lookupKeyText(statement.key)} vmap @${statement.map}`;
    case 'numgen':
      return `numgen random mod ${statement.chains.length} vmap { ${statement.chains.map((c, i) => `${i} : goto ${c}`).join(' , ')} }`;
    case 'dnat':
      return `dnat to ${statement.destination}`;
    case 'markSet':
      return `mark set mark ${statement.op} ${statement.value}`;
    case 'masquerade':
      return 'masquerade fully-random';
    case 'updateSet':
      return `update @${statement.set} { ip saddr }`;
  }
}

/** The id of a rule: chain, purpose and (for hooks) the target; never its position. */
function nftRuleId(chain: string, purpose: NftRulePurpose): NftRuleId {
  const { kind, ...fields } = purpose;
  const parts: string[] = [chain, kind];
  if ('servicePort' in fields) {
    const { servicePort, ...rest } = fields;
    parts.push(servicePortNameString(servicePort.namespace, servicePort.name, servicePort.portName), JSON.stringify(rest));
  } else {
    parts.push(JSON.stringify(fields));
  }
  return parts.join(' ') as NftRuleId;
}

/** A rule in `chain` for `purpose`, with its id and text. */
export function makeNftRule(
  chain: string, matches: NftMatch[], statements: NftStatement[], purpose: NftRulePurpose, comment?: string,
): NftRule {
  const text = [...matches.map(matchText), ...statements.map(statementText)].join(' ');
  const rule: NftRule = { id: nftRuleId(chain, purpose), chain, matches, statements, purpose, text };
  if (comment !== undefined) rule.comment = comment;
  return rule;
}

/** Shorthands for what kube-proxy writes most. */
export const nm = {
  ctNew: (): NftMatch => ({ kind: 'ctStateNew' }),
  daddr: (value: string, negated = false): NftMatch => ({ kind: 'addr', field: 'daddr', negated, value }),
  saddr: (value: string, negated = false): NftMatch => ({ kind: 'addr', field: 'saddr', negated, value }),
  fibLocal: (field: 'saddr' | 'daddr'): NftMatch => ({ kind: 'fibLocal', field }),
  inSet: (field: 'saddr' | 'daddr', set: string): NftMatch => ({ kind: 'addrInSet', field, set }),
};

export const ns = {
  jump: (chain: string): NftStatement => ({ kind: 'verdict', verdict: { kind: 'jump', chain } }),
  goto: (chain: string): NftStatement => ({ kind: 'verdict', verdict: { kind: 'goto', chain } }),
  verdict: (kind: 'drop' | 'reject' | 'return'): NftStatement => ({ kind: 'verdict', verdict: { kind } }),
  vmap: (key: LookupKey, map: string): NftStatement => ({ kind: 'vmap', key, map }),
};
