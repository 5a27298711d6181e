import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const CSP = "script-src 'self'";

/**
 * Serves every response with a strict Content-Security-Policy (no inline scripts, no eval) and
 * records every request and every CSP violation the page reports.
 */
async function underStrictCsp(page: Page) {
  const requests: string[] = [];
  const documents: { url: string; csp: string | undefined }[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') documents.push({ url: r.url(), csp: r.headers()['content-security-policy'] });
  });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
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
