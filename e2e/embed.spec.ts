import { test, expect } from './fixtures';

test.describe('embedding', () => {
  test('embed mode shows the diagram, playback and explanation, without the editing chrome', async ({ page }) => {
    await page.goto('./?embed&step=2&lens=wire&theme=dark');
    await expect(page.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Request playback' })).toBeVisible();
    await expect(page.getByText(/^Hop 2 of 5/)).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Side panel' })).toHaveCount(0);
    await expect(page.getByText('Add…')).toHaveCount(0);
    await expect(page.locator('.embedded .dark, .embedded.dark, div.dark').first()).toBeVisible();
    await expect(page.getByRole('link', { name: /Open in Service Explainer/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/embed-dark.png' });
  });

  test('"Open in Service Explainer" carries the state to the full app', async ({ page, context }) => {
    await page.goto('./?embed&step=3');
    const link = page.getByRole('link', { name: /Open in Service Explainer/ });
    await link.hover();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/#s=/);
    const full = await context.newPage();
    await full.goto(href!);
    await expect(full.getByText(/^Hop 3 of 5/)).toBeVisible();
    await expect(full.getByRole('tablist', { name: 'Side panel' })).toBeVisible();
  });

  test('the example page drives its iframes with postMessage and they keep separate state', async ({ page }) => {
    await page.goto('./embed-example.html');
    const eventsA = page.locator('#events-a');
    const eventsB = page.locator('#events-b');
    await expect(eventsA).toContainText('ready: 5 hops');
    await expect(eventsB).toContainText(/ready: \d+ hops/);
    const a = page.frameLocator('#embed-a');
    const b = page.frameLocator('#embed-b');

    await page.getByRole('group', { name: 'Drive the first diagram' }).getByRole('button', { name: 'Next hop' }).click();
    await expect(eventsA).toContainText('hop 1: load-balancer');
    await expect(a.getByText(/^Hop 1 of 5/)).toBeVisible();
    await expect(b.getByText(/^Hop \d+ of/)).toHaveCount(0);

    await page.getByRole('group', { name: 'Drive the first diagram' }).getByRole('button', { name: 'Play' }).click();
    await expect(eventsA).toContainText('outcome: delivered', { timeout: 15_000 });
    await page.getByRole('group', { name: 'Drive the first diagram' }).getByRole('button', { name: 'Back to the start' }).click();
    await expect(a.getByText('Ready: the packet waits')).toBeVisible();
    await page.screenshot({ path: 'test-results/embed-example.png', fullPage: true });
  });

  test('commands from any window but the parent are ignored', async ({ page }) => {
    await page.goto('./embed-example.html');
    await expect(page.locator('#events-a')).toContainText('ready');
    const frame = page.frame({ url: /embed&autoplay/ })!;
    // A message the embed posts to itself (source: its own window) must not be obeyed.
    await frame.evaluate(() => window.postMessage({ ns: 'service-explainer', type: 'goTo', step: 3 }, '*'));
    // Nor one with the wrong shape from the parent.
    await page.evaluate(() => (document.getElementById('embed-a') as HTMLIFrameElement).contentWindow!.postMessage({ ns: 'service-explainer', type: 'goTo', step: 'all' }, '*'));
    await page.waitForTimeout(300);
    await expect(page.frameLocator('#embed-a').getByText('Ready: the packet waits')).toBeVisible();
  });
});

test('an embed opens a scenario by name, at a step, and loads another on command', async ({ page }) => {
  await page.goto('./?embed&scenario=nodeport&step=1');
  await expect(page.locator('.react-flow__node-service').first()).toContainText('NodePort');
  await expect(page.getByText(/^Hop 1 of/)).toBeVisible();
  await page.goto('./?embed&scenario=no-such-thing');
  await expect(page.getByRole('alert')).toContainText('no-such-thing');
});
