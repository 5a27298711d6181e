/**
 * The four line buffers of syncProxyRules (filterChains, filterRules, natChains, natRules),
 * holding structured rules instead of text.
 */
import { makeRule } from './rule';
import type { Match, Rule, RulePurpose, Target } from './types';

export class RuleWriter {
  readonly filterChains: string[] = [];
  readonly natChains: string[] = [];
  readonly filterRules: Rule[] = [];
  readonly natRules: Rule[] = [];

  /** `:CHAIN - [0:0]` in the filter table. */
  filterChain(name: string): void {
    this.filterChains.push(name);
  }

  /** `:CHAIN - [0:0]` in the nat table. */
  natChain(name: string): void {
    this.natChains.push(name);
  }

  filter(chain: string, matches: Match[], target: Target, purpose: RulePurpose): void {
    this.filterRules.push(makeRule('filter', chain, matches, target, purpose));
  }

  nat(chain: string, matches: Match[], target: Target, purpose: RulePurpose): void {
    this.natRules.push(makeRule('nat', chain, matches, target, purpose));
  }
}
