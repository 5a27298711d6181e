import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Scenarios } from './pages/Scenarios';

/** The catalog, by id and picker title (src/model/scenarios/catalog.ts). */
const SCENARIOS: { id: string; title: string }[] = [
  { id: 'clusterip', title: 'ClusterIP between two apps' },
  { id: 'nodeport', title: 'NodePort on three nodes' },
  { id: 'loadbalancer-cloud', title: 'LoadBalancer on a cloud' },
  { id: 'loadbalancer-bare-metal', title: 'LoadBalancer on bare metal' },
  { id: 'externalname', title: 'ExternalName to an outside database' },
  { id: 'headless', title: 'Headless Service for a StatefulSet' },
  { id: 'ingress', title: 'Ingress: two hosts, two Services' },
  { id: 'traffic-policy', title: 'externalTrafficPolicy: Local vs Cluster' },
  { id: 'external-ips', title: 'internalTrafficPolicy: Local and externalIPs' },
  { id: 'no-endpoints', title: 'Why does my Service have no endpoints?' },
  { id: 'connection-refused', title: '“Connection refused” from a Service' },
];

interface Measured {
  zoom: number;
  /** The smallest on-screen text size of any visible card text, with where it is. */
  min: { px: number; text: string; card: string };
  /** Per selector of interest (`names`, `addresses`), the smallest size. */
  keyMin: { names: number; addresses: number };
  count: number;
}

/**
 * How text is measured: every visible text run inside a card (a `.react-flow__node`, the cluster
 * box included) whose element has a non-empty own text node and a non-empty box on screen. Its
 * on-screen size is its computed font-size times the scale of `.react-flow__viewport` (React Flow
 * scales the whole flow with one CSS transform, so that product is the glyph size a reader sees).
 * Edge labels (`.react-flow__edgelabel-renderer`) are measured the same way. `names` are the
 * `.lod-name` elements; `addresses` the `[data-key-address]` ones (the address each card is about).
 */
async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    let min = { px: Infinity, text: '', card: '' };
    const keyMin = { names: Infinity, addresses: Infinity };
    let count = 0;
    const scope = [...document.querySelectorAll<HTMLElement>('.react-flow__node, .react-flow__edgelabel-renderer')];
    for (const root of scope) {
      const all = [root, ...root.querySelectorAll<HTMLElement>('*')];
      for (const el of all) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
        if (!own) continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Off the canvas (scrolled away) is not part of the default view.
        if (r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
        count++;
        const card = el.closest('.react-flow__node')?.getAttribute('data-id') ?? 'edge label';
        if (px < min.px) min = { px, text: own.slice(0, 40), card };
        if (el.closest('.lod-name')) keyMin.names = Math.min(keyMin.names, px);
        if (el.closest('[data-key-address]')) keyMin.addresses = Math.min(keyMin.addresses, px);
      }
    }
    return { zoom, min, keyMin, count };
  });
}

/** Waits until the fit to the new diagram has settled (the viewport stops changing). */
async function settle(page: Page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

test.describe('readable at a glance', () => {
  test.describe.configure({ timeout: 120_000 });

  test('at 1440×900, every card text of every scenario is at least 11 px on screen', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
    const scenarios = new Scenarios(page);
    const report: string[] = [];
    for (const { title, id } of SCENARIOS) {
      await scenarios.load(title);
      await settle(page);
      const m = await measure(page);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/app-${id}.png` });
      report.push(`${id}: min ${round(m.min.px)} px (${m.min.card} "${m.min.text}") at zoom ${round(m.zoom * 100) / 100}, ${m.count} texts`);
      expect.soft(m.min.px, `${id}: "${m.min.text}" in ${m.min.card}`).toBeGreaterThanOrEqual(11);
    }
    console.log(`[textsize 1440×900]\n${report.join('\n')}`);
  });

  test('in an 800×560 embed, names and key addresses are at least 10 px on screen', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 560 });
    const report: string[] = [];
    for (const { id } of SCENARIOS) {
      await page.goto(`./?embed&scenario=${id}`);
      await expect(page.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
      await settle(page);
      const m = await measure(page);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/embed-${id}.png` });
      report.push(`${id}: names ${round(m.keyMin.names)} px, addresses ${round(m.keyMin.addresses)} px, any text ${round(m.min.px)} px (${m.min.card} "${m.min.text}") at zoom ${round(m.zoom * 100) / 100}`);
      expect.soft(m.keyMin.names, `${id} names`).toBeGreaterThanOrEqual(10);
      expect.soft(m.keyMin.addresses, `${id} key addresses`).toBeGreaterThanOrEqual(10);
    }
    console.log(`[textsize 800×560 embed]\n${report.join('\n')}`);
  });
});

test('a LoadBalancer on bare metal is a pending ghost with no edges; the packet shows only where a card is', async ({ page }) => {
  await page.goto('./?embed&scenario=loadbalancer-bare-metal');
  const lb = page.locator('.react-flow__node[data-id="lb:default/web"]');
  await expect(lb).toBeVisible();
  await expect(lb.locator('[data-ghost]')).toBeVisible();
  await expect(lb).toHaveAttribute('aria-label', /pending/);
  await expect(lb).toContainText('<pending>');
  await expect(lb.getByTestId('lb-pending')).toContainText('no load balancer controller');
  // Nothing goes into or out of a load balancer that does not exist.
  await expect(page.locator('.react-flow__edge[data-id*="lb:default/web"]')).toHaveCount(0);
  // The request stops before it leaves the laptop: the packet waits on the laptop's card.
  const packet = page.getByTestId('packet');
  await expect(packet).toHaveAttribute('data-at', 'client:laptop');
  await expect(packet).toBeVisible();
  const onCard = await page.evaluate(() => {
    const dot = document.querySelector('[data-testid="packet"]')!.getBoundingClientRect();
    const card = document.querySelector('.react-flow__node[data-id="client:laptop"]')!.getBoundingClientRect();
    const x = dot.x + dot.width / 2;
    const y = dot.y + dot.height / 2;
    return x >= card.left && x <= card.right && y >= card.top && y <= card.bottom;
  });
  expect(onCard).toBe(true);

  // ExternalName: the last hop leaves for a host the canvas does not draw, so the packet is hidden there.
  await page.goto('./?embed&scenario=externalname&step=3');
  await expect(page.getByText(/^Hop 3 of 3/)).toBeVisible();
  await expect(packet).toHaveAttribute('data-at', /^external:/);
  await expect(packet).toBeHidden();
});
