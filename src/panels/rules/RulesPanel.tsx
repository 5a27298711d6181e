import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KubeProxyMode } from '../../model/cluster';
import type { Hop } from '../../model/trace/types';
import { useAppStore } from '../../store/AppStoreProvider';
import type { AppState } from '../../store/createAppStore';
import { selectStep, selectTrace } from '../../store/selectTrace';
import { inputClass, secondaryButton } from '../controls';
import { displayedNode, hopHighlight, kubeProxyMatches, selectedNodeName, stopHighlight } from './highlight';
import { nodeRules } from './nodeRules';
import { RuleTables } from './RuleTables';
import type { RuleView } from './ruleView';
import { describeMatches, searchRules } from './search';

const selectCluster = (s: AppState) => s.cluster;
const selectSelectedId = (s: AppState) => s.selectedId;
const selectStepNumber = (s: AppState) => selectStep(s);
const selectCurrentTrace = (s: AppState) => selectTrace(s);
/** The hop on show (a stable object: traces are memoised per cluster and request). */
const selectHop = (s: AppState): Hop | undefined => {
  const step = selectStep(s);
  return step > 0 ? selectTrace(s)?.hops[step - 1] : undefined;
};

/** The node whose kube-proxy rules rewrote or stopped the hop's packet, if any. */
function ruleNodeOf(hop: Hop | undefined): string | undefined {
  const match = hop ? kubeProxyMatches(hop).find((m) => m.rules.length > 0) : undefined;
  return match ? (match.node ?? hop?.node) : undefined;
}

/** Scrolls rule row `first` of `list` into view and, when asked, moves focus to it. */
function showFirstMatch(list: HTMLElement | null, first: number | undefined, focus: boolean): void {
  if (first === undefined || !list) return;
  const row = list.querySelector<HTMLElement>(`[data-row="${first}"]`);
  if (!row) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Its chain's header first, so the reader sees which chain the rule is in (below the sticky table header).
  // A rule deep in a long chain is scrolled to itself instead.
  const summary = row.closest('details')?.querySelector('summary');
  const fits = summary && row.getBoundingClientRect().bottom - summary.getBoundingClientRect().top < list.clientHeight - 32;
  const header = fits ? summary : row;
  // Scroll the list only: scrollIntoView would scroll every ancestor, the page included, and push
  // the app's header off screen. The element's scroll-margin keeps it below the sticky table header.
  const margin = parseFloat(getComputedStyle(header).scrollMarginTop) || 0;
  const top = header.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop - margin;
  list.scrollTo({ top, behavior: reduce ? 'auto' : 'smooth' });
  if (focus) row.focus({ preventScroll: true });
}

/** What the panel calls the node's rules, by proxy mode: the command that prints them. */
const TOOL: Record<KubeProxyMode, { command: string; example: string }> = {
  iptables: { command: 'iptables-save', example: 'e.g. 30080 or KUBE-SVC' },
  nftables: { command: 'nft list ruleset', example: 'e.g. 30080 or reject' },
};

/** "12 rules in 9 chains", plus the elements of nftables' sets and maps. */
function totals(view: RuleView, node: string): string {
  const elements = view.rows.length - view.ruleCount;
  const sets = view.mode === 'nftables' ? `, ${elements} ${elements === 1 ? 'set or map element' : 'set and map elements'}` : '';
  return `${view.ruleCount} rules in ${view.chainCount} chains${sets} on ${node}`;
}

/**
 * A node's kube-proxy rules in the cluster's proxy mode — `iptables-save` (its filter and nat
 * chains) or `nft list ruleset` (the `ip kube-proxy` table's sets, maps and chains) — grouped by
 * table and chain, each foldable, searchable, hashed iptables chains named by their Service port or
 * endpoint, and the rules the hop on show matched highlighted and scrolled to.
 */
export default function RulesPanel() {
  const cluster = useAppStore(selectCluster);
  const selectedId = useAppStore(selectSelectedId);
  const hop = useAppStore(selectHop);
  const step = useAppStore(selectStepNumber);
  const trace = useAppStore(selectCurrentTrace);
  const [picked, setPicked] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const listRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  const nodes = useMemo(() => cluster.nodes.map((n) => n.metadata.name), [cluster]);
  // A trace stopped before its first hop is shown on the node its reason names.
  const stoppedAt = trace?.hops.length === 0 && typeof trace.reason?.params.node === 'string' ? trace.reason.params.node : undefined;
  const hopNode = hop?.node ?? stoppedAt;
  const automatic = displayedNode(nodes, { hopNode, selectedNode: selectedNodeName(selectedId) });
  const node = displayedNode(nodes, { picked, hopNode, selectedNode: selectedNodeName(selectedId) });
  const data = node !== undefined ? nodeRules(cluster, node) : undefined;
  const highlight = useMemo(
    () => (data && node !== undefined ? (hop ? hopHighlight(data.view, hop, node) : stopHighlight(data.view, trace, node)) : undefined),
    [data, hop, trace, node],
  );
  const search = useMemo(() => (data ? searchRules(data.view, deferredQuery) : undefined), [data, deferredQuery]);

  // Bring the first matched rule into view once its chain has unfolded (children commit first).
  useEffect(() => showFirstMatch(listRef.current, highlight?.first, false), [highlight]);

  if (node === undefined || !data || !search) {
    return <p className="p-4 text-sm text-slate-700 dark:text-slate-300">The cluster has no nodes, so kube-proxy writes no rules.</p>;
  }

  const ruleNode = ruleNodeOf(hop);
  const tool = TOOL[data.view.mode];

  return (
    <section aria-label="kube-proxy rules" className="flex h-full min-h-0 flex-col text-sm">
      <div className="space-y-2 border-b border-slate-200 p-3 dark:border-slate-800">
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-36 flex-1">
            <label htmlFor={`${ids}-node`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">Node</label>
            <select
              id={`${ids}-node`}
              value={picked !== null && nodes.includes(picked) ? picked : ''}
              onChange={(e) => setPicked(e.target.value === '' ? null : e.target.value)}
              className={`${inputClass} mt-1 font-sans`}
            >
              <option value="" title="The node of the hop on show, else the selected node">Auto: {automatic}</option>
              {nodes.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </div>
          <div className="min-w-40 flex-[2]">
            <label htmlFor={`${ids}-search`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">Search rules and chains</label>
            <input
              id={`${ids}-search`}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={tool.example}
              aria-describedby={`${ids}-count`}
              className={`${inputClass} mt-1`}
            />
          </div>
        </div>
        <p className="text-xs text-slate-700 dark:text-slate-300">
          kube-proxy runs in <strong>{data.view.mode}</strong> mode on every node: this is <code className="font-mono">{tool.command}</code> there.
          The cluster inspector changes the mode.
        </p>
        <p id={`${ids}-count`} role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {search.query !== ''
            ? describeMatches(search)
            : totals(data.view, node)}
        </p>
        {hop && ruleNode !== undefined && (
          ruleNode === node ? (
            <p className="flex flex-wrap items-center gap-2 text-xs text-[#2456c4] dark:text-[#8fb0f5]">
              Hop {step} matched {highlight?.rules.size ?? 0} rules on {node}, highlighted in the list.
              {highlight?.first !== undefined && (
                <button type="button" className={`${secondaryButton} px-2 py-0.5 text-xs`} onClick={() => showFirstMatch(listRef.current, highlight?.first, true)}>
                  Go to the first one
                </button>
              )}
            </p>
          ) : (
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
              Hop {step} matched rules on {ruleNode}.
              <button type="button" className={`${secondaryButton} px-2 py-0.5 text-xs`} onClick={() => setPicked(ruleNode)}>
                Show {ruleNode}
              </button>
            </p>
          )
        )}
        {!hop && highlight?.first !== undefined && (
          <p className="flex flex-wrap items-center gap-2 text-xs text-[#2456c4] dark:text-[#8fb0f5]">
            The request stopped before its first hop, at this rule on {node}, highlighted in the list.
            <button type="button" className={`${secondaryButton} px-2 py-0.5 text-xs`} onClick={() => showFirstMatch(listRef.current, highlight?.first, true)}>
              Go to it
            </button>
          </p>
        )}
      </div>
      <div ref={listRef} className="min-h-0 flex-1 overflow-auto" aria-label={`${tool.command} of ${node}`} role="region">
        <RuleTables view={data.view} owners={data.owners} highlight={highlight} search={search} />
      </div>
    </section>
  );
}
