import { expect, type Locator, type Page } from '@playwright/test';

/** The request playback panel: source, destination, controls, timeline and the hop in words. */
export class Playback {
  readonly root: Locator;
  readonly hops: Locator;
  readonly packet: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Request playback' });
    this.hops = this.root.getByRole('list', { name: 'Hops' }).getByRole('button');
    this.packet = page.getByTestId('packet');
  }

  button(name: string | RegExp): Locator {
    return this.root.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name });
  }

  async from(label: string | RegExp) {
    const select = this.root.getByLabel('From', { exact: true });
    const value = await select.locator('option', { hasText: label }).first().getAttribute('value');
    await select.selectOption(value!);
  }

  async to(label: string | RegExp) {
    const select = this.root.getByLabel('To', { exact: true });
    const value = await select.locator('option', { hasText: label }).first().getAttribute('value');
    await select.selectOption(value!);
  }

  async sendTo(hostPort: string) {
    await this.root.getByLabel('or type host:port').fill(hostPort);
    await this.root.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** Jumps to the end of the trace (a trace that stops at once has nowhere to jump). */
  async finish() {
    const end = this.button('To the last hop');
    if ((await end.getAttribute('aria-disabled')) !== 'true') await end.click();
  }

  /** The hop details' heading line, e.g. "Hop 2 of 5 · NodePort · on worker-3". */
  get hopHeading(): Locator {
    return this.root.getByText(/^Hop \d+ of \d+/);
  }

  /** Steps through every hop with the Next button, returning each hop's heading. */
  async stepThrough(): Promise<string[]> {
    const headings: string[] = [];
    const count = await this.hops.count();
    for (let i = 0; i < count; i++) {
      await this.button('Next hop').click();
      await expect(this.hopHeading).toContainText(`Hop ${i + 1} of ${count}`);
      headings.push((await this.hopHeading.textContent()) ?? '');
    }
    return headings;
  }
}
