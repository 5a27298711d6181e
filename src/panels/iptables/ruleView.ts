/**
 * The iptables panel's view of one node's rules: tables → chains → rows, in the order
 * `iptables-save` prints them, built once per (cluster, node) and never mutated.
 *
 * kube-proxy's jumps from the built-in chains (PREROUTING → KUBE-SERVICES, …) are not part of
 * `iptablesSave`'s text (kube-proxy inserts them with `iptables -I`, outside its restore data), but
 * a real `iptables-save` prints them and traces name them, so they are shown first in each table as
 * built-in chains.
 */
import type { Rule, RuleId, RuleSet, TableName } from '../../model/kubeproxy/types';

/** One `-A …` line on screen. `id` is its position in the whole view (stable for a view). */
export interface RuleRow {
  id: number;
  text: string;
  /** `text` lowercased once, for search. */
  lower: string;
  rule: Rule;
}

export interface ChainView {
  /** Unique in the view: `table/chain` (KUBE-SERVICES exists in both filter and nat). */
  key: string;
  table: TableName;
  name: string;
  lowerName: string;
  /** A built-in chain (PREROUTING, INPUT, …) of which only kube-proxy's jump rules are shown. */
  builtin: boolean;
  rows: RuleRow[];
}

export interface TableView {
  name: TableName;
  chains: ChainView[];
}

export interface RuleView {
  tables: TableView[];
  /** Every row, by id. */
  rows: RuleRow[];
  /** Rows by their exact text (for a reader holding only a printed rule; traces use `byRuleId`). */
  byText: ReadonlyMap<string, readonly RuleRow[]>;
  /** Rows by rule id (what a trace's `Rewrite.ruleIds` holds); several only for a rule written twice. */
  byRuleId: ReadonlyMap<RuleId, readonly RuleRow[]>;
  /** Chains by name, in any table. */
  chainsByName: ReadonlyMap<string, readonly ChainView[]>;
}

/** The order iptables-save prints built-in chains. */
const BUILTIN_ORDER = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

function builtinRank(name: string): number {
  const i = BUILTIN_ORDER.indexOf(name);
  return i === -1 ? BUILTIN_ORDER.length : i;
}

function pushTo<K>(index: Map<K, RuleRow[]>, key: K, row: RuleRow): void {
  const same = index.get(key);
  if (same) same.push(row);
  else index.set(key, [row]);
}

/** Groups a rule set into the panel's tables and chains (linear in the number of rules). */
export function buildRuleView(ruleSet: RuleSet): RuleView {
  const rows: RuleRow[] = [];
  const byText = new Map<string, RuleRow[]>();
  const byRuleId = new Map<RuleId, RuleRow[]>();
  const chainsByName = new Map<string, ChainView[]>();
  const row = (rule: Rule): RuleRow => {
    const r: RuleRow = { id: rows.length, text: rule.text, lower: rule.text.toLowerCase(), rule };
    rows.push(r);
    pushTo(byText, rule.text, r);
    pushTo(byRuleId, rule.id, r);
    return r;
  };
  const chain = (table: TableName, name: string, builtin: boolean, rules: readonly Rule[]): ChainView => {
    const view: ChainView = { key: `${table}/${name}`, table, name, lowerName: name.toLowerCase(), builtin, rows: rules.map(row) };
    const same = chainsByName.get(name);
    if (same) same.push(view);
    else chainsByName.set(name, [view]);
    return view;
  };

  const tables = ruleSet.tables.map((table): TableView => {
    const jumps = new Map<string, Rule[]>();
    for (const rule of ruleSet.jumpRules) {
      if (rule.table !== table.name) continue;
      const list = jumps.get(rule.chain);
      if (list) list.push(rule);
      else jumps.set(rule.chain, [rule]);
    }
    const builtins = [...jumps.keys()].sort((a, b) => builtinRank(a) - builtinRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return {
      name: table.name,
      chains: [
        ...builtins.map((name) => chain(table.name, name, true, jumps.get(name) ?? [])),
        ...table.chains.map((c) => chain(table.name, c.name, false, c.rules)),
      ],
    };
  });
  return { tables, rows, byText, byRuleId, chainsByName };
}

/** How many rules a view holds (built-in jumps included). */
export function ruleCount(view: RuleView): number {
  return view.rows.length;
}
