/**
 * The printed (and evaluated) order of chains and rules.
 *
 * kube-proxy walks its ServicePortMap, a Go map, so the order of services in its restore data is
 * random; iptables-save then prints every chain's rules together. proxier_test.go compares rules
 * after `sortIPTablesRules`, which gives one canonical order, and that is the order used here:
 * - tables by name (filter, nat);
 * - chains: KUBE-NODEPORTS, KUBE-SERVICES, then other KUBE-* chains alphabetically, then the rest;
 * - rules grouped by chain, in the order kube-proxy wrote them; in KUBE-SERVICES and
 *   KUBE-NODEPORTS stably sorted by the service name in their comment, with the
 *   "must be the last rule" jump to KUBE-NODEPORTS kept last.
 * Sorting only reorders rules of different services, whose matches never overlap, so evaluating
 * this order gives the same verdicts as kube-proxy's own.
 */
import { purposeServicePort } from './purpose';
import type { Chain, Rule, Table, TableName } from './types';
import type { RuleWriter } from './writer';

const NODEPORTS = 'KUBE-NODEPORTS';
const SERVICES = 'KUBE-SERVICES';

function compareChains(a: string, b: string): number {
  const rank = (name: string): number => (name === NODEPORTS ? 0 : name === SERVICES ? 1 : name.startsWith('KUBE-') ? 2 : 3);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * orderByCommentServiceName sorts by the comment up to its first space or colon: "ns/svc", which
 * every per-Service rule of these two chains starts its comment with; read from the purpose here.
 */
function serviceName(rule: Rule): string | undefined {
  const port = purposeServicePort(rule.purpose);
  return port !== undefined ? `${port.namespace}/${port.name}` : undefined;
}

function compareNames(na: string | undefined, nb: string | undefined): number {
  if (na === undefined || nb === undefined) return 0;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function isLastRule(rule: Rule): boolean {
  return rule.purpose.kind === 'nodePortsTail';
}

/** A stable sort by service name (Array.prototype.sort is stable), keys computed once. */
function sortByServiceName(rules: Rule[], keepLast: boolean): Rule[] {
  const keyed = rules.map((rule) => ({ rule, name: serviceName(rule), last: keepLast && isLastRule(rule) }));
  keyed.sort((a, b) => (a.last ? 1 : b.last ? -1 : compareNames(a.name, b.name)));
  return keyed.map((k) => k.rule);
}

function buildTable(name: TableName, chainNames: string[], rules: Rule[]): Table {
  const chains = new Map<string, Chain>();
  for (const chain of [...new Set(chainNames)].sort(compareChains)) chains.set(chain, { name: chain, rules: [] });
  for (const rule of rules) chains.get(rule.chain)?.rules.push(rule);
  for (const chain of chains.values()) {
    if (chain.name === NODEPORTS || chain.name === SERVICES) chain.rules = sortByServiceName(chain.rules, chain.name === SERVICES);
  }
  return { name, chains: [...chains.values()] };
}

/** Orders the writer's chains and rules into the tables iptables-save prints. */
export function assembleTables(w: RuleWriter): Table[] {
  return [buildTable('filter', w.filterChains, w.filterRules), buildTable('nat', w.natChains, w.natRules)];
}
