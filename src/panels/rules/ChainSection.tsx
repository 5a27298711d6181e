import { memo, useId, useState, type MouseEvent } from 'react';
import type { ChainOwner } from './chainOwner';
import type { ChainView, RuleRow } from './ruleView';
import { splitMatches, type ChainHits } from './search';

/** The same empty set for every chain the hop did not touch, so `memo` skips them. */
export const NO_ROWS: ReadonlySet<number> = new Set();

function Highlighted({ text, query }: { text: string; query: string }) {
  if (query === '') return <>{text}</>;
  return (
    <>
      {splitMatches(text, query).map((s, i) =>
        s.match ? <mark key={i} className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-700/70">{s.text}</mark> : s.text,
      )}
    </>
  );
}

/** What an unfolded section with nothing to list says. */
function emptyText(chain: ChainView): string {
  if (chain.kind === 'builtin') return '';
  if (chain.kind === 'chain') return 'No rules: kube-proxy declares this chain empty.';
  return `No elements: kube-proxy declares this ${chain.kind} empty on this node.`;
}

const RuleLine = memo(function RuleLine({ row, matched, query }: { row: RuleRow; matched: boolean; query: string }) {
  return (
    <li
      data-row={row.id}
      tabIndex={matched ? -1 : undefined}
      data-matched={matched || undefined}
      className={`scroll-mt-8 scroll-mb-2 border-l-2 focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-[#326ce5] py-0.5 pr-1 pl-7 -indent-3 break-words whitespace-pre-wrap ${
        matched
          ? 'border-[#326ce5] bg-blue-100 font-semibold text-slate-950 dark:border-[#8fb0f5] dark:bg-blue-950 dark:text-white'
          : 'border-transparent'
      }`}
    >
      {matched && <span className="sr-only">Matched by this hop: </span>}
      <Highlighted text={row.text} query={query} />
    </li>
  );
});

export interface ChainSectionProps {
  chain: ChainView;
  owner: ChainOwner | undefined;
  /** Rows of this chain the hop matched (NO_ROWS when none). */
  matched: ReadonlySet<number>;
  /** The hop's packet went through this chain. */
  inPath: boolean;
  /** The badge of a chain in the path: "in this hop", or "stopped here" for a trace stopped before its first hop. */
  pathLabel: string;
  /** Search hits in this chain; undefined when no search is on. */
  hits: ChainHits | undefined;
  query: string;
  defaultOpen: boolean;
}

/** "3 rules", "1 element": what a section holds, in words. */
function countText(chain: ChainView): string {
  const n = chain.rows.length;
  const noun = chain.kind === 'set' || chain.kind === 'map' ? 'element' : 'rule';
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What a section is, before its count: iptables' built-in chains, nftables' sets and maps. */
const KIND_PREFIX: Record<ChainView['kind'], string> = { builtin: 'built-in · ', chain: '', set: 'set · ', map: 'verdict map · ' };

/**
 * One chain (or nftables set or map), folded natively (`<details>`) but controlled, so its rules are only rendered while it
 * is open (a node can have thousands). A hop that goes through it unfolds it; a search shows it
 * unfolded with only the matching rules, without changing what the user had folded.
 */
export const ChainSection = memo(function ChainSection({ chain, owner, matched, inPath, pathLabel, hits, query, defaultOpen }: ChainSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [searchOpen, setSearchOpen] = useState(true);
  const touched = matched.size > 0 || inPath;
  const [wasTouched, setWasTouched] = useState(touched);
  const searching = hits !== undefined;
  const [wasSearching, setWasSearching] = useState(searching);
  // Derived state (React's "adjusting state when a prop changes"): unfold on the way in only.
  if (touched !== wasTouched) {
    setWasTouched(touched);
    if (touched) setOpen(true);
  }
  if (searching !== wasSearching) {
    setWasSearching(searching);
    if (searching) setSearchOpen(true);
  }
  const shown = searching ? searchOpen : open;
  const descId = useId();
  const toggle = (e: MouseEvent) => {
    e.preventDefault();
    if (searching) setSearchOpen(!shown);
    else setOpen(!shown);
  };
  const rows = hits && !hits.nameMatches ? chain.rows.filter((r) => hits.ruleIds.has(r.id)) : chain.rows;

  return (
    <details open={shown} data-chain={chain.key} className="group border-b border-slate-100 dark:border-slate-800/70">
      <summary
        onClick={toggle}
        title={owner?.description}
        aria-describedby={owner ? descId : undefined}
        className={`flex scroll-mt-7 cursor-pointer flex-wrap items-baseline gap-x-2 px-2 py-1 text-xs hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-[#326ce5] dark:hover:bg-slate-800 ${
          inPath ? 'bg-blue-50 dark:bg-blue-950/60' : ''
        }`}
      >
        <span aria-hidden className="inline-block w-2 text-[10px] text-slate-500 transition-transform group-open:rotate-90 motion-reduce:transition-none dark:text-slate-400">▶</span>
        <span data-chain-name className="min-w-0 font-mono font-semibold break-all text-slate-900 dark:text-slate-100">
          <Highlighted text={chain.name} query={hits?.nameMatches ? query : ''} />
        </span>
        <span className="text-slate-600 dark:text-slate-400">
          {KIND_PREFIX[chain.kind]}
          {countText(chain)}
          {hits && !hits.nameMatches ? ` · ${hits.ruleIds.size} shown` : ''}
        </span>
        {owner && <span className="min-w-0 truncate font-mono text-[11px] text-[#2456c4] dark:text-[#8fb0f5]">{owner.label}</span>}
        {inPath && <span className="rounded bg-[#2456c4] px-1 text-[10px] font-semibold text-white">{pathLabel}</span>}
        {owner && <span id={descId} hidden>{owner.description}</span>}
        {chain.detail !== undefined && <span className="basis-full pl-4 font-mono text-[11px] text-slate-600 dark:text-slate-400">{chain.detail}</span>}
      </summary>
      {shown && (
        rows.length === 0
          ? <p className="px-6 py-1 text-xs text-slate-500 dark:text-slate-400">{emptyText(chain)}</p>
          : (
            <ol aria-label={`${chain.kind === 'set' || chain.kind === 'map' ? 'Elements' : 'Rules'} of ${chain.name} (${chain.table})`} className="pb-1 font-mono text-[11px] leading-snug text-slate-800 dark:text-slate-200">
              {rows.map((row) => <RuleLine key={row.id} row={row} matched={matched.has(row.id)} query={hits ? query : ''} />)}
            </ol>
          )
      )}
    </details>
  );
});
