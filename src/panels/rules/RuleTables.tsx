import { memo } from 'react';
import type { ChainOwner } from './chainOwner';
import { ChainSection, NO_ROWS } from './ChainSection';
import type { HopHighlight } from './highlight';
import type { ChainView, RuleView } from './ruleView';
import type { SearchResult } from './search';

/** Past this many rules on a node, chains start folded (only what a hop or a search touches opens). */
const OPEN_ALL_UP_TO = 400;

/** "2 empty chains", "1 empty chain, 3 empty sets and maps". */
function emptyCount(chains: readonly ChainView[]): string {
  const isChain = (c: ChainView) => c.kind === 'builtin' || c.kind === 'chain';
  const nChains = chains.filter(isChain).length;
  const nSets = chains.length - nChains;
  const parts = [
    nChains > 0 ? `${nChains} empty ${nChains === 1 ? 'chain' : 'chains'}` : '',
    nSets > 0 ? `${nSets} empty ${nSets === 1 ? 'set or map' : 'sets and maps'}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** Sections kube-proxy declares but leaves empty, folded into one line so they do not push the rules down. */
function EmptyChains({ chains }: { chains: readonly ChainView[] }) {
  if (chains.length === 0) return null;
  return (
    <details className="border-b border-slate-100 px-2 py-1 text-xs text-slate-500 dark:border-slate-800/70 dark:text-slate-400">
      <summary className="cursor-pointer focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5]">
        {emptyCount(chains)}
      </summary>
      <p className="mt-1 pl-4 font-mono text-[11px] break-words">{chains.map((c) => c.name).join(' · ')}</p>
    </details>
  );
}

/**
 * Every table and chain (and nftables set and map) of a node, empty ones folded into one line per table. Re-renders on a step, but each chain is `memo`'d and gets the
 * same props unless the step touches it, so only the chains whose highlight changes render again.
 */
export const RuleTables = memo(function RuleTables({ view, owners, highlight, search }: {
  view: RuleView;
  owners: ReadonlyMap<string, ChainOwner>;
  highlight: HopHighlight | undefined;
  search: SearchResult;
}) {
  const defaultOpen = view.rows.length <= OPEN_ALL_UP_TO;
  const searching = search.query !== '';
  return (
    <>
      {view.tables.map((table) => {
        const chains = searching ? table.chains.filter((c) => search.chains.has(c.key)) : table.chains;
        return (
          <section key={table.name} aria-label={`${table.name} table`} className="mb-2">
            <h4 className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs font-semibold text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
              {table.heading} <span className="font-sans font-normal text-slate-500 dark:text-slate-400">· {table.chains.length} {view.mode === 'nftables' ? 'chains, sets and maps' : 'chains'}</span>
            </h4>
            {chains.length === 0 && <p className="px-2 py-1 text-xs text-slate-500 dark:text-slate-400">No chain here matches.</p>}
            {(searching ? chains : chains.filter((c) => c.rows.length > 0)).map((chain) => (
              <ChainSection
                key={chain.key}
                chain={chain}
                owner={owners.get(chain.name)}
                matched={highlight?.rulesByChain.get(chain.key) ?? NO_ROWS}
                inPath={highlight?.chains.has(chain.key) ?? false}
                pathLabel={highlight?.stop ? 'stopped here' : 'in this hop'}
                hits={searching ? search.chains.get(chain.key) : undefined}
                query={searching ? search.query : ''}
                defaultOpen={defaultOpen}
              />
            ))}
            {!searching && <EmptyChains chains={chains.filter((c) => c.rows.length === 0)} />}
          </section>
        );
      })}
    </>
  );
});
