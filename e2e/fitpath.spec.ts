import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Tour } from './pages/Tour';
import { READABLE_ZOOM } from '../src/canvas/layoutMetrics';

/** The catalog's scenario ids (src/model/scenarios/catalog.ts). */
const SCENARIOS = ['clusterip', 'nodeport', 'loadbalancer-cloud', 'loadbalancer-bare-metal', 'externalname', 'headless', 'ingress', 'traffic-policy', 'external-ips', 'no-endpoints', 'connection-refused'];

const toolbar = (page: Page) => page.getByRole('region', { name: 'Request playback' }).getByRole('toolbar', { name: 'Playback' });

/**
 * The cards of a request's path, learnt on a page of its own (stepping moves the view there, not on
 * the page under test): where the packet waits, then both cards of every hop.
 */
async function pathOf(browser: Browser, url: string, size: { width: number; height: number }): Promise<string[]> {
  const page = await browser.newPage({ viewport: size, reducedMotion: 'reduce' });
  await page.goto(url);
  const packet = page.getByTestId('packet');
  await expect(packet).toHaveAttribute('data-at', /.+/);
  const ids = new Set([(await packet.getAttribute('data-at'))!]);
  const next = toolbar(page).getByRole('button', { name: 'Next hop' });
  await expect(next).toHaveAttribute('aria-disabled', /true|false/);
  for (let i = 0; i < 20 && (await next.getAttribute('aria-disabled')) === 'false'; i++) {
    await next.click();
    await expect(page.getByRole('region', { name: 'Request playback' }).getByText(new RegExp(`^Hop ${i + 1} of`))).toBeVisible();
    await expect(page.locator('.react-flow__node[data-hop]').first()).toBeVisible();
    for (const id of await page.locator('.react-flow__node[data-hop]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))) ids.add(id);
  }
  await page.close();
  // Only what the canvas draws (a host outside the cluster has no card).
  return [...ids];
}

/** Waits until the viewport stops changing (a fit's move is over). */
async function settle(page: Page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(120);
  }
}

interface Seen {
  zoom: number;
  /** The path's cards' bounds on screen, divided by the zoom: its size in flow pixels. */
  path: { width: number; height: number };
  pane: { width: number; height: number };
  /** Path cards not wholly inside the canvas, or under something docked on it. */
  outside: string[];
  /** The smallest visible card or edge-label text on screen, in px (as e2e/textsize.spec.ts measures). */
  minText: number;
  minTextAt: string;
}

async function look(page: Page, ids: string[]): Promise<Seen> {
  return page.evaluate((ids) => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const canvas = document.querySelector<HTMLElement>('.react-flow')!;
    const pane = canvas.getBoundingClientRect();
    const covers = [...canvas.querySelectorAll('.react-flow__panel'), ...[...canvas.parentElement!.children].filter((c) => c !== canvas)]
      .map((e) => e.getBoundingClientRect()).filter((r) => r.width >= 4 && r.height >= 4);
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const rects = ids.flatMap((id) => {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      return el ? [el.getBoundingClientRect()] : [];
    });
    const path = {
      width: (Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left))) / zoom,
      height: (Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top))) / zoom,
    };
    const outside = ids.filter((id) => {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const inside = r.left >= pane.left - 1 && r.top >= pane.top - 1 && r.right <= pane.right + 1 && r.bottom <= pane.bottom + 1;
      return !inside || covers.some((c) => overlaps(c, r));
    });
    let minText = Infinity;
    let minTextAt = '';
    for (const root of document.querySelectorAll<HTMLElement>('.react-flow__node, .react-flow__edgelabel-renderer')) {
      for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
        if (!own || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
        if (px < minText) {
          minText = px;
          minTextAt = `${el.closest('.react-flow__node')?.getAttribute('data-id') ?? 'edge label'} "${own.slice(0, 30)}"`;
        }
      }
    }
    return { zoom, path, pane: { width: pane.width, height: pane.height }, outside, minText, minTextAt };
  }, ids);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Whether the packet (its dot) is wholly inside the canvas. */
const packetInView = (page: Page) =>
  page.evaluate(() => {
    const dot = document.querySelector('[data-testid="packet"]')!.getBoundingClientRect();
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return dot.width > 0 && dot.left >= pane.left && dot.top >= pane.top && dot.right <= pane.right && dot.bottom <= pane.bottom;
  });

const transformOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);

/**
 * After Play, the path is on show: every card of it in view and clear of what is docked on the
 * canvas, or, for a path too long for a readable zoom in this view, the view at the smallest
 * readable zoom with the packet in it. Text stays at least 11 px (measured as e2e/textsize.spec.ts does).
 */
async function playAndCheck(page: Page, ids: string[], label: string, report: string[]) {
  const before = await look(page, ids);
  const play = toolbar(page).getByRole('button', { name: 'Play' });
  // A request that stops before its first hop has nothing to play.
  if ((await play.getAttribute('aria-disabled')) === 'true') return void report.push(`${label}: stops before its first hop`);
  await play.click();
  await page.waitForTimeout(150);
  await settle(page);
  const after = await look(page, ids);
  const atReadableLimit = Math.abs(after.zoom - READABLE_ZOOM) < 0.005;
  report.push(`${label}: zoom ${round(before.zoom)} → ${round(after.zoom)}, ${ids.length} cards, ${after.outside.length ? `${atReadableLimit ? 'too long for a readable zoom, ' : ''}not in view: ${after.outside.join(' ')}` : 'all in view'}, text ≥ ${round(after.minText)} px (${after.minTextAt})`);
  expect.soft(after.minText, `${label}: ${after.minTextAt}`).toBeGreaterThanOrEqual(11);
  expect.soft(after.zoom, label).toBeGreaterThanOrEqual(READABLE_ZOOM - 0.005);
  expect.soft(after.zoom, label).toBeLessThanOrEqual(1.005);
  if (!atReadableLimit) expect.soft(after.outside, label).toEqual([]);
  expect.soft(await packetInView(page), `${label}: the packet is in view`).toBe(true);
}

test.describe('the view follows a playing request', () => {
  test.describe.configure({ timeout: 150_000 });

  for (const [name, size] of [
    ['800×560', { width: 800, height: 560 }],
    ['1440×900', { width: 1440, height: 900 }],
    ['390×844', { width: 390, height: 844 }],
  ] as const) {
    test(`an embed at ${name}: after Play the path is in view at a readable size, for every scenario`, async ({ page, browser }) => {
      await page.setViewportSize(size);
      const report: string[] = [];
      for (const id of SCENARIOS) {
        const url = `./?embed&scenario=${id}`;
        const ids = await pathOf(browser, url, size);
        await page.goto(url);
        await expect(page.getByTestId('packet')).toHaveAttribute('data-at', /.+/);
        await playAndCheck(page, ids, id, report);
      }
      console.log(`[fitpath embed ${name}]\n${report.join('\n')}`);
    });
  }

  for (const [name, size, scheme] of [
    ['1440×900, light', { width: 1440, height: 900 }, 'light'],
    ['1440×900, dark', { width: 1440, height: 900 }, 'dark'],
    ['phone 390×844', { width: 390, height: 844 }, 'light'],
  ] as const) {
    test(`the app at ${name}: Play fits the view to the path`, async ({ page, browser }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const ids = await pathOf(browser, './', size);
      await page.goto('./');
      await expect(page.getByTestId('packet')).toHaveAttribute('data-at', /.+/);
      const report: string[] = [];
      await playAndCheck(page, ids, 'loadbalancer-cloud', report);
      console.log(`[fitpath app ${name}]\n${report.join('\n')}`);
      // Mid-way through the request, for a person to look at.
      await expect(page.getByRole('region', { name: 'Request playback' }).getByText(/^Hop 3 of/)).toBeVisible({ timeout: 10_000 });
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/fitpath-app-${size.width}-${scheme}.png` });
    });
  }

  test('an 800×560 embed, light and dark, mid-way through a request', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 560 });
    for (const theme of ['light', 'dark']) {
      await page.goto(`./?embed&scenario=nodeport&theme=${theme}`);
      await toolbar(page).getByRole('button', { name: 'Play' }).click();
      await expect(page.getByText(/^Hop 3 of/)).toBeVisible({ timeout: 10_000 });
      expect(await packetInView(page)).toBe(true);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/fitpath-embed-800-${theme}.png` });
    }
  });

  test('once the person pans, the view is theirs until the next play', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 560 });
    await page.goto('./?embed&scenario=loadbalancer-cloud');
    await expect(page.getByTestId('packet')).toHaveAttribute('data-at', /.+/);
    const panel = page.getByRole('region', { name: 'Request playback' });
    await panel.getByLabel('Speed').selectOption('0.5');
    const start = await transformOf(page);
    await toolbar(page).getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(150);
    await settle(page);
    const fitted = await transformOf(page);
    expect(fitted).not.toBe(start);
    // The mouse wheel zooms the view.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, 300);
    await settle(page);
    const panned = await transformOf(page);
    expect(panned).not.toBe(fitted);
    // The packet goes on (at 0.5× a hop takes 1.8 s) and the view stays where the person put it.
    await expect(panel.getByText(/^Hop 3 of/)).toBeVisible({ timeout: 10_000 });
    await page.waitForTimeout(600);
    expect(await transformOf(page)).toBe(panned);
    await expect(page.getByTestId('packet')).toHaveAttribute('data-outcome', 'delivered', { timeout: 15_000 });
    expect(await transformOf(page)).toBe(panned);
    // The next play follows again: the view moves back to the path.
    await toolbar(page).getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(150);
    await settle(page);
    expect(await transformOf(page)).not.toBe(panned);
    expect(await packetInView(page)).toBe(true);
  });

  test('under reduced motion the view jumps to the path instead of moving there', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 800, height: 560 });
    await page.goto('./?embed&scenario=headless');
    await expect(page.getByTestId('packet')).toHaveAttribute('data-at', /.+/);
    const start = await transformOf(page);
    // Stepping from the start is a run too.
    await toolbar(page).getByRole('button', { name: 'Next hop' }).click();
    // The fit comes a few frames later, in one go: no frame between the start and the end.
    const frames = await page.evaluate(async () => {
      const v = document.querySelector('.react-flow__viewport')!;
      const seen: string[] = [];
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const t = getComputedStyle(v).transform;
        if (seen.at(-1) !== t) seen.push(t);
      }
      return seen;
    });
    expect(frames.at(-1)).not.toBe(start);
    expect(frames.filter((t) => t !== start)).toHaveLength(1);
  });
});

test('importing a whole new cluster fits it to the view, as a scenario does', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
  // The person has moved the view far from the diagram.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width - 20, pane.y + pane.height - 20);
  await page.mouse.down();
  await page.mouse.move(pane.x + 20, pane.y + 20, { steps: 10 });
  await page.mouse.up();
  await settle(page);
  // A small edit (one more card) leaves the view where the person put it.
  const moved = await transformOf(page);
  await page.getByText('Add…').click();
  await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Client on the node LAN' }).click();
  await expect(page.locator('.react-flow__node-client')).toHaveCount(2);
  await page.waitForTimeout(300);
  expect(await transformOf(page)).toBe(moved);
  await page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: 'YAML' }).click();
  const panel = page.getByRole('region', { name: 'YAML' });
  await expect(panel.getByTestId('yaml-editor')).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(readFileSync('e2e/data/kubectl-get-all.yaml', 'utf8'));
  await panel.getByRole('button', { name: 'Replace the whole cluster' }).click();
  await expect(page.locator('.react-flow__node[data-id="node:ip-10-20-1-17"]')).toBeVisible();
  await settle(page);
  const inView = await page.evaluate(() => {
    const box = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cluster = document.querySelector('.react-flow__node[data-id="cluster"]')!.getBoundingClientRect();
    return cluster.left >= box.left && cluster.top >= box.top && cluster.right <= box.right && cluster.bottom <= box.bottom;
  });
  expect(inView).toBe(true);
});

test('with a tour card docked on the canvas, Play fits the path beside it, not under it', async ({ page }) => {
  const size = { width: 1440, height: 900 };
  await page.setViewportSize(size);
  await page.goto('./');
  await expect(page.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
  const tour = new Tour(page);
  await tour.start('Is NodeIP:NodePort the same as ClusterIP:NodePort?');
  await settle(page);
  // The tour's first step puts a request on show; each hop's cards, as they light, are clear of the card.
  await toolbar(page).getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(150);
  await settle(page);
  const lit = new Set<string>();
  for (let i = 0; i < 8; i++) {
    for (const id of await page.locator('.react-flow__node[data-hop]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))) lit.add(id);
    if ((await page.getByTestId('packet').getAttribute('data-outcome')) !== 'moving') break;
    const seen = await look(page, [...lit]);
    expect.soft(seen.outside, 'lit cards clear of the tour card').toEqual([]);
    await page.waitForTimeout(500);
  }
  expect(lit.size).toBeGreaterThan(0);
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/fitpath-tour-1440.png` });
});
