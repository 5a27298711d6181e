import { expect, test } from './fixtures';

test.describe('cluster DNS', () => {
  test('kube-system is folded away by default and opens from the cluster header', async ({ page, canvas }) => {
    await canvas.open();
    await expect(canvas.elementsOfType('service')).toHaveCount(1);
    await expect(canvas.element('svc:kube-system/kube-dns')).toHaveCount(0);
    const toggle = page.getByRole('button', { name: /show kube-system \(1 Service, 2 pods\)/ });
    await toggle.click();
    await expect(canvas.element('svc:kube-system/kube-dns')).toBeVisible();
    await expect(canvas.elementsOfType('pod')).toHaveCount(5);
    await page.getByRole('button', { name: /hide kube-system/ }).click();
    await expect(canvas.element('svc:kube-system/kube-dns')).toHaveCount(0);
  });

  test('a lookup from a pod goes to a CoreDNS pod through kube-dns and comes back; then the connection', async ({ page, canvas, playback }) => {
    await canvas.open();
    await canvas.element((await canvas.elementsOfType('pod').first().getAttribute('data-id'))!).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.sendTo('web:80');
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('Cluster DNS');
    expect(headings[1]).toContain('Cluster DNS');
    // The fold opens by itself (and stays open while the trace needs it): the packet visits a CoreDNS pod.
    await expect(page.getByRole('button', { name: /hide kube-system/ })).toBeDisabled();
    await expect(page.getByRole('button', { name: /hide kube-system/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(playback.root.getByText('Delivered').first()).toBeVisible();
  });

  test('10.96.0.10:53/UDP typed from a pod is delivered to a CoreDNS pod', async ({ canvas, playback }) => {
    await canvas.open();
    await canvas.element((await canvas.elementsOfType('pod').first().getAttribute('data-id'))!).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.sendTo('10.96.0.10:53/UDP');
    await playback.finish();
    await expect(playback.root.getByText('Delivered').first()).toBeVisible();
    await expect(playback.packet).toHaveAttribute('data-at', /^pod:kube-system\/coredns-/);
  });
});
