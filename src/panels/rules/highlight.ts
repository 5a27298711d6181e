/** What the hop on show matched on the displayed node, and which node the panel shows. */
import { parseElementId } from '../../model/elementIds';
import type { Hop, KubeProxyFilter, Rewrite, Trace } from '../../model/trace/types';
import type { RuleView } from './ruleView';

export interface HopHighlight {
  /** Ids of the rows the hop matched. */
  rules: ReadonlySet<number>;
  /** Keys (`table/chain`) of the chains the hop went through. */
  chains: ReadonlySet<string>;
  /** Matched row ids by chain key, for handing each chain only its own. */
  rulesByChain: ReadonlyMap<string, ReadonlySet<number>>;
  /** The first matched row in the order the packet met them (to scroll to). */
  first?: number;
  /** The rule a trace stopped at before its first hop (stopHighlight), not a hop's. */
  stop?: true;
}

/** kube-proxy's matches on a hop: its rewrites (DNAT, masquerade) and the rules that stopped it (nftables' reject or drop). */
type KubeProxyMatch = Pick<Rewrite, 'node' | 'proxyMode' | 'chains' | 'rules' | 'ruleIds' | 'nftRuleIds'> | (KubeProxyFilter & { ruleIds?: undefined });

/** Where a hop says kube-proxy's rules acted, in the order the packet met them. */
export function kubeProxyMatches(hop: Hop): KubeProxyMatch[] {
  const rewrites = hop.rewrites.filter((r) => r.by === 'kube-proxy');
  return hop.filter ? [...rewrites, hop.filter] : rewrites;
}

/**
 * The rules and chains of `hop` that kube-proxy matched on `node`, located in `view`. A rewrite or
 * a stop (Hop.filter) counts when it was kube-proxy's, in the view's proxy mode, and happened on
 * `node` (its own `node`, else the hop's). Its ids are `ruleIds` in iptables mode and `nftRuleIds`
 * in nftables mode. Undefined when the hop matched nothing there.
 */
export function hopHighlight(view: RuleView, hop: Hop | undefined, node: string): HopHighlight | undefined {
  return hop ? matchesHighlight(view, kubeProxyMatches(hop), node, hop.node) : undefined;
}

/** The rows and chains `matches` name on `node` (a match without its own node acted on `hopNode`). */
function matchesHighlight(view: RuleView, matches: readonly KubeProxyMatch[], node: string, hopNode?: string): HopHighlight | undefined {
  const rules = new Set<number>();
  const chains = new Set<string>();
  const rulesByChain = new Map<string, Set<number>>();
  let first: number | undefined;
  for (const group of matches) {
    if ((group.node ?? hopNode) !== node || (group.proxyMode ?? 'iptables') !== view.mode) continue;
    const tables = new Set<string>();
    const ids = view.mode === 'nftables' ? group.nftRuleIds : group.ruleIds;
    for (const id of ids ?? []) {
      for (const row of view.byRuleId.get(id) ?? []) {
        rules.add(row.id);
        first ??= row.id;
        tables.add(row.table);
        const set = rulesByChain.get(row.sectionKey);
        if (set) set.add(row.id);
        else rulesByChain.set(row.sectionKey, new Set([row.id]));
      }
    }
    // A chain name can exist in both tables (KUBE-SERVICES): keep the tables the rules were in.
    for (const name of group.chains) {
      for (const chain of view.chainsByName.get(name) ?? []) {
        if (tables.size === 0 || tables.has(chain.table)) chains.add(chain.key);
      }
    }
  }
  if (rules.size === 0 && chains.size === 0) return undefined;
  return { rules, chains, rulesByChain, ...(first !== undefined ? { first } : {}) };
}

/**
 * A trace that kube-proxy stopped before its first hop (a node's own program, whose packet meets
 * the node's output hooks first) has no hop to hold its rules: the trace does (Trace.filter).
 */
export function stopHighlight(view: RuleView, trace: Trace | null, node: string): HopHighlight | undefined {
  const found = trace && trace.hops.length === 0 && trace.filter ? matchesHighlight(view, [trace.filter], node) : undefined;
  return found && { ...found, stop: true };
}

/** The node name behind a `node:<name>` selection. */
export function selectedNodeName(selectedId: string | null): string | undefined {
  const selected = selectedId ? parseElementId(selectedId) : undefined;
  return selected?.kind === 'node' ? selected.name : undefined;
}

/**
 * The node the panel shows: the user's explicit pick while that node exists; else the node of the
 * hop on show; else the selected node; else the first node.
 */
export function displayedNode(nodes: readonly string[], choice: {
  picked?: string | null;
  hopNode?: string;
  selectedNode?: string;
}): string | undefined {
  const exists = (n: string | null | undefined): n is string => n != null && nodes.includes(n);
  if (exists(choice.picked)) return choice.picked;
  if (exists(choice.hopNode)) return choice.hopNode;
  if (exists(choice.selectedNode)) return choice.selectedNode;
  return nodes[0];
}
