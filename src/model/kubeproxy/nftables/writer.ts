/**
 * The transaction syncProxyRules builds (knftables.Transaction), holding structured objects:
 * chains are created once (ensureChain), elements are keyed (nftElementStorage.ensureElem: the
 * same key twice is one element, the last value wins), sets and maps keep their creation order.
 */
import { makeNftRule } from './rule';
import type {
  NftBaseChain, NftChain, NftElement, NftElementPurpose, NftMap, NftMatch, NftRulePurpose, NftSet, NftStatement, NftVerdict,
} from './types';

export class NftWriter {
  private readonly chains = new Map<string, NftChain>();
  private readonly sets = new Map<string, NftSet>();
  private readonly maps = new Map<string, NftMap>();
  private readonly elements = new Map<string, Map<string, NftElement>>();

  /** ensureChain / tx.Add(&knftables.Chain{…}): created once, later calls only fill in base/comment. */
  chain(name: string, extra?: { base?: NftBaseChain; comment?: string; stale?: true }): NftChain {
    let chain = this.chains.get(name);
    if (chain === undefined) {
      chain = { name, rules: [] };
      this.chains.set(name, chain);
    }
    if (extra?.base !== undefined) chain.base = extra.base;
    if (extra?.comment !== undefined) chain.comment = extra.comment;
    if (extra?.stale !== undefined) chain.stale = extra.stale;
    return chain;
  }

  has(chain: string): boolean {
    return this.chains.has(chain);
  }

  /** tx.Add(&knftables.Rule{…}), appended to its chain. */
  rule(chain: string, matches: NftMatch[], statements: NftStatement[], purpose: NftRulePurpose, comment?: string): void {
    this.chain(chain).rules.push(makeNftRule(chain, matches, statements, purpose, comment));
  }

  private handle = 0;

  set(set: Omit<NftSet, 'elements' | 'handle'>): void {
    if (!this.sets.has(set.name)) this.sets.set(set.name, { ...set, handle: this.handle++, elements: [] });
  }

  /** tx.Delete(&knftables.Set{…}) (nodeport-ips when every address accepts NodePorts). */
  deleteSet(name: string): void {
    this.sets.delete(name);
    this.elements.delete(name);
  }

  map(map: Omit<NftMap, 'elements' | 'handle'>): void {
    if (!this.maps.has(map.name)) this.maps.set(map.name, { ...map, handle: this.handle++, elements: [] });
  }

  /** ensureElem: one element per key in a set or map. */
  element(container: string, key: string[], purpose: NftElementPurpose, value?: NftVerdict, comment?: string): void {
    let byKey = this.elements.get(container);
    if (byKey === undefined) {
      byKey = new Map();
      this.elements.set(container, byKey);
    }
    const element: NftElement = { key, purpose };
    if (value !== undefined) element.value = value;
    if (comment !== undefined) element.comment = comment;
    byKey.set(key.join(' . '), element);
  }

  /** The objects in creation order, elements attached to their set or map. */
  finish(): { chains: NftChain[]; sets: NftSet[]; maps: NftMap[] } {
    const attach = <T extends NftSet | NftMap>(container: T): T =>
      ({ ...container, elements: [...(this.elements.get(container.name)?.values() ?? [])] });
    return {
      chains: [...this.chains.values()],
      sets: [...this.sets.values()].map(attach),
      maps: [...this.maps.values()].map(attach),
    };
  }
}
