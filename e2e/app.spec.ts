import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

test.describe('the default scenario', () => {
  test('draws the nodes, pods, Service and load balancer with their addresses', async ({ canvas }) => {
    await canvas.open();
    await expect(canvas.elementsOfType('worker')).toHaveCount(3);
    await expect(canvas.elementsOfType('pod')).toHaveCount(3);
    await expect(canvas.elementsOfType('service')).toHaveCount(1);
    await expect(canvas.elementsOfType('loadBalancer')).toHaveCount(1);

    const worker1 = canvas.element('node:worker-1');
    await expect(worker1).toContainText('worker-1');
    await expect(worker1).toContainText(/10\.0\.1\.\d+/);

    for (const pod of await canvas.elementsOfType('pod').all()) {
      await expect(pod).toContainText(/10\.244\.\d+\.\d+/);
    }
    const service = canvas.element('svc:default/web');
    await expect(service).toContainText('LoadBalancer');
    await expect(service).toContainText('web.default.svc.cluster.local');
    await expect(service).toContainText(/Inside the cluster\s*10\.\d+\.\d+\.\d+:80/);
    await expect(service).toContainText(/Every node · LAN only\s*NodeIP:30080/);
    await expect(service).toContainText(/From the internet\s*\d+\.\d+\.\d+\.\d+:80/);
    await expect(canvas.element('lb:default/web')).toContainText(/\d+\.\d+\.\d+\.\d+/);
  });

  test('dragging a worker node moves it and the pods inside it', async ({ canvas }) => {
    await canvas.open();
    const podId = await canvas.elementsOfType('pod').first().getAttribute('data-id');
    const parent = 'node:worker-1';
    const nodeBefore = await canvas.box(parent);
    const podBefore = await canvas.box(podId!);
    await canvas.drag(parent, 60, 90);
    const nodeAfter = await canvas.box(parent);
    const podAfter = await canvas.box(podId!);
    expect(nodeAfter.x - nodeBefore.x).toBeGreaterThan(20);
    expect(nodeAfter.y - nodeBefore.y).toBeGreaterThan(30);
    expect(podAfter.x - podBefore.x).toBeCloseTo(nodeAfter.x - nodeBefore.x, 0);
    expect(podAfter.y - podBefore.y).toBeCloseTo(nodeAfter.y - nodeBefore.y, 0);
  });

  test('renders in the dark theme', async ({ page, canvas }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await canvas.open();
    await expect(page.locator('.react-flow.dark')).toBeVisible();
    const background = await page.locator('main').evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    // slate-950 in Tailwind's oklch palette: dark, whatever the notation.
    expect(background).not.toMatch(/rgb\(2[0-9]{2}, 2[0-9]{2}, 2[0-9]{2}\)|oklch\(0\.9/);
    await page.screenshot({ path: 'docs/screenshot-dark.png' });
  });

  test('has no serious or critical accessibility violation', async ({ page, canvas }) => {
    await canvas.open();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${scheme}: ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    }
  });

  test('writes the README screenshot', async ({ page, canvas, playback }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await canvas.open();
    // Mid-way: the DNAT hop, with its rewrite and explanation on show.
    for (let i = 0; i < 4; i++) await playback.button('Next hop').click();
    await expect(playback.hopHeading).toContainText('Hop 4 of 5');
    await page.screenshot({ path: 'docs/screenshot.png' });
  });

  test('writes the README screenshots of a phone and a docs embed', async ({ page, playback }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    for (let i = 0; i < 2; i++) await playback.button('Next hop').click();
    await expect(playback.hopHeading).toContainText('Hop 2 of 5');
    await page.screenshot({ path: 'docs/screenshot-phone.png' });

    await page.setViewportSize({ width: 1000, height: 700 });
    await page.setContent(`<!doctype html><title>docs</title><link rel="icon" href="data:,"><body style="margin:0;padding:60px 100px;background:#fff">
      <iframe title="Service Explainer" src="${new URL('./?embed&step=2', page.url()).href}" style="width:800px;height:560px;border:1px solid #cbd5e1"></iframe></body>`);
    const embed = page.frameLocator('iframe');
    await expect(embed.getByText(/^Hop 2 of 5/)).toBeVisible();
    await expect(embed.getByTestId('packet')).toBeVisible();
    await page.locator('iframe').screenshot({ path: 'docs/screenshot-embed.png' });
  });
});
