import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Rules tab of the side panel: node picker, search, and the node's kube-proxy rules by table and
 * chain (`iptables-save` or `nft list ruleset`, by the cluster's proxy mode).
 */
export class Rules {
  readonly tab: Locator;
  readonly root: Locator;
  readonly node: Locator;
  readonly search: Locator;
  readonly status: Locator;
  readonly rules: Locator;
  /** The rules the hop on show matched on this node. */
  readonly matched: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: 'Rules' });
    this.root = page.getByRole('region', { name: 'kube-proxy rules' });
    this.node = this.root.getByLabel('Node', { exact: true });
    this.search = this.root.getByRole('searchbox', { name: 'Search rules and chains' });
    this.status = this.root.getByRole('status');
    this.rules = this.root.getByRole('region', { name: /^(iptables-save|nft list ruleset) of / });
    this.matched = this.rules.getByRole('listitem').filter({ hasText: 'Matched by this hop:' });
  }

  async open() {
    await this.tab.click();
    await expect(this.root).toBeVisible();
  }

  /** A chain's header (its `<summary>`), by chain name, in a table if given. */
  chain(name: string | RegExp, table?: 'filter' | 'nat' | 'ip kube-proxy'): Locator {
    const scope = table ? this.rules.getByRole('region', { name: `${table} table` }) : this.rules;
    return scope.locator('summary').filter({ has: this.page.locator('[data-chain-name]', { hasText: name }) });
  }

  /** The listed rules of a chain (only while it is unfolded). */
  rulesOf(chain: string | RegExp, table: 'filter' | 'nat' | 'ip kube-proxy' = 'nat'): Locator {
    const name = typeof chain === 'string' ? `Rules of ${chain} (${table})` : chain;
    return this.rules.getByRole('list', { name }).getByRole('listitem');
  }

  /** The node the panel shows: the picked one, else the one named in "Auto: node". */
  async shownNode(): Promise<string> {
    const value = await this.node.inputValue();
    if (value) return value;
    const label = (await this.node.locator('option:checked').textContent()) ?? '';
    return /^Auto: (\S+)$/.exec(label.trim())?.[1] ?? '';
  }
}
