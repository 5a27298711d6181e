import { test, expect } from './fixtures';

test('build a NodePort Service with the palette and inspector, then delete it with the keyboard', async ({ page, canvas, inspector }) => {
  await canvas.open();
  const add = async (label: string) => {
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: label, exact: true }).click();
  };

  await test.step('a node and a NodePort Service appear with the model\'s addresses', async () => {
    await add('Node');
    await expect(canvas.element('node:worker-4')).toContainText(/10\.0\.1\.\d+/);
    await add('Service · NodePort');
    const svc = canvas.element('svc:default/svc');
    await expect(svc).toContainText('NodePort');
    await expect(svc).toContainText(/NodeIP:3\d{4} on 4 nodes/);
  });

  await test.step('its targetPort is changed in the inspector', async () => {
    await canvas.element('svc:default/svc').click();
    await inspector.field(/^targetPort/).fill('8080');
    await inspector.apply('Apply');
    await expect(canvas.element('svc:default/svc')).toContainText('80→8080/TCP');
    await page.screenshot({ path: 'test-results/palette-nodeport.png' });
  });

  await test.step('Delete removes it; Ctrl+Z brings it back', async () => {
    await canvas.element('svc:default/svc').click();
    await page.keyboard.press('Delete');
    await expect(canvas.element('svc:default/svc')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(canvas.element('svc:default/svc')).toBeVisible();
  });
});

test('adding an Ingress brings its controller and routes to a Service', async ({ page, canvas }) => {
  await canvas.open();
  await page.getByText('Add…').click();
  await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Ingress', exact: true }).click();
  await expect(canvas.element('ingress:default/ingress')).toContainText('www.example.com/ → web:80');
  await expect(canvas.element('svc:ingress-nginx/ingress-nginx-controller')).toContainText('LoadBalancer');
  await expect(page.locator('.react-flow__edge[aria-label="Ingress ingress routes www.example.com/ to web"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.screenshot({ path: 'test-results/ingress.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/ingress-dark.png' });
});
