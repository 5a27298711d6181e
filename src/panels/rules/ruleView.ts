/**
 * The Rules panel's view of one node's kube-proxy rules, in either mode: tables → sections → rows,
 * in the order the mode's own tool prints them, built once per (cluster, node) and never mutated.
 * `iptablesView.ts` builds it from `iptables-save`'s rule set, `nftView.ts` from the `ip kube-proxy`
 * table `nft list ruleset` shows; everything else in the panel (search, highlight, folding) reads
 * only this shape.
 */
import type { KubeProxyMode } from '../../model/cluster';
import type { RuleId } from '../../model/kubeproxy/types';
import type { NftRuleId } from '../../model/kubeproxy/nftables';

/** One printed line on screen: a rule, or an element of an nftables set or map. */
export interface RuleRow {
  /** Its position in the whole view (stable for a view). */
  id: number;
  text: string;
  /** `text` lowercased once, for search. */
  lower: string;
  /** The key of the section it is in. */
  sectionKey: string;
  /** Its table's name (`nat`, `filter`, `ip kube-proxy`). */
  table: string;
}

/**
 * What a section is: an iptables chain or built-in chain (of which only kube-proxy's jumps are
 * shown), an nftables chain (a base chain carries its hook line in `detail`), set or map.
 */
export type SectionKind = 'builtin' | 'chain' | 'set' | 'map';

export interface ChainView {
  /** Unique in the view: `table/name` (KUBE-SERVICES exists in both filter and nat). */
  key: string;
  table: string;
  name: string;
  lowerName: string;
  kind: SectionKind;
  /** A line shown under the name: a base chain's `type … hook … priority …`, a set's `type …`. */
  detail?: string;
  rows: RuleRow[];
}

export interface TableView {
  /** `filter`, `nat`, or `ip kube-proxy` (family and name). */
  name: string;
  /** The table as its tool prints it: `*nat`, `table ip kube-proxy`. */
  heading: string;
  chains: ChainView[];
}

export interface RuleView {
  mode: KubeProxyMode;
  tables: TableView[];
  /** Every row, by id. */
  rows: RuleRow[];
  /** How many of the rows are rules (the rest are set and map elements). */
  ruleCount: number;
  /** How many sections are chains (built-in ones included). */
  chainCount: number;
  /** Rows by their exact text (for a reader holding only a printed rule; traces use `byRuleId`). */
  byText: ReadonlyMap<string, readonly RuleRow[]>;
  /**
   * Rule rows by the id the trace's rewrites hold: `ruleIds` in iptables mode, `nftRuleIds` in
   * nftables mode (`mode` says which). Several rows only for a rule written twice.
   */
  byRuleId: ReadonlyMap<RuleId | NftRuleId, readonly RuleRow[]>;
  /** Sections by name, in any table. */
  chainsByName: ReadonlyMap<string, readonly ChainView[]>;
}

function pushTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const same = index.get(key);
  if (same) same.push(value);
  else index.set(key, [value]);
}

/** One section's content as a builder takes it: its lines, each with the rule id it stands for. */
export interface SectionInput {
  kind: SectionKind;
  name: string;
  detail?: string;
  lines: { text: string; ruleId?: RuleId | NftRuleId }[];
}

/** Assembles a view from its tables' sections, numbering rows and indexing them (linear). */
export function assembleRuleView(mode: KubeProxyMode, tables: { name: string; heading: string; sections: SectionInput[] }[]): RuleView {
  const rows: RuleRow[] = [];
  const byText = new Map<string, RuleRow[]>();
  const byRuleId = new Map<RuleId | NftRuleId, RuleRow[]>();
  const chainsByName = new Map<string, ChainView[]>();
  let ruleCount = 0;
  let chainCount = 0;
  const tableViews = tables.map((table): TableView => ({
    name: table.name,
    heading: table.heading,
    chains: table.sections.map((section) => {
      const key = `${table.name}/${section.name}`;
      const isChain = section.kind === 'builtin' || section.kind === 'chain';
      if (isChain) chainCount++;
      const sectionRows = section.lines.map((line) => {
        const row: RuleRow = { id: rows.length, text: line.text, lower: line.text.toLowerCase(), sectionKey: key, table: table.name };
        rows.push(row);
        pushTo(byText, line.text, row);
        if (line.ruleId !== undefined) pushTo(byRuleId, line.ruleId, row);
        if (isChain) ruleCount++;
        return row;
      });
      const view: ChainView = {
        key, table: table.name, name: section.name, lowerName: section.name.toLowerCase(), kind: section.kind,
        ...(section.detail !== undefined ? { detail: section.detail } : {}), rows: sectionRows,
      };
      pushTo(chainsByName, section.name, view);
      return view;
    }),
  }));
  return { mode, tables: tableViews, rows, ruleCount, chainCount, byText, byRuleId, chainsByName };
}
