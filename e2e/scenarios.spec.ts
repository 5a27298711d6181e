import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Canvas } from './pages/Canvas';
import { Scenarios } from './pages/Scenarios';

/** What each scenario draws that no other does, and the outcome of its suggested request. */
const CASES: {
  title: string;
  outcome: 'delivered' | 'refused' | 'dropped' | 'no-route';
  label: RegExp;
  drawn: (canvas: Canvas, page: Page) => Promise<void>;
  says?: RegExp;
}[] = [
  {
    title: 'ClusterIP between two apps', outcome: 'delivered', label: /Delivered/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/api')).toContainText('ClusterIP');
      await expect(canvas.element('pod:default/frontend-6b8d9c7f45-qx4tz')).toBeVisible();
    },
  },
  {
    title: 'NodePort on three nodes', outcome: 'delivered', label: /Delivered/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/web')).toContainText('NodeIP:30080');
      await expect(canvas.element('node:worker-3')).toBeVisible();
    },
  },
  {
    title: 'LoadBalancer on a cloud', outcome: 'delivered', label: /Delivered/,
    drawn: async (canvas) => {
      await expect(canvas.element('lb:default/web')).toContainText(/\d+\.\d+\.\d+\.\d+/);
      await expect(canvas.element('client:client')).toBeVisible();
    },
  },
  {
    title: 'LoadBalancer on bare metal', outcome: 'no-route', label: /No route/, says: /<pending>/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/web')).toContainText('<pending>');
    },
  },
  {
    title: 'ExternalName to an outside database', outcome: 'delivered', label: /Delivered/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/orders-db')).toContainText('CNAME → orders.c7kq2m9xz4pd.eu-west-1.rds.amazonaws.com');
    },
  },
  {
    title: 'Headless Service for a StatefulSet', outcome: 'delivered', label: /Delivered/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/db')).toContainText('headless: DNS returns pod IPs');
      await expect(canvas.element('pod:default/db-0')).toBeVisible();
    },
  },
  {
    title: 'Ingress: two hosts, two Services', outcome: 'delivered', label: /Delivered/,
    drawn: async (canvas) => {
      await expect(canvas.element('ingress:default/sites')).toBeVisible();
      await expect(canvas.element('svc:ingress-nginx/ingress-nginx-controller')).toBeVisible();
      await expect(canvas.element('svc:default/blog')).toBeVisible();
      await expect(canvas.element('svc:default/shop')).toBeVisible();
    },
  },
  {
    title: 'externalTrafficPolicy: Local vs Cluster', outcome: 'dropped', label: /Dropped/, says: /externalTrafficPolicy|Local/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/web-local')).toContainText('NodeIP:30081');
      await expect(canvas.element('svc:default/web-cluster')).toContainText('NodeIP:30080');
    },
  },
  {
    title: 'internalTrafficPolicy: Local and externalIPs', outcome: 'dropped', label: /Dropped/, says: /internalTrafficPolicy: Local/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/node-cache')).toBeVisible();
      await expect(canvas.element('svc:default/status')).toBeVisible();
    },
  },
  {
    title: 'Why does my Service have no endpoints?', outcome: 'refused', label: /Refused/, says: /the selector wants app=payment, but the pod has app=payments/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/payments')).toBeVisible();
      await expect(canvas.element('pod:default/checkout')).toBeVisible();
    },
  },
  {
    title: '“Connection refused” from a Service', outcome: 'refused', label: /Refused/, says: /no container there declares 80\/TCP/,
    drawn: async (canvas) => {
      await expect(canvas.element('svc:default/web')).toContainText('80→80/TCP');
    },
  },
];

test.describe('scenario picker', () => {
  test('opens from the toolbar, is a labelled modal, and Escape returns focus to its button', async ({ page, canvas }) => {
    const scenarios = new Scenarios(page);
    await canvas.open();
    // Under automation and with no ?picker, the first visit does not open it by itself.
    await expect(scenarios.dialog).toBeHidden();
    await scenarios.open();
    await expect(scenarios.dialog.getByRole('heading', { name: 'Start from a scenario' })).toBeVisible();
    await expect(scenarios.scenario('ClusterIP between two apps')).toBeFocused();
    await expect(scenarios.dialog.getByRole('listitem')).toHaveCount(CASES.length);
    expect(await scenarios.dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(scenarios.dialog).toBeHidden();
    await expect(scenarios.opener).toBeFocused();
    expect(await page.evaluate(() => localStorage.getItem('service-explainer:seen-picker'))).not.toBeNull();
  });

  test('every scenario loads, draws what it is about, and its request gives the documented outcome', async ({ page, canvas, playback }) => {
    // Eleven scenarios in one test: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    const scenarios = new Scenarios(page);
    await canvas.open();
    for (const c of CASES) {
      await test.step(c.title, async () => {
        await scenarios.load(c.title);
        await c.drawn(canvas, page);
        await playback.finish();
        await expect(playback.packet).toHaveAttribute('data-outcome', c.outcome);
        await expect(playback.root.getByText(c.label).first()).toBeVisible();
        if (c.says) await expect(playback.root).toContainText(c.says);
        if (c.title.startsWith('Ingress') || c.title.startsWith('externalTrafficPolicy')) {
          await page.screenshot({ path: `test-results/scenario-${c.title.startsWith('Ingress') ? 'ingress' : 'traffic-policy'}.png` });
        }
      });
    }
  });

  test('a scenario whose manifests do not parse says so and leaves the cluster alone', async ({ page, canvas }) => {
    const scenarios = new Scenarios(page);
    // Serve the ClusterIP scenario's manifest chunk with broken YAML in it.
    await page.route(/\/assets\/clusterip-[^/]*\.js$/, (route) => route.fulfill({
      contentType: 'text/javascript',
      body: 'export default "apiVersion: v1\\nkind: Service\\nmetadata: {name: api\\nspec: [";',
    }));
    await canvas.open();
    await scenarios.open();
    await scenarios.scenario('ClusterIP between two apps').click();
    await expect(scenarios.dialog.getByRole('alert')).toContainText('could not be loaded');
    await expect(scenarios.dialog.getByRole('alert')).toContainText('do not parse');
    await expect(scenarios.dialog).toBeVisible();
    await page.screenshot({ path: 'test-results/scenario-picker-error.png' });
    await page.keyboard.press('Escape');
    await expect(canvas.element('lb:default/web')).toBeVisible();
    await expect(canvas.element('svc:default/api')).toHaveCount(0);
  });

  test('loading a scenario is undoable', async ({ page, canvas }) => {
    const scenarios = new Scenarios(page);
    await canvas.open();
    await scenarios.load('Headless Service for a StatefulSet');
    await expect(canvas.element('svc:default/db')).toBeVisible();
    await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: /Undo/ }).click();
    await expect(canvas.element('svc:default/db')).toHaveCount(0);
    await expect(canvas.element('lb:default/web')).toBeVisible();
  });

  test('?picker opens it on load; screenshots in light and dark', async ({ page, canvas }) => {
    const scenarios = new Scenarios(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await canvas.open('./?picker');
      await expect(scenarios.dialog).toBeVisible();
      await expect(scenarios.scenario('ClusterIP between two apps')).toBeVisible();
      await page.screenshot({ path: `test-results/scenario-picker-${scheme}.png` });
    }
  });
});
