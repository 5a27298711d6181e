import { test, expect } from './fixtures';

test.describe('stepping a request', () => {
  test('LoadBalancer from the internet: every layer in order, delivered at a pod', async ({ page, canvas, playback }) => {
    await canvas.open();
    // The default scenario opens on its suggested request: the internet client to the load balancer.
    await expect(playback.hops).toHaveCount(5);
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('Load balancer');
    expect(headings[1]).toContain('NodePort');
    expect(headings.at(-1)).toContain('Pod');
    await expect(playback.root).toContainText(/10\.244\.\d+\.\d+:8080/);
    await expect(playback.root.getByText('Delivered', { exact: false }).first()).toBeVisible();
    await expect(playback.packet).toHaveAttribute('data-outcome', 'delivered');
    await expect(playback.packet).toHaveAttribute('data-at', /^pod:default\/web-/);
    // The last hop's two elements are lit, and nothing else is.
    const lit = page.locator('.react-flow__node[data-hop]');
    await expect(lit).toHaveCount(2);
    await expect(lit.last()).toHaveAttribute('data-id', (await playback.packet.getAttribute('data-at'))!);
    await page.screenshot({ path: 'test-results/playback-delivered.png' });
    await playback.button('Back to the start').click();
    await expect(lit).toHaveCount(0);
  });

  test('no two hops read the same; the Layers box and the verdict name what is really there', async ({ canvas, playback }) => {
    await canvas.open();
    const labels = await playback.hops.allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    // Hops 2 and 3 both send to NodeIP:nodePort: one arrives at the node, the other is kube-proxy's match.
    expect(labels[1]).toMatch(/10\.0\.1\.\d+:30080DNAT: load balancer sends to worker-\d/);
    expect(labels[2]).toMatch(/10\.0\.1\.\d+:30080kube-proxy matches the nodePort/);
    await playback.hops.nth(2).click();
    const layers = playback.root.getByLabel('Service layers');
    for (const layer of ['LoadBalancer', 'NodePort', 'ClusterIP']) await expect(layers).toContainText(layer);
    await playback.finish();
    await expect(playback.root).toContainText(/Delivered to pod default\/web-\S+ at 10\.244\.\d+\.\d+:8080/);
  });

  test('a ClusterIP Service\'s Layers box has no NodePort around it', async ({ page, canvas, playback }) => {
    const { Scenarios } = await import('./pages/Scenarios');
    await canvas.open();
    await new Scenarios(page).load('ClusterIP between two apps');
    await playback.hops.nth(1).click();
    const layers = playback.root.getByLabel('Service layers');
    await expect(layers).toContainText('ClusterIP');
    await expect(layers).not.toContainText('NodePort');
    await expect(layers).not.toContainText('LoadBalancer');
  });

  test('the rewrite on a hop shows the kube-proxy rules that did it, and changed fields are marked', async ({ canvas, playback }) => {
    await canvas.open();
    for (let i = 0; i < 4; i++) await playback.button('Next hop').click();
    const details = playback.root.locator('details').filter({ hasText: 'DNAT' }).first();
    await details.locator('summary').click();
    await expect(details).toContainText('-j DNAT --to-destination 10.244.');
    await expect(playback.root.locator('[data-changed]').first()).toBeVisible();
    // The lit node must not cover its own pods.
    for (const pod of await canvas.elementsOfType('pod').all()) {
      const box = (await pod.boundingBox())!;
      const onTop = await pod.page().evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), { x: box.x + box.width / 2, y: box.y + box.height - 6 });
      expect(onTop).toBe(await pod.getAttribute('data-id'));
    }
  });

  test('ClusterIP from the internet has no route, with the reason and a fix', async ({ canvas, playback }) => {
    await canvas.open();
    await playback.to(/ClusterIP/);
    await playback.finish();
    await expect(playback.root).toContainText(/no route/i);
    await expect(playback.root).toContainText('What would fix it');
    await expect(playback.packet).toHaveAttribute('data-outcome', /no-route|dropped/);
  });

  test('NodeIP:port from a LAN host is refused by the node', async ({ page, canvas, playback }) => {
    await canvas.open();
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Client on the node LAN' }).click();
    await playback.from(/laptop/);
    await playback.sendTo('10.0.1.10:80');
    await playback.finish();
    await expect(playback.root).toContainText(/refused/i);
    await expect(playback.root).toContainText('30080');
    await page.screenshot({ path: 'test-results/playback-refused.png' });
  });

  test('keyboard only: Space plays, arrows step, Home and End jump', async ({ page, canvas, playback }) => {
    await canvas.open();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await playback.button('Next hop').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(playback.hopHeading).toContainText('Hop 2 of');
    await page.keyboard.press('ArrowLeft');
    await expect(playback.hopHeading).toContainText('Hop 1 of');
    await page.keyboard.press('End');
    await expect(playback.hopHeading).toContainText('Hop 5 of 5');
    await page.keyboard.press('Home');
    await expect(playback.root).toContainText('Ready: the packet waits');
    await page.keyboard.press('Space');
    await expect(playback.hopHeading).toContainText('Hop 5 of 5', { timeout: 10_000 });
  });

  test('reduced motion moves the packet without animating it; the lens keeps it off the Service on the wire', async ({ page, canvas, playback }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await canvas.open();
    await playback.button('Next hop').click();
    await playback.button('Next hop').click();
    await playback.button('Next hop').click();
    expect(await playback.packet.evaluate((el) => el.getAnimations().length)).toBe(0);
    await expect(playback.packet).toHaveAttribute('data-at', 'svc:default/web');
    await playback.root.getByLabel('On the wire').check();
    await expect(playback.packet).toHaveAttribute('data-at', /^node:worker-/);
  });

  test('playing does not re-render React per frame', async ({ page, canvas, playback }) => {
    // React reports every commit to the DevTools hook, production builds included: count them.
    await page.addInitScript(() => {
      const w = window as unknown as { __commits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
      w.__commits = 0;
      w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => {},
        onScheduleFiberRoot: () => {},
        onCommitFiberRoot: () => {
          w.__commits++;
        },
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
      };
    });
    await canvas.open();
    // The hook is live: drawing the app took commits.
    expect(await page.evaluate(() => (window as unknown as { __commits: number }).__commits)).toBeGreaterThan(0);
    await playback.root.getByLabel('Speed').selectOption('0.25');
    const mutations = await page.evaluate(async () => {
      const root = document.querySelector('.react-flow__nodes')!;
      let count = 0;
      const observer = new MutationObserver((records) => (count += records.length));
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      (document.querySelector('[aria-label="Play"]') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 3000));
      observer.disconnect();
      return count;
    });
    // At 0.25× a hop takes 3.6 s: at most one hop is reached in 3 s. Re-rendering cards every
    // frame would mean ~180 frames of mutations; a hop change costs a handful.
    expect(mutations).toBeLessThan(40);
    const commits = await page.evaluate(async () => {
      const w = window as unknown as { __commits: number };
      const before = w.__commits;
      await new Promise((r) => setTimeout(r, 3000));
      return w.__commits - before;
    });
    // Still playing (0.25×): commits happen once per hop reached, not per frame. The view's own
    // moves (the fit, the follow-pan) are compositor animations: one store write each, no frames.
    expect(commits).toBeLessThan(10);
  });
});

test.describe('every Service type, hop by hop', () => {
  test('ClusterIP by name from a pod: DNS, then DNAT on the pod\'s own node', async ({ canvas, playback }) => {
    await canvas.open();
    const podId = (await canvas.elementsOfType('pod').last().getAttribute('data-id'))!;
    await canvas.element(podId).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.to(/^web\.default\.svc\.cluster\.local:80|^web:80/);
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('Cluster DNS');
    expect(headings.some((h) => h.includes('ClusterIP'))).toBe(true);
    expect(headings.at(-1)).toContain('Pod');
    await expect(playback.root.getByText('Delivered').first()).toBeVisible();
  });

  test('NodePort from a LAN host: DNAT and masquerade on the node it entered', async ({ page, canvas, playback }) => {
    await canvas.open();
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Client on the node LAN' }).click();
    await playback.from(/laptop/);
    await playback.to(/10\.0\.1\.12:30080/);
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('NodePort');
    expect(headings.at(-1)).toContain('Pod');
    await expect(playback.root.getByText('Delivered').first()).toBeVisible();
  });

  test('ExternalName: a CNAME from cluster DNS, then straight out', async ({ page, canvas, playback }) => {
    await canvas.open();
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Service · ExternalName' }).click();
    await canvas.element((await canvas.elementsOfType('pod').first().getAttribute('data-id'))!).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.sendTo('database:80');
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('Cluster DNS');
    await expect(playback.root).toContainText('db.example.com');
  });

  test('headless: DNS answers pod IPs and the client connects straight to one', async ({ page, canvas, playback }) => {
    await canvas.open();
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Service · headless' }).click();
    await canvas.element((await canvas.elementsOfType('pod').first().getAttribute('data-id'))!).click();
    await playback.root.getByRole('button', { name: /Send from the selected pod/ }).click();
    await playback.sendTo('svc:8080');
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('Cluster DNS');
    expect(headings.every((h) => !h.includes('ClusterIP'))).toBe(true);
    await expect(playback.root.getByText('Delivered').first()).toBeVisible();
  });

  test('Ingress: the controller routes by host to the backend pods', async ({ page, canvas, playback }) => {
    await canvas.open();
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Ingress', exact: true }).click();
    await playback.to(/www\.example\.com/);
    const headings = await playback.stepThrough();
    expect(headings[0]).toContain('Load balancer');
    // The controller ends the client's connection and opens its own straight to a backend pod.
    expect(headings.at(-1)).toContain('Ingress');
    await expect(playback.packet).toHaveAttribute('data-at', /^pod:default\/web-/);
    await expect(playback.root.getByText('Delivered').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/playback-ingress.png' });
  });

  test('send 100: spread over the three pods', async ({ playback, canvas }) => {
    await canvas.open();
    await playback.root.getByRole('button', { name: 'Send 100 requests' }).click();
    await expect(playback.root.getByRole('list', { name: 'Where 100 requests went' }).getByRole('listitem')).toHaveCount(3);
  });
});
