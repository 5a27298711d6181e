import { test as base, expect } from '@playwright/test';
import { Canvas } from './pages/Canvas';
import { Inspector } from './pages/Inspector';
import { Playback } from './pages/Playback';

/**
 * The suite's `test`: hands out page objects and fails any test during which the page logged a
 * console error or threw, so a red console never passes unnoticed.
 */
export const test = base.extend<{ canvas: Canvas; inspector: Inspector; playback: Playback; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  canvas: async ({ page }, use) => {
    await use(new Canvas(page));
  },
  inspector: async ({ page }, use) => {
    await use(new Inspector(page));
  },
  playback: async ({ page }, use) => {
    await use(new Playback(page));
  },
});

export { expect };
