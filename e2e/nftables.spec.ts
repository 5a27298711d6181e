import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Canvas } from './pages/Canvas';
import type { Inspector } from './pages/Inspector';
import type { Playback } from './pages/Playback';
import { Rules } from './pages/Rules';

/** kube-proxy's mode, switched in the cluster inspector (what the form shows with nothing selected). */
async function switchMode(inspector: Inspector, mode: 'iptables' | 'nftables') {
  const select = inspector.root.getByLabel(/kube-proxy mode/);
  await select.selectOption(mode);
  await expect(select).toHaveValue(mode);
}

/** web's ClusterIP, read from its card on the canvas. */
async function webClusterIP(canvas: Canvas): Promise<string> {
  return (await canvas.element('svc:default/web').textContent())!.match(/(10\.\d+\.\d+\.\d+):80(?!\d)/)![1]!;
}

/** Sends from worker-1 to web's ClusterIP on its nodePort, and goes to the trace's last hop. */
async function clusterIPNodePort(canvas: Canvas, playback: Playback) {
  await playback.from(/^worker-1/);
  await playback.sendTo(`${await webClusterIP(canvas)}:30080`);
  await playback.finish();
}

/** Goes to the trace's last hop once the embed's engine is in (it loads after the first paint), and expects its outcome. */
async function endsIn(playback: Playback, outcome: string) {
  await expect(async () => {
    await playback.finish();
    await expect(playback.packet).toHaveAttribute('data-outcome', outcome, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

/** Serious and critical axe findings under WCAG 2 A and AA. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.map(String).join(' ')}`));
}

test.describe('kube-proxy in nftables mode', () => {
  test('the inspector switches the mode and the Rules tab shows nft list ruleset', async ({ page, canvas, inspector }) => {
    await canvas.open();
    const rules = new Rules(page);
    await expect(inspector.root).toContainText('IPVS mode is deprecated since v1.35 and not modelled.');
    await rules.open();
    await expect(rules.rules).toHaveAccessibleName(/^iptables-save of worker-/);
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await switchMode(inspector, 'nftables');
    await expect(inspector.root).toContainText('A ClusterIP on a port the Service lacks is rejected');
    await rules.open();
    await expect(rules.rules).toHaveAccessibleName(/^nft list ruleset of worker-/);
    await expect(rules.rules.getByRole('heading', { name: /^table ip kube-proxy/ })).toBeVisible();
    await expect(rules.chain('services', 'ip kube-proxy')).toBeVisible();
    await expect(rules.chain('nat-prerouting', 'ip kube-proxy')).toContainText('type nat hook prerouting priority dstnat; policy accept;');
    await expect(rules.chain('service-ips', 'ip kube-proxy')).toContainText('verdict map');
    // Search finds the nodePort in the service-nodeports map.
    await rules.search.fill('30080');
    await expect(rules.chain('service-nodeports', 'ip kube-proxy')).toBeVisible();
    await expect(rules.rules.getByRole('list', { name: 'Elements of service-nodeports (ip kube-proxy)' }).getByRole('listitem').first()).toContainText('tcp . 30080');
    await rules.search.fill('');
    // Empty sets and maps are folded into one line.
    await expect(rules.rules.locator('summary', { hasText: /empty sets? (and|or) maps?/ })).toBeVisible();
  });

  test('ClusterIP:nodePort: lost in iptables mode, rejected in nftables mode, the rule that did it lit', async ({ page, canvas, inspector, playback }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await canvas.open();
    await clusterIPNodePort(canvas, playback);
    await expect(playback.packet).toHaveAttribute('data-outcome', 'dropped');
    await switchMode(inspector, 'nftables');
    await playback.finish();
    await expect(playback.packet).toHaveAttribute('data-outcome', 'refused');
    const rules = new Rules(page);
    await rules.open();
    await expect(rules.matched.filter({ hasText: /ip daddr @cluster-ips reject/ })).toHaveCount(1);
    await expect(rules.matched.first()).toBeInViewport();
    // worker-1's own program: the trace stops before its first hop, at the rule its reason names.
    await expect(rules.chain('cluster-ips-check', 'ip kube-proxy')).toContainText('stopped here');
    await expect(rules.root).toContainText('The request stopped before its first hop, at this rule on worker-1');
  });

  test('an embed takes proxyMode=nftables, and refuses a mode it does not model', async ({ page, canvas, playback }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./?embed&proxyMode=ipvs');
    await expect(page.getByRole('alert')).toContainText('proxyMode=ipvs is not a kube-proxy mode this explainer models');
    await expect(canvas.element('svc:default/web')).toBeVisible();
    const ip = await webClusterIP(canvas);
    await page.goto(`./?embed&from=node:worker-1&to=${ip}:30080`);
    await endsIn(playback, 'dropped');
    await page.goto(`./?embed&proxyMode=nftables&from=node:worker-1&to=${ip}:30080`);
    await endsIn(playback, 'refused');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the Rules tab in nftables mode is axe clean and looks right, ${scheme}`, async ({ page, canvas, inspector, playback }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await canvas.open();
      await switchMode(inspector, 'nftables');
      await clusterIPNodePort(canvas, playback);
      const rules = new Rules(page);
      await rules.open();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/nftables-rules-${scheme}.png` });
    });
  }

  test('the Rules tab in nftables mode on a phone, and an 800×560 embed', async ({ page, canvas, inspector }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await canvas.open();
    await page.getByRole('tab', { name: 'Inspector' }).scrollIntoViewIfNeeded();
    await switchMode(inspector, 'nftables');
    const rules = new Rules(page);
    await rules.open();
    await rules.root.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/nftables-rules-phone.png' });
    await page.setViewportSize({ width: 800, height: 560 });
    await page.goto('./?embed&proxyMode=nftables&step=4');
    await expect(page.getByTestId('packet')).toBeVisible();
    await page.screenshot({ path: 'test-results/nftables-embed.png' });
  });
});
