import { test, expect } from './fixtures';

test('dropping a pod on another node reschedules it there with a new IP; undo brings it back', async ({ page, canvas }) => {
  await canvas.open();
  const podId = (await canvas.elementsOfType('pod').first().getAttribute('data-id'))!;
  const pod = canvas.element(podId);
  await expect(pod).toContainText(/10\.244\.0\.\d+/);

  await canvas.dragOnto(podId, 'node:worker-3');
  await expect(pod).toContainText(/10\.244\.2\.\d+/);
  const worker3 = await canvas.box('node:worker-3');
  const moved = await canvas.box(podId);
  expect(moved.x).toBeGreaterThan(worker3.x);
  expect(moved.x + moved.width).toBeLessThan(worker3.x + worker3.width);
  await page.screenshot({ path: 'test-results/pod-rescheduled.png' });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(pod).toContainText(/10\.244\.0\.\d+/);
});

test('a pod dropped outside every node goes back where it was', async ({ canvas }) => {
  await canvas.open();
  const podId = (await canvas.elementsOfType('pod').first().getAttribute('data-id'))!;
  const before = await canvas.box(podId);
  // Onto the client card: outside the cluster, and far from the screen's edge (no auto-pan).
  await canvas.dragOnto(podId, 'client:client');
  await expect.poll(async () => (await canvas.box(podId)).x).toBeCloseTo(before.x, 0);
});
