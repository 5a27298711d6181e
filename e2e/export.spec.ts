import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Opens Export, picks an item, and returns the file the browser downloaded. */
async function exportAs(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
}

test.describe('export', () => {
  test('PNG: an image of the whole diagram', async ({ page, canvas }) => {
    await canvas.open();
    const { name, body } = await exportAs(page, 'Export PNG');
    expect(name).toBe('service-explainer-diagram.png');
    expect(body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(body.length).toBeGreaterThan(20_000);
    // IHDR: width and height, big-endian, at bytes 16–23; the diagram at 2× is wider than a few hundred px.
    expect(body.readUInt32BE(16)).toBeGreaterThan(800);
    expect(body.readUInt32BE(20)).toBeGreaterThan(400);
    writeFileSync('test-results/export.png', body);
  });

  test('SVG: an image that holds the diagram', async ({ page, canvas }) => {
    await canvas.open();
    const { name, body } = await exportAs(page, 'Export SVG');
    expect(name).toBe('service-explainer-diagram.svg');
    // html-to-image gives a data URL; the download holds its decoded text.
    const text = body.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('worker-1');
  });

  test('Download as HTML: one file that opens offline on the same diagram and step', async ({ page, canvas, playback, context, baseURL }) => {
    await canvas.open();
    await playback.button('Next hop').click();
    await playback.button('Next hop').click();
    const { name, body } = await exportAs(page, 'Download as HTML');
    expect(name).toBe('service-explainer-diagram.html');
    const html = body.toString('utf8');
    expect(html).toMatch(/<service-explainer state="[A-Za-z0-9+\-$]+"/);
    expect(html.match(/<\/script/gi)).toHaveLength(1);

    // Open it with every request refused except the document itself: nothing else may be needed.
    const offline = await context.newPage();
    const requests: string[] = [];
    await offline.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url() === `${baseURL}offline.html` ? route.fulfill({ body: html, contentType: 'text/html' }) : route.abort();
    });
    await offline.goto('./offline.html');
    await expect(offline.locator('service-explainer .react-flow__node[data-id="cluster"]')).toBeVisible();
    await expect(offline.locator('service-explainer').getByText(/^Hop 2 of 5/)).toBeVisible();
    expect(requests).toEqual([`${baseURL}offline.html`]);
  });

  test('the menu closes with Escape and leaves focus on its button', async ({ page, canvas }) => {
    await canvas.open();
    const button = page.getByRole('button', { name: 'Export', exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Export PNG' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await expect(page.getByRole('button', { name: 'Export PNG' })).toBeHidden();
  });
});

test('the offline example opens from file:// with no request but itself', async ({ page }) => {
  const file = new URL('../dist/examples/offline-example.html', import.meta.url);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(file.href);
  await expect(page.locator('service-explainer .react-flow__node[data-id="cluster"]')).toBeVisible();
  await expect(page.locator('service-explainer').getByText('Ready: the packet waits')).toBeVisible();
  await page.locator('service-explainer').getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: 'Next hop' }).click();
  await expect(page.locator('service-explainer').getByText(/^Hop 1 of 5/)).toBeVisible();
  expect(requests).toEqual([file.href]);
});
