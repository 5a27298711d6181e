import { test, expect } from './fixtures';
import { Tour } from './pages/Tour';

test.describe('guided tours', () => {
  test('NodeIP:NodePort vs ClusterIP:NodePort, end to end: the second trace is dropped and says why', async ({ page, canvas, playback }) => {
    // Seven steps with screenshots in two colour schemes: past 30 s on a busy machine.
    test.setTimeout(90_000);
    const tour = new Tour(page);
    await canvas.open();

    await test.step('the list offers the tours; starting one loads its scenario', async () => {
      await tour.open();
      await expect(tour.list.getByRole('listitem')).toHaveCount(7);
      await tour.start('Is NodeIP:NodePort the same as ClusterIP:NodePort?');
      await expect(tour.list).toBeHidden();
      await expect(tour.card).toBeFocused();
      await expect(tour.card).toContainText('Step 1 of 7');
      await expect(canvas.element('svc:default/web')).toContainText('NodeIP:30080');
      // Addresses come from the cluster on show.
      const clusterIP = (await canvas.element('svc:default/web').textContent())!.match(/(10\.\d+\.\d+\.\d+):80(?!\d)/)![1]!;
      await expect(tour.card).toContainText(`a ClusterIP, ${clusterIP}, and a nodePort, 30080`);
      await page.screenshot({ path: 'test-results/tour-nodeport-step1.png' });
    });

    await test.step('first trace: NodeIP:nodePort from the LAN, played by the reader', async () => {
      await tour.goNext(2);
      await expect(playback.hopHeading).toContainText('Hop 2 of 4');
      await tour.next.click();
      await tour.expectStep(3);
      await expect(tour.next).toBeDisabled();
      await expect(tour.card).toContainText('Next unlocks once you have done it.');
      await playback.button('Play').click();
      await expect(tour.next).toBeEnabled({ timeout: 15_000 });
      await expect(tour.card).toContainText(/Delivered: worker-3 rewrote the destination/);
      await expect(playback.root).toContainText('Delivered');
    });

    await test.step('second trace: ClusterIP:nodePort from a node ends dropped, with the reason', async () => {
      await tour.goNext(4);
      await expect(tour.card).toContainText('The trace ends Dropped.');
      await expect(playback.root).toContainText('Dropped');
      await expect(playback.root).toContainText(/In iptables mode no kube-proxy rule on worker-1 matches port 30080/);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await page.screenshot({ path: `test-results/tour-nodeport-dropped-${scheme}.png` });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });

    await test.step('the same request in nftables mode: the card compares the two outcomes of the traces', async () => {
      await tour.goNext(5);
      const outcome = (await playback.packet.getAttribute('data-outcome'))!;
      await expect(tour.card).toContainText(/This time the trace ends \w[\w ]*, where iptables mode ended Dropped\./);
      expect(outcome).toBeTruthy();
      await page.screenshot({ path: 'test-results/tour-nodeport-nftables.png' });
    });

    await test.step('from the LAN there is no route; the right pair is delivered; Finish closes', async () => {
      await tour.goNext(6);
      await expect(playback.root).toContainText('No route');
      await tour.goNext(7);
      await expect(playback.root).toContainText('Delivered');
      await expect(tour.next).toHaveText('Finish');
      await tour.back.click();
      await tour.expectStep(6);
      await expect(playback.root).toContainText('No route');
      await tour.goNext(7);
      await tour.next.click();
      await expect(tour.card).toBeHidden();
      await expect(tour.opener).toBeFocused();
      await tour.open();
      await expect(tour.entry('Is NodeIP:NodePort the same as ClusterIP:NodePort?')).toContainText('Completed');
    });
  });

  test('a try-it step waits for the reader: Next stays disabled until the Service is edited in the inspector', async ({ page, canvas, inspector }) => {
    const tour = new Tour(page);
    await canvas.open();
    await tour.start('ClusterIP ⊂ NodePort ⊂ LoadBalancer');
    await expect(canvas.element('svc:default/web')).not.toContainText('NodeIP:');
    await tour.goNext(2);
    await tour.goNext(3);
    await expect(tour.card).toContainText('set Type to NodePort');
    await expect(tour.next).toBeDisabled();
    // A disabled Next does nothing.
    await tour.next.click({ force: true });
    await tour.expectStep(3);

    await inspector.field(/^Type/).selectOption('NodePort');
    await expect(tour.next).toBeDisabled();
    await inspector.apply();
    await expect(tour.next).toBeEnabled();
    await expect(tour.card).toContainText('Done.');
    const nodePort = (await tour.card.textContent())!.match(/picked nodePort (\d+)/)![1]!;
    await expect(canvas.element('svc:default/web')).toContainText(`NodeIP:${nodePort}`);
    await page.screenshot({ path: 'test-results/tour-try-it-done.png' });
    await tour.goNext(4);
    await expect(tour.card).toContainText(`10.0.1.10:${nodePort}`);
  });

  test('a try-it by drag: moving the client pod moves the DNAT to its new node', async ({ page, canvas }) => {
    const tour = new Tour(page);
    await canvas.open();
    await tour.start('Why is the client inside the node in the docs\' diagram?');
    for (const n of [2, 3, 4, 5]) await tour.goNext(n);
    await expect(tour.next).toBeDisabled();
    // Fold the card away so it does not sit over the pod.
    await tour.card.getByRole('button', { name: 'Hide the tour text' }).click();
    await canvas.dragOnto('pod:default/frontend-6b8d9c7f45-qx4tz', 'node:worker-2');
    await expect(tour.next).toBeEnabled();
    await tour.card.getByRole('button', { name: 'Show the tour text' }).click();
    await expect(tour.card).toContainText(/frontend now runs on worker-2 .* the rules on worker-2 do the rewrite now/);
  });

  test('resumes where the reader left off after a reload, or starts over', async ({ page, canvas, playback }) => {
    const tour = new Tour(page);
    await canvas.open();
    await tour.start('port, targetPort and nodePort');
    await tour.goNext(2);
    await tour.goNext(3);
    await expect(playback.hopHeading).toContainText(/Hop 2 of \d/);

    await page.reload();
    await expect(canvas.element('cluster')).toBeVisible();
    await expect(tour.card).toBeHidden();
    await tour.open();
    const entry = tour.entry('port, targetPort and nodePort');
    await expect(entry).toContainText('Left at step 3 of 6');
    await expect(entry.getByRole('button', { name: 'Resume at step 3' })).toBeFocused();
    await entry.getByRole('button', { name: 'Resume at step 3' }).click();
    await tour.expectStep(3);
    await expect(tour.card).toContainText('The load balancer forwards to');
    await expect(playback.hopHeading).toContainText(/Hop 2 of \d/);
    await tour.skip.click();
    await expect(tour.card).toBeHidden();

    await tour.open();
    await tour.entry('port, targetPort and nodePort').getByRole('button', { name: 'Start over' }).click();
    await tour.expectStep(1);
  });

  test('keyboard only, through a whole tour', async ({ page, canvas }) => {
    const tour = new Tour(page);
    await canvas.open();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // Tab to the header's Tours button.
    for (let i = 0; i < 15 && !(await tour.opener.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(tour.opener).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tour.list).toBeVisible();
    const start = tour.entry('ExternalName and headless: Services with no proxy at all').getByRole('button', { name: 'Start' });
    for (let i = 0; i < 10 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(start).toBeFocused();
    await page.keyboard.press('Enter');
    await tour.expectStep(1);
    await expect(tour.card).toBeFocused();
    for (let i = 0; i < 8 && !(await tour.next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(tour.next).toBeFocused();
    await page.screenshot({ path: 'test-results/tour-keyboard-focus.png' });
    for (const n of [2, 3, 4, 5]) {
      await page.keyboard.press('Enter');
      await tour.expectStep(n);
      await expect(tour.next).toBeFocused();
    }
    await expect(tour.next).toHaveText('Finish');
    await page.keyboard.press('Enter');
    await expect(tour.card).toBeHidden();
    await expect(tour.opener).toBeFocused();

    // Escape leaves a tour from anywhere in its card, keeping the place.
    await page.keyboard.press('Enter');
    await expect(tour.list).toBeVisible();
    await tour.start('Ingress: one load balancer, many Services');
    await page.keyboard.press('Escape');
    await expect(tour.card).toBeHidden();
    await expect(tour.opener).toBeFocused();
  });

  test('tours state their exceptions: the nesting, node vs IP targets, and an Ingress 404 is an HTTP answer', async ({ page, canvas, playback }) => {
    // Three tours walked in one test.
    test.setTimeout(90_000);
    const tour = new Tour(page);
    await canvas.open();

    await test.step('ClusterIP ⊂ NodePort ⊂ LoadBalancer names when the nesting does not hold', async () => {
      await tour.start('ClusterIP ⊂ NodePort ⊂ LoadBalancer');
      await tour.goNext(2);
      await tour.goNext(3);
      await tour.doItForMe.click();
      for (const n of [4, 5, 6]) await tour.goNext(n);
      await expect(tour.card).toContainText('allocateLoadBalancerNodePorts: false');
      await expect(tour.card).toContainText('targets pod IPs');
      // The Layers box draws the three layers this LoadBalancer really has.
      const layers = playback.root.getByLabel('Service layers');
      for (const layer of ['LoadBalancer', 'NodePort', 'ClusterIP']) await expect(layers).toContainText(layer);
      await tour.skip.click();
    });

    await test.step('the cloud load balancer: machines and a port only with node targets', async () => {
      await tour.open();
      await tour.start('What does the cloud load balancer actually send to?');
      await expect(tour.card).toContainText('With node targets, as here, it knows a list of machines and a port, nothing about pods.');
      await expect(tour.card).toContainText('they send straight to pod IPs');
      await tour.goNext(2);
      await expect(tour.card).toContainText('others simply probe the nodePort');
      for (const n of [3, 4, 5]) await tour.goNext(n);
      await expect(tour.card).toContainText('a proxying balancer');
      await tour.skip.click();
    });

    await test.step('Ingress: an unknown host gets HTTP 404 from the controller, not a refusal', async () => {
      await tour.open();
      await tour.start('Ingress: one load balancer, many Services');
      for (const n of [2, 3, 4, 5, 6]) await tour.goNext(n);
      await expect(tour.card).toContainText('with HTTP 404');
      await expect(tour.card).toContainText('HTTP error from the proxy');
      await expect(playback.root).toContainText('HTTP error from the proxy');
      await expect(playback.root).not.toContainText('Refused');
      await expect(playback.packet).toHaveAttribute('data-outcome', 'http-error');
    });
  });
});
