import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { openYaml, paste } from './pages/Yaml';

test('export then import gives the same cluster', async ({ page, canvas }) => {
  await canvas.open();
  const panel = await openYaml(page);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  expect(exported).toContain('kind: ClusterSettings');
  // The same pods, by id and address (what a card shows besides depends on the zoom).
  const podIds = await canvas.elementsOfType('pod').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const podIPs = (await canvas.elementsOfType('pod').allInnerTexts()).map((t) => /10\.244\.\d+\.\d+/.exec(t)?.[0]);
  expect(podIPs.every(Boolean)).toBe(true);

  await page.getByText('Add…').click();
  await page.getByRole('button', { name: 'Start from an empty cluster' }).click();
  await expect(canvas.elementsOfType('pod')).toHaveCount(0);

  await panel.locator('input[type=file]').setInputFiles({ name: 'cluster.yaml', mimeType: 'application/yaml', buffer: Buffer.from(exported) });
  await expect(panel.getByRole('status')).toContainText('Applied');
  await expect(canvas.elementsOfType('pod')).toHaveCount(3);
  expect(await canvas.elementsOfType('pod').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(podIds);
  expect((await canvas.elementsOfType('pod').allInnerTexts()).map((t) => /10\.244\.\d+\.\d+/.exec(t)?.[0])).toEqual(podIPs);
  await expect(canvas.element('svc:default/web')).toContainText('NodeIP:30080');
});

test('a real multi-namespace kubectl List replaces the cluster; kinds not drawn are kept and listed once', async ({ page, canvas }) => {
  await canvas.open();
  const panel = await openYaml(page);
  await paste(page, readFileSync('e2e/data/kubectl-get-all.yaml', 'utf8'));
  await panel.getByRole('button', { name: 'Replace the whole cluster' }).click();
  await expect(canvas.element('node:ip-10-20-1-17')).toContainText('10.20.1.17');
  await expect(canvas.element('svc:shop/checkout')).toContainText('NodeIP:31443');
  await expect(canvas.element('svc:cache/redis')).toContainText('headless');
  await expect(canvas.element('pod:shop/checkout-6d9c7b8f4-k2x9p')).toContainText('10.42.0.14');
  await expect(canvas.element('ingress:shop/shop')).toContainText('shop.example.com/');
  await expect(panel.locator('details', { hasText: 'Kept, not drawn' })).toContainText('ConfigMap');
  await expect(canvas.element('node:worker-1')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/yaml-imported.png' });
});

test('a syntax error is shown at its line and nothing changes; the text stays', async ({ page, canvas }) => {
  await canvas.open();
  const panel = await openYaml(page);
  await paste(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n');
  await panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText(/line \d+/);
  await expect(canvas.elementsOfType('pod')).toHaveCount(3);
  await expect(page.locator('.cm-content')).toContainText('name: [web');
  await expect(page.locator('.cm-lint-marker-error').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/yaml-syntax-error.png' });
});

test('an invalid nodePort is refused with its field path, the canvas unchanged', async ({ page, canvas }) => {
  await canvas.open();
  const panel = await openYaml(page);
  // The editor lives in a shadow root (its styles adopt there, see YamlEditor.tsx); Playwright's locators pierce it.
  const text = (await page.locator('.cm-content').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await paste(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    nodePort: 80\n');
  await panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('spec.ports[0].nodePort');
  await expect(panel.getByRole('alert')).toContainText('provided port is not in the valid range');
  await expect(canvas.element('svc:default/web')).toContainText('LoadBalancer');
  await expect(panel.getByRole('button', { name: 'Import only the valid objects' })).toBeVisible();
});
