import { expect, type Locator, type Page } from '@playwright/test';

/** Guided tours: the header's "Tours" button, the list of tours and the card of the running one. */
export class Tour {
  readonly opener: Locator;
  readonly list: Locator;
  readonly card: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly skip: Locator;
  readonly doItForMe: Locator;

  constructor(readonly page: Page) {
    this.opener = page.getByRole('banner').getByRole('button', { name: 'Tours', exact: true });
    this.list = page.getByRole('dialog', { name: 'Guided tours' });
    this.card = page.getByTestId('tour-card');
    this.next = this.card.getByRole('button', { name: /^(Next|Finish)$/ });
    this.back = this.card.getByRole('button', { name: 'Back', exact: true });
    this.skip = this.card.getByRole('button', { name: 'Skip tour', exact: true });
    this.doItForMe = this.card.getByRole('button', { name: 'Do it for me', exact: true });
  }

  async open() {
    await this.opener.click();
    await expect(this.list).toBeVisible();
  }

  /** A tour's entry in the list, by its title. */
  entry(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** Opens the list and starts a tour from its first step. */
  async start(title: string) {
    if (!(await this.list.isVisible())) await this.open();
    await this.entry(title).getByRole('button', { name: /^(Start|Start over|Start again)$/ }).click();
    await this.expectStep(1);
  }

  /** "Step n of m" on the card, once the step is set up. */
  async expectStep(n: number) {
    await expect(this.card).toContainText(new RegExp(`Step ${n} of \\d+`));
    await expect(this.card).not.toContainText('Setting up…');
  }

  async goNext(expected: number) {
    await expect(this.next).toBeEnabled();
    await this.next.click();
    await this.expectStep(expected);
  }
}
