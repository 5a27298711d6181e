import { test, expect } from './fixtures';

test('from an empty cluster: a node, a pod and a NodePort Service that selects it', async ({ page, canvas, inspector }) => {
  await canvas.open();
  const menu = page.getByRole('group', { name: 'Add to the cluster' });
  const add = async (label: string) => {
    await page.getByText('Add…').click();
    await menu.getByRole('button', { name: label, exact: true }).click();
  };
  await add('Start from an empty cluster');
  await expect(canvas.elementsOfType('worker')).toHaveCount(0);
  await expect(canvas.elementsOfType('service')).toHaveCount(0);

  await add('Node');
  await add('Pod');
  await add('Service · NodePort');
  const svc = canvas.element('svc:default/svc');
  await expect(svc).toContainText(/NodeIP:3\d{4} on 1 nodes/);
  const edge = page.locator('.react-flow__edge-endpoint');
  await expect(edge).toHaveCount(1);
  await expect(edge).toHaveAttribute('aria-label', /svc sends to web-pod at 10\.244\.0\.2:8080/);

  await test.step('nodePort 80 is refused, then a valid one is taken', async () => {
    await svc.click();
    await inspector.field(/^nodePort/).fill('80');
    await inspector.apply('Apply');
    await expect(inspector.errors).toContainText('spec.ports[0].nodePort: Invalid value: 80');
    await inspector.field(/^nodePort/).fill('31000');
    await inspector.apply('Apply');
    await expect(svc).toContainText('NodeIP:31000');
  });
  await page.screenshot({ path: 'test-results/empty-built.png' });

  await test.step('undo walks back to the default scenario', async () => {
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Undo' }).click();
    await expect(canvas.elementsOfType('worker')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(canvas.elementsOfType('worker')).toHaveCount(3);
  });
});
