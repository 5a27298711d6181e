import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** The custom element's parts: Playwright's locators pierce its open shadow root. */
const element = (page: Page, selector = 'service-explainer') => {
  const host = page.locator(selector);
  return {
    host,
    canvas: host.locator('.react-flow'),
    cluster: host.locator('.react-flow__node[data-id="cluster"]'),
    playback: host.getByRole('region', { name: 'Request playback' }),
    next: host.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Next hop' }),
  };
};

test.describe('the <service-explainer> custom element', () => {
  test('renders in its shadow root on the example page, starts at its step, and steps', async ({ page }) => {
    await page.goto('./embed-example.html');
    const el = element(page, '#element-a');
    await el.host.scrollIntoViewIfNeeded();
    await expect(el.cluster).toBeVisible();
    await expect(el.playback.getByText(/^Hop 3 of 5/)).toBeVisible();
    // The canvas lives in the shadow root, not in the page's DOM.
    expect(await page.evaluate(() => document.querySelectorAll('.react-flow').length)).toBe(0);
    expect(await el.host.evaluate((h) => !!h.shadowRoot?.querySelector('.react-flow'))).toBe(true);
    // The page sizes it (style="height:560px"); the canvas fills what is left above the playback.
    expect(await el.host.evaluate((h) => h.clientHeight)).toBe(560);
    expect((await el.canvas.boundingBox())!.height).toBeGreaterThan(200);

    await el.next.click();
    await expect(el.playback.getByText(/^Hop 4 of 5/)).toBeVisible();
    // The iframes on the page did not move.
    await expect(page.frameLocator('#embed-a').getByText('Ready: the packet waits')).toBeVisible();
  });

  test('the page’s CSS does not reach inside, and the app’s CSS does not leak out', async ({ page }) => {
    await page.goto('./embed-example.html');
    await page.addStyleTag({ content: 'button { background: rgb(255, 0, 0) !important; } * { font-family: "Comic Sans MS" !important; }' });
    const el = element(page, '#element-a');
    await expect(el.cluster).toBeVisible();
    const inside = await el.next.evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(inside).not.toBe('rgb(255, 0, 0)');
    // Tailwind's preflight and utilities stay in the shadow root: the page's own headings keep their margins.
    expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).marginTop)).not.toBe('0px');
    // Borders come from Tailwind's @property defaults, which need restating inside a shadow root.
    const borderTop = await el.playback.evaluate((s) => getComputedStyle(s).borderTopStyle);
    expect(borderTop).toBe('solid');
  });

  test('two elements keep separate state', async ({ page }) => {
    await page.goto('./embed-example.html');
    await page.evaluate(() => {
      const second = document.createElement('service-explainer');
      second.id = 'element-b';
      second.setAttribute('lens', 'wire');
      second.style.height = '560px';
      document.querySelector('main')!.append(second);
    });
    const a = element(page, '#element-a');
    const b = element(page, '#element-b');
    await expect(b.cluster).toBeVisible();
    await expect(b.playback.getByText('Ready: the packet waits')).toBeVisible();
    await b.next.click();
    await b.next.click();
    await expect(b.playback.getByText(/^Hop 2 of 5/)).toBeVisible();
    await expect(a.playback.getByText(/^Hop 3 of 5/)).toBeVisible();
    await a.next.click();
    await expect(a.playback.getByText(/^Hop 4 of 5/)).toBeVisible();
    await expect(b.playback.getByText(/^Hop 2 of 5/)).toBeVisible();
  });

  test('attributes: a scenario, inline YAML, a forced theme; a change of attribute starts it again', async ({ page }) => {
    await page.goto('./embed-example.html');
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', `
        <service-explainer id="by-scenario" scenario="nodeport" step="1" theme="dark" style="height:520px"></service-explainer>
        <service-explainer id="by-yaml" style="height:520px">
          apiVersion: v1
          kind: Service
          metadata:
            name: inline-svc
          spec:
            selector:
              app: inline
            ports:
              - port: 80
        </service-explainer>`);
    });
    const scenario = element(page, '#by-scenario');
    await expect(scenario.host.locator('.react-flow__node[data-id="node:worker-3"]')).toBeVisible();
    await expect(scenario.playback.getByText(/^Hop 1 of/)).toBeVisible();
    expect(await scenario.host.evaluate((h) => !!h.shadowRoot?.querySelector('.dark'))).toBe(true);

    const yaml = element(page, '#by-yaml');
    await expect(yaml.host.locator('.react-flow__node[data-id="svc:default/inline-svc"]')).toBeVisible();
    // The YAML text is not shown as page text: the shadow root has no slot for it.
    expect(await yaml.host.evaluate((h) => h.shadowRoot!.textContent!.includes('apiVersion'))).toBe(false);

    await scenario.host.evaluate((h) => h.setAttribute('step', '2'));
    await expect(scenario.playback.getByText(/^Hop 2 of/)).toBeVisible();
  });

  test('"Open in Service Explainer" goes to the full app next to the script, with the state', async ({ page, context }) => {
    await page.goto('./embed-example.html');
    const link = page.locator('#element-a').getByRole('link', { name: /Open in Service Explainer/ });
    await link.hover();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(new URL('./#s=', page.url()).href)).toBe(true);
    const full = await context.newPage();
    await full.goto(href);
    await expect(full.getByText(/^Hop 3 of 5/)).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`screenshot, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('./embed-example.html');
      const el = element(page, '#element-a');
      await el.host.scrollIntoViewIfNeeded();
      await expect(el.cluster).toBeVisible();
      await expect(el.playback.getByText(/^Hop 3 of 5/)).toBeVisible();
      await page.waitForTimeout(400);
      await el.host.screenshot({ path: `test-results/element-${theme}.png` });
    });
  }
});
