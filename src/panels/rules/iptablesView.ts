/**
 * The Rules panel's view of an iptables-mode rule set, in the order `iptables-save` prints it.
 *
 * kube-proxy's jumps from the built-in chains (PREROUTING → KUBE-SERVICES, …) are not part of
 * `iptablesSave`'s text (kube-proxy inserts them with `iptables -I`, outside its restore data), but
 * a real `iptables-save` prints them and traces name them, so they are shown first in each table as
 * built-in chains.
 */
import type { Rule, RuleSet } from '../../model/kubeproxy/types';
import { assembleRuleView, type RuleView, type SectionInput } from './ruleView';

/** The order iptables-save prints built-in chains. */
const BUILTIN_ORDER = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

function builtinRank(name: string): number {
  const i = BUILTIN_ORDER.indexOf(name);
  return i === -1 ? BUILTIN_ORDER.length : i;
}

const lines = (rules: readonly Rule[]) => rules.map((r) => ({ text: r.text, ruleId: r.id }));

/** Groups a rule set into the panel's tables and chains (linear in the number of rules). */
export function buildIptablesView(ruleSet: RuleSet): RuleView {
  return assembleRuleView('iptables', ruleSet.tables.map((table) => {
    const jumps = new Map<string, Rule[]>();
    for (const rule of ruleSet.jumpRules) {
      if (rule.table !== table.name) continue;
      const list = jumps.get(rule.chain);
      if (list) list.push(rule);
      else jumps.set(rule.chain, [rule]);
    }
    const builtins = [...jumps.keys()].sort((a, b) => builtinRank(a) - builtinRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const sections: SectionInput[] = [
      ...builtins.map((name): SectionInput => ({ kind: 'builtin', name, lines: lines(jumps.get(name) ?? []) })),
      ...table.chains.map((c): SectionInput => ({ kind: 'chain', name: c.name, lines: lines(c.rules) })),
    ];
    return { name: table.name, heading: `*${table.name}`, sections };
  }));
}
