import { test, expect } from './fixtures';
import { Rules } from './pages/Rules';
import type { Playback } from './pages/Playback';

/** Steps the default LoadBalancer trace (client → LB → NodePort → Service → DNAT → pod) to its DNAT hop. */
async function toDnatHop(playback: Playback) {
  await expect(playback.hops).toHaveCount(5);
  for (let i = 1; i <= 4; i++) {
    await playback.button('Next hop').click();
    await expect(playback.hopHeading).toContainText(`Hop ${i} of 5`);
  }
}

test.describe('Rules panel in iptables mode', () => {
  test('stepping to the DNAT hop highlights the nodePort and KUBE-SEP DNAT rules on that node', async ({ page, canvas, playback }) => {
    const iptables = new Rules(page);
    await canvas.open();
    await iptables.open();
    await expect(iptables.matched).toHaveCount(0);

    await test.step('step to the DNAT hop', async () => {
      await toDnatHop(playback);
    });

    await test.step('the panel follows the hop to its node and lights what matched', async () => {
      const heading = (await playback.hopHeading.textContent()) ?? '';
      const hopNode = /on (\S+)$/.exec(heading.trim())?.[1];
      expect(hopNode).toBeTruthy();
      expect(await iptables.shownNode()).toBe(hopNode);
      const nodePort = iptables.matched.filter({ hasText: /^Matched by this hop: -A KUBE-NODEPORTS .*--dport 30080 -j KUBE-EXT-/ });
      await expect(nodePort).toHaveCount(1);
      await expect(nodePort).not.toContainText('127.0.0.0/8');
      const dnat = iptables.matched.filter({ hasText: /-A KUBE-SEP-\w+ .*-j DNAT --to-destination 10\.244\.\d+\.\d+:8080/ });
      await expect(dnat).toHaveCount(1);
      await expect(dnat).toBeVisible();
      // The endpoint the trace delivered to is the one the DNAT rule names.
      const destination = /--to-destination (\S+)/.exec((await dnat.textContent()) ?? '')![1]!;
      await expect(playback.root).toContainText(destination);
      // The first rule the packet met is scrolled into view.
      await expect(iptables.matched.first()).toBeInViewport();
      await expect(iptables.chain(/^KUBE-SVC-/, 'nat').filter({ hasText: 'default/web:http' })).toContainText('in this hop');
      await expect(iptables.root).toContainText(/Hop 4 matched \d+ rules on/);
    });

    await test.step('empty chains are folded into one line per table; a button takes focus to the first match', async () => {
      const filter = iptables.rules.getByRole('region', { name: 'filter table' });
      await expect(filter.locator('summary', { hasText: /^\d+ empty chains?$/ })).toBeVisible();
      await expect(filter.locator('[data-chain]').filter({ hasText: /· 0 rules$/ })).toHaveCount(0);
      await iptables.root.getByRole('button', { name: 'Go to the first one' }).click();
      await expect(iptables.matched.first()).toBeFocused();
      await expect(iptables.matched.first()).toBeInViewport();
    });

    await test.step('the next hop is on another node: nothing stays lit', async () => {
      await playback.button('Next hop').click();
      await expect(iptables.matched).toHaveCount(0);
    });
  });

  test('an explicit node pick wins over the hop until the user picks again', async ({ page, canvas, playback }) => {
    const iptables = new Rules(page);
    await canvas.open();
    await iptables.open();
    await iptables.node.selectOption('worker-1');
    await toDnatHop(playback);
    await expect(iptables.node).toHaveValue('worker-1');
    const hopNode = /on (\S+)$/.exec(((await playback.hopHeading.textContent()) ?? '').trim())![1]!;
    if (hopNode !== 'worker-1') {
      await expect(iptables.matched).toHaveCount(0);
      await iptables.root.getByRole('button', { name: `Show ${hopNode}` }).click();
      await expect(iptables.node).toHaveValue(hopNode);
      await expect(iptables.matched.first()).toBeVisible();
    }
    await iptables.node.selectOption('');
    expect(await iptables.shownNode()).toBe(hopNode);
  });

  test('search "30080" finds the nodePort rules, case-insensitive, with a count', async ({ page, canvas }) => {
    const iptables = new Rules(page);
    await canvas.open();
    await iptables.open();
    await iptables.search.fill('30080');
    await expect(iptables.status).toHaveText('2 rules match');
    const shown = iptables.rules.getByRole('listitem');
    await expect(shown).toHaveCount(2);
    for (const rule of await shown.all()) {
      await expect(rule).toContainText(/^-A KUBE-NODEPORTS .*--dport 30080 /);
      await expect(rule.locator('mark')).toHaveText('30080');
    }
    await iptables.search.fill('kube-svc-');
    // web's KUBE-SVC chain and kube-dns's three (dns, dns-tcp, metrics).
    await expect(iptables.status).toContainText(/rules and 4 chains match/);
    await expect(iptables.chain(/^KUBE-SVC-/).filter({ hasText: 'default/web:http' }).locator('mark')).toHaveText('KUBE-SVC-');
    await iptables.search.fill('no-such-rule');
    await expect(iptables.status).toHaveText('No matches');
    await iptables.search.fill('');
    await expect(iptables.status).toContainText(/^\d+ rules in \d+ chains on worker-/);
  });

  test('a chain name says which Service port or endpoint it belongs to', async ({ page, canvas }) => {
    const iptables = new Rules(page);
    await canvas.open();
    await iptables.open();
    const svc = iptables.chain(/^KUBE-SVC-/, 'nat').filter({ hasText: 'default/web:http' });
    await expect(svc).toHaveAttribute('title', /default\/web:http/);
    const svcName = (await svc.locator('[data-chain-name]').textContent())!;
    await expect(svc).toHaveAccessibleDescription(/Service port default\/web:http/);
    await svc.focus();
    await expect(svc).toBeFocused();
    const sep = iptables.chain(/^KUBE-SEP-/, 'nat').filter({ hasText: 'default/web' }).first();
    await expect(sep).toHaveAttribute('title', /^Endpoint 10\.244\.\d+\.\d+:8080 \(pod default\/web-[\w-]+\) of Service port default\/web:http\.$/);
    // Folding is native: Enter on a focused chain folds and unfolds it.
    await expect(iptables.rulesOf(svcName)).not.toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(iptables.rulesOf(svcName)).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(iptables.rulesOf(svcName)).not.toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot at the DNAT hop, ${scheme}`, async ({ page, canvas, playback }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const iptables = new Rules(page);
      await canvas.open();
      await iptables.open();
      await toDnatHop(playback);
      await expect(iptables.matched.first()).toBeInViewport();
      await page.screenshot({ path: `test-results/iptables-${scheme}.png` });
      await iptables.root.screenshot({ path: `test-results/iptables-panel-${scheme}.png` });
    });
  }
});
