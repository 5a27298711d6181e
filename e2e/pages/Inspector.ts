import type { Locator, Page } from '@playwright/test';

/** The side panel that shows and edits the selected object. */
export class Inspector {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
  }

  /** A form control by its visible label (the field path is part of the label). */
  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label);
  }

  async apply(name: string | RegExp = /^Apply/) {
    await this.root.getByRole('button', { name }).click();
  }

  get errors(): Locator {
    return this.root.getByRole('alert');
  }
}
