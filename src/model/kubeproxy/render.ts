/** Prints a RuleSet the way iptables-save (and proxier_test.go's sorted dump) prints it. */
import type { RuleSet } from './types';

/** `*filter`, `:CHAIN - [0:0]` lines, the `-A` rules chain by chain, `COMMIT`; then `*nat`. */
export function renderIptablesSave(ruleSet: RuleSet): string {
  const lines: string[] = [];
  for (const table of ruleSet.tables) {
    lines.push(`*${table.name}`);
    for (const chain of table.chains) lines.push(`:${chain.name} - [0:0]`);
    for (const chain of table.chains) for (const rule of chain.rules) lines.push(rule.text);
    lines.push('COMMIT');
  }
  return lines.join('\n') + '\n';
}
