import { expect, type Locator, type Page } from '@playwright/test';

/** The kubectl tab of the side panel: quick commands, the prompt and the live output. */
export class Kubectl {
  readonly tab: Locator;
  readonly root: Locator;
  readonly prompt: Locator;
  readonly output: Locator;
  readonly allNamespaces: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: 'kubectl' });
    this.root = page.getByRole('tabpanel');
    this.prompt = this.root.getByRole('textbox', { name: 'kubectl command' });
    this.output = this.root.getByRole('region', { name: 'kubectl output' });
    this.allNamespaces = this.root.getByRole('checkbox', { name: /All namespaces/ });
  }

  async open() {
    await this.tab.click();
    await expect(this.prompt).toBeVisible();
  }

  /** A quick command button by the command it runs (`get pods -o wide`, `describe svc web`). */
  quick(command: string | RegExp): Locator {
    return this.root.getByRole('group', { name: 'Quick commands' }).getByRole('button', { name: command });
  }

  /** Types a command at the prompt and presses Enter. */
  async run(command: string) {
    await this.prompt.fill(command);
    await this.prompt.press('Enter');
  }

  /** The selectable rows of the output's tables. */
  get rows(): Locator {
    return this.output.getByRole('option');
  }

  row(name: string | RegExp): Locator {
    return this.output.getByRole('option', { name });
  }

  get errors(): Locator {
    return this.output.getByRole('alert');
  }
}
