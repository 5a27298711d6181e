import { test, expect } from './fixtures';

test.describe('what real clusters do, in the browser', () => {
  test('sessionAffinity ClientIP behind a load balancer is kept per node: each node the LB used picks its own pod', async ({ page, canvas, inspector, playback }) => {
    await canvas.open();
    await canvas.element('svc:default/web').click();
    await inspector.field(/Session affinity/).selectOption('ClientIP');
    await inspector.apply();
    await expect(inspector.errors).toHaveCount(0);
    await playback.root.getByRole('button', { name: 'Send 100 requests' }).click();
    const byNode = playback.root.getByRole('list', { name: 'Which node chose the pod' }).getByRole('listitem');
    expect(await byNode.count()).toBeGreaterThan(1);
    // One pod per node: the node's kernel remembers this client's IP, the load balancer does not.
    for (const row of await byNode.all()) await expect(row).not.toContainText(',');
    await expect(playback.root).toContainText('that memory lives in each node\'s kernel');
    await page.screenshot({ path: 'test-results/affinity-per-node.png' });
  });

  test('a pod\'s packet leaving the cluster is masqueraded by its node, and the hop says so', async ({ page, canvas, playback }) => {
    await canvas.open();
    await canvas.element((await canvas.elementsOfType('pod').first().getAttribute('data-id'))!).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.sendTo('93.184.215.14:443');
    await playback.stepThrough();
    await expect(playback.root).toContainText('On the way out the node masquerades it');
    await expect(playback.root).toContainText("by the node's masquerade of outgoing pod traffic");
    await expect(playback.root).toContainText('Delivered');
    await page.screenshot({ path: 'test-results/egress-masquerade.png' });
  });
});
