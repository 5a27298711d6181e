import { expect, type Locator, type Page } from '@playwright/test';

/** The scenario picker: the "Scenarios" toolbar button and its modal dialog. */
export class Scenarios {
  readonly opener: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.opener = page.getByRole('banner').getByRole('button', { name: 'Scenarios', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Start from a scenario' });
  }

  async open() {
    await this.opener.click();
    await expect(this.dialog).toBeVisible();
  }

  /** A scenario's button, by its title (its accessible name). */
  scenario(title: string): Locator {
    return this.dialog.getByRole('button', { name: title, exact: true });
  }

  /** Opens the picker, chooses a scenario and waits for the dialog to close on success. */
  async load(title: string) {
    if (!(await this.dialog.isVisible())) await this.open();
    await this.scenario(title).click();
    await expect(this.dialog).toBeHidden();
  }
}
