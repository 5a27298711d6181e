import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const CSP = "script-src 'self'";

/**
 * Serves every response with a strict Content-Security-Policy (no inline scripts, no eval) and
 * records every request and every CSP violation the page reports.
 */
async function underStrictCsp(page: Page, policy: string = CSP) {
  const requests: string[] = [];
  const documents: { url: string; csp: string | undefined }[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') documents.push({ url: r.url(), csp: r.headers()['content-security-policy'] });
  });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    requests,
    documents,
    /** Requests to any host but the preview server (data: and blob: URLs stay in the page). */
    foreign: (origin: string) => requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url)),
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

test.describe(`under Content-Security-Policy: ${CSP}`, () => {
  test('the full app runs, steps and loads its lazy panels', async ({ page, canvas, playback, baseURL }) => {
    const csp = await underStrictCsp(page);
    await canvas.open();
    await playback.button('Next hop').click();
    await expect(page.getByText(/^Hop 1 of 5/)).toBeVisible();
    // The lazy chunks (the YAML editor, the kubectl panel) load as same-origin scripts too.
    await page.getByRole('tab', { name: 'YAML' }).click();
    await expect(page.locator('.cm-editor')).toBeVisible();
    await page.getByRole('tab', { name: 'kubectl' }).click();
    expect(csp.documents[0]?.csp).toBe(CSP);
    // System fonts only: no font file is fetched from anywhere.
    expect(csp.requests.filter((url) => /\.(woff2?|ttf|otf)(\?|$)/.test(url))).toEqual([]);
    expect(await csp.violations()).toEqual([]);
    expect(csp.foreign(new URL(baseURL!).origin)).toEqual([]);
  });

  test('an embed runs', async ({ page, baseURL }) => {
    const csp = await underStrictCsp(page);
    await page.goto('./?embed&scenario=nodeport&step=2');
    await expect(page.locator('.react-flow__node[data-id="node:worker-3"]')).toBeVisible();
    await expect(page.getByText(/^Hop 2 of/)).toBeVisible();
    expect(csp.documents[0]?.csp).toBe(CSP);
    expect(await csp.violations()).toEqual([]);
    expect(csp.foreign(new URL(baseURL!).origin)).toEqual([]);
  });

  test('the example page: two iframes and the custom element', async ({ page, baseURL }) => {
    const csp = await underStrictCsp(page);
    await page.goto('./embed-example.html');
    await expect(page.locator('#events-a')).toContainText('ready: 5 hops');
    await expect(page.locator('#events-b')).toContainText(/ready: \d+ hops/);
    await expect(page.locator('#element-a .react-flow__node[data-id="cluster"]')).toBeVisible();
    await page.getByRole('group', { name: 'Drive the first diagram' }).getByRole('button', { name: 'Next hop' }).click();
    await expect(page.locator('#events-a')).toContainText('hop 1: load-balancer');
    expect(await csp.violations()).toEqual([]);
    for (const frame of page.frames()) {
      expect(await frame.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    }
    expect(csp.foreign(new URL(baseURL!).origin)).toEqual([]);
    // The header really was on the page and on both iframe documents.
    expect(csp.documents.filter((d) => d.csp === CSP).map((d) => d.url)).toEqual(expect.arrayContaining([expect.stringMatching(/embed-example\.html$/), expect.stringMatching(/embed&autoplay/), expect.stringMatching(/embed&from=/)]));
  });
});

const STRICTEST = "default-src 'self'";

test.describe(`under Content-Security-Policy: ${STRICTEST} (no data: images, no inline styles)`, () => {
  test('the YAML editor is styled and edits; exports download or say which directive they need', async ({ page, canvas, consoleErrors }) => {
    const csp = await underStrictCsp(page, STRICTEST);
    await canvas.open();
    await page.getByRole('tab', { name: 'YAML' }).click();
    // CodeMirror's own styles reached it (they adopt into its shadow root): gutters sit beside the text.
    await expect(page.locator('.cm-gutters')).toHaveCSS('display', 'flex');
    await expect(page.locator('.cm-content')).toContainText('kind: ClusterSettings');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n# edited under a strict policy');
    await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeEnabled();
    expect((await csp.violations()).filter((v) => v.startsWith('style-src'))).toEqual([]);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const svg = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    expect((await svg).suggestedFilename()).toBe('service-explainer-diagram.svg');

    // PNG: html-to-image draws through a data: image, which this policy blocks: the status names
    // the directive it needs, never "[object Event]".
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'img-src data:' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('[object Event]')).toHaveCount(0);
    // The only violation is the one the status names: the data: image (no style attribute was written as text).
    expect((await csp.violations()).filter((v) => !v.startsWith('img-src data'))).toEqual([]);
    // The browser's own report of that refusal is expected here, and only that.
    const refused = /(Refused to load|Loading) the image 'data:/;
    expect(consoleErrors.filter((e) => !refused.test(e))).toEqual([]);
    consoleErrors.splice(0, consoleErrors.length);
  });
});
