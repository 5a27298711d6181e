import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import type { Inspector } from './pages/Inspector';
import type { Canvas } from './pages/Canvas';

/** Edits the web Service in the inspector: one field, then Apply. */
async function editWeb(canvas: Canvas, inspector: Inspector, label: RegExp, value: string, select = false) {
  await canvas.element('svc:default/web').click();
  const field = inspector.field(label);
  if (select) await field.selectOption(value);
  else await field.fill(value);
  await inspector.apply('Apply');
  await expect(inspector.errors).toHaveCount(0);
}

async function addLanClient(page: Page) {
  await page.getByText('Add…').click();
  await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Client on the node LAN' }).click();
}

test.describe('where a real cluster stops a request', () => {
  test('ClusterIP:nodePort from a pod: no rule matches, the packet is lost', async ({ canvas, playback }) => {
    await canvas.open();
    await canvas.element((await canvas.elementsOfType('pod').first().getAttribute('data-id'))!).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.to(/ClusterIP:nodePort/);
    await playback.finish();
    await expect(playback.root).toContainText(/Dropped/);
    await expect(playback.root).toContainText('What would fix it');
    // What happens depends on kube-proxy's mode, and the reason says so.
    await expect(playback.root).toContainText('In iptables mode no kube-proxy rule');
    await expect(playback.root).toContainText('nftables and IPVS modes refuse it instead');
  });

  test('NodeIP:nodePort from the internet when the nodes are private: no route', async ({ canvas, playback }) => {
    await canvas.open();
    await playback.to(/NodeIP:nodePort from the internet/);
    await playback.finish();
    await expect(playback.root).toContainText(/No route/);
  });

  test('a LoadBalancer on bare metal stays pending: nowhere to send', async ({ canvas, inspector, playback }) => {
    await canvas.open();
    await inspector.field(/^Where the cluster runs/).selectOption('bare-metal');
    await expect(canvas.element('svc:default/web')).toContainText('<pending>');
    await playback.finish();
    await expect(playback.root).toContainText(/pending/i);
  });

  test('a selector that matches no pod: kube-proxy rejects, with the reason per pod', async ({ canvas, inspector, playback }) => {
    await canvas.open();
    await editWeb(canvas, inspector, /^Selector/, 'app=wbe');
    await playback.finish();
    await expect(playback.root).toContainText(/Refused/);
    await expect(playback.root).toContainText('app');
    await expect(playback.root).toContainText('wbe');
  });

  test('a targetPort no container listens on: refused at the pod', async ({ canvas, inspector, playback }) => {
    await canvas.open();
    await editWeb(canvas, inspector, /^targetPort/, '9090');
    await playback.finish();
    await expect(playback.root).toContainText(/Refused/);
    await expect(playback.root).toContainText('9090');
  });

  test('externalTrafficPolicy Local on a node without a local pod: dropped', async ({ page, canvas, inspector, playback }) => {
    await canvas.open();
    await editWeb(canvas, inspector, /^External traffic policy/, 'Local', true);
    await addLanClient(page);
    await playback.from(/laptop/);
    await playback.to(/10\.0\.1\.12:30080/);
    await playback.finish();
    await expect(playback.root).toContainText(/Dropped/);
    await page.screenshot({ path: 'test-results/failure-local.png' });
  });

  test('externalIPs from the inspector: the LAN reaches the Service there; the caveats are shown', async ({ page, canvas, inspector, playback }) => {
    await canvas.open();
    await canvas.element('svc:default/web').click();
    await expect(inspector.root).toContainText('CVE-2020-8554');
    await expect(inspector.root).toContainText('Deprecated since v1.36');
    await editWeb(canvas, inspector, /^External IPs/, '10.0.1.100');
    await addLanClient(page);
    await playback.from(/laptop/);
    await playback.sendTo('10.0.1.100:80');
    await playback.finish();
    await expect(playback.root).toContainText(/Delivered to pod default\/web-/);
  });

  test('internalTrafficPolicy Local from a node without a local pod: dropped, and the reason names the policy', async ({ canvas, inspector, playback }) => {
    await canvas.open();
    await editWeb(canvas, inspector, /^Internal traffic policy/, 'Local', true);
    await playback.from(/worker-3/);
    await playback.to(/ClusterIP/);
    await playback.finish();
    await expect(playback.root).toContainText(/Dropped/);
    await expect(playback.root).toContainText('internalTrafficPolicy: Local');
  });
});
