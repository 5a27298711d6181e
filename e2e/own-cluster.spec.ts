import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { openYaml, paste } from './pages/Yaml';

/** A real app's manifests, as its project publishes them (GoogleCloudPlatform/microservices-demo). */
const demo = readFileSync('src/model/manifests/fixtures/real/microservices-demo.yaml', 'utf8');

test('a real 12-service app applied onto the cluster runs on its nodes and answers from the internet', async ({ page, canvas, playback }) => {
  await canvas.open();
  const panel = await openYaml(page);
  await paste(page, demo);
  await panel.getByRole('button', { name: 'Apply', exact: true }).click();
  const status = panel.getByRole('status');
  await expect(status).toContainText(/Applied: \d+ added/);
  await expect(status).toContainText('kept, as kubectl apply keeps them');
  // The ServiceAccounts are kept, said once.
  await expect(panel.getByText(/Kept, not drawn: 11 objects of 1 kind/)).toBeVisible();
  // The app's pods are on the cluster's own nodes, beside the scenario's web pods.
  await expect(canvas.elementsOfType('pod').filter({ hasText: /frontend-/ })).toHaveCount(1);
  await expect(canvas.elementsOfType('pod').filter({ hasText: /web-/ })).toHaveCount(3);

  await playback.to(/frontend-external/);
  await playback.finish();
  await expect(playback.packet).toHaveAttribute('data-outcome', 'delivered');
  await expect(playback.root).toContainText(/Delivered to pod default\/frontend-\S+ at 10\.244\.\d+\.\d+:8080/);
  await page.screenshot({ path: 'test-results/own-cluster-demo.png' });
});

test('replacing the whole cluster with an app that has no nodes gives it a default pool', async ({ page, canvas, playback }) => {
  await canvas.open();
  const panel = await openYaml(page);
  await paste(page, demo);
  await panel.getByRole('button', { name: 'Replace the whole cluster' }).click();
  await expect(panel.getByRole('status')).toContainText('Replaced the whole cluster');
  await expect(canvas.elementsOfType('worker')).toHaveCount(3);
  await expect(canvas.elementsOfType('pod').filter({ hasText: /web-/ })).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Warnings' })).toContainText(/node/i);

  // A pod reaches another Service by its DNS name.
  await playback.from(/frontend-/);
  await playback.sendTo('productcatalogservice:3550');
  await playback.finish();
  await expect(playback.packet).toHaveAttribute('data-outcome', 'delivered');
  await expect(playback.root).toContainText(/productcatalogservice-\S+ at 10\.244\.\d+\.\d+:3550/);
});
