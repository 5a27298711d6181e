/** Case-insensitive search over a rule view: which chains and rules match, and where in the text. */
import type { ChainView, RuleView } from './ruleView';

export interface ChainHits {
  /** The chain's name contains the query. */
  nameMatches: boolean;
  /** Ids of the chain's rules whose text contains the query. */
  ruleIds: ReadonlySet<number>;
}

export interface SearchResult {
  /** The query as searched (trimmed); empty means "no search". */
  query: string;
  /** Chains with a hit, by chain key; chains without any are absent. */
  chains: ReadonlyMap<string, ChainHits>;
  /** How many rules match. */
  ruleMatches: number;
  /** How many chain names match. */
  chainMatches: number;
}

/** Searches every chain name and rule text for `query` (trimmed, case-insensitive). */
export function searchRules(view: RuleView, query: string): SearchResult {
  const q = query.trim().toLowerCase();
  const chains = new Map<string, ChainHits>();
  let ruleMatches = 0;
  let chainMatches = 0;
  if (q === '') return { query: '', chains, ruleMatches, chainMatches };
  for (const table of view.tables) {
    for (const chain of table.chains) {
      const hits = searchChain(chain, q);
      if (!hits) continue;
      chains.set(chain.key, hits);
      ruleMatches += hits.ruleIds.size;
      if (hits.nameMatches) chainMatches++;
    }
  }
  return { query: query.trim(), chains, ruleMatches, chainMatches };
}

function searchChain(chain: ChainView, q: string): ChainHits | undefined {
  const nameMatches = chain.lowerName.includes(q);
  let ruleIds: Set<number> | undefined;
  for (const row of chain.rows) {
    if (row.lower.includes(q)) (ruleIds ??= new Set()).add(row.id);
  }
  if (!nameMatches && !ruleIds) return undefined;
  return { nameMatches, ruleIds: ruleIds ?? new Set() };
}

/** One piece of a text split around the matches of a query. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Splits `text` into plain and matching pieces (case-insensitive, non-overlapping, left to right). */
export function splitMatches(text: string, query: string): Segment[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const out: Segment[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at !== -1; at = lower.indexOf(q, at + q.length)) {
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}

/** "2 rules match", "1 rule and 1 chain match", "No matches". */
export function describeMatches(result: SearchResult): string {
  const { ruleMatches: r, chainMatches: c } = result;
  if (r === 0 && c === 0) return 'No matches';
  const rules = r > 0 ? `${r} ${r === 1 ? 'rule' : 'rules'}` : '';
  const chains = c > 0 ? `${c} ${c === 1 ? 'chain' : 'chains'}` : '';
  const both = [rules, chains].filter(Boolean).join(' and ');
  return `${both} ${r + c === 1 ? 'matches' : 'match'}`;
}
