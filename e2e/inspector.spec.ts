import { test, expect } from './fixtures';

test('an invalid nodePort is refused with the API server\'s field path and message, then fixed', async ({ page, canvas, inspector }) => {
  await canvas.open();
  await canvas.element('svc:default/web').click();
  const nodePort = inspector.field(/^nodePort spec\.ports\[0\]\.nodePort/);
  await expect(nodePort).toHaveValue('30080');

  await test.step('nodePort 80 is outside the node-port range', async () => {
    await nodePort.fill('80');
    await inspector.apply('Apply');
    await expect(inspector.errors).toContainText('spec.ports[0].nodePort');
    await expect(inspector.errors).toContainText('provided port is not in the valid range. The range of valid ports is 30000-32767');
    await expect(nodePort).toHaveValue('80');
    await expect(nodePort).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.element('svc:default/web')).toContainText('NodeIP:30080');
    await page.screenshot({ path: 'test-results/inspector-error.png' });
  });

  await test.step('30090 is accepted and the canvas follows', async () => {
    await nodePort.fill('30090');
    await nodePort.press('Enter');
    await expect(inspector.errors).toHaveCount(0);
    await expect(canvas.element('svc:default/web')).toContainText('NodeIP:30090');
    await expect(canvas.element('lb:default/web')).toBeVisible();
  });

  await test.step('undo restores 30080', async () => {
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(canvas.element('svc:default/web')).toContainText('NodeIP:30080');
  });
});

test('a label typo takes a pod out of the Service, with the reason on its edge', async ({ page, canvas, inspector }) => {
  await canvas.open();
  const podId = (await canvas.elementsOfType('pod').first().getAttribute('data-id'))!;
  await canvas.element(podId).click();
  const labels = inspector.field(/^Labels/);
  const text = await labels.inputValue();
  await labels.fill(text.replace('app=web', 'app=wbe'));
  await inspector.apply('Apply labels');
  const edge = page.locator(`.react-flow__edge[data-id="svc:default/web->${podId}"]`);
  await expect(edge).toHaveAttribute('aria-label', /app=wbe, selector wants app=web/);
  await expect(page.getByText('app=wbe, selector wants app=web')).toBeVisible();
  await page.screenshot({ path: 'test-results/label-typo.png' });
});

test('switching the Service to ClusterIP removes the load balancer and the node ports', async ({ canvas, inspector }) => {
  await canvas.open();
  await canvas.element('svc:default/web').click();
  await inspector.field(/^Type/).selectOption('ClusterIP');
  await inspector.apply('Apply');
  await expect(canvas.element('svc:default/web')).toContainText('ClusterIP');
  await expect(canvas.element('svc:default/web')).not.toContainText('NodeIP:');
  await expect(canvas.elementsOfType('loadBalancer')).toHaveCount(0);
});
