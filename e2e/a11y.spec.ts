import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Tour } from './pages/Tour';

/**
 * Issue 15, "Readable at a glance": the canvas is one Tab stop with arrow keys between cards, moves
 * are said in a live region, the overview map is off until asked for, and axe finds nothing serious
 * on any screen or panel, in both themes and on a phone.
 */

const PHONE = { width: 390, height: 844 };

/** What the keyboard sits on, in words: tag, canvas id or label. */
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    if (el.classList.contains('react-flow__node')) return `node ${el.dataset.id}`;
    if (el.closest('.react-flow__edge')) return 'edge';
    return `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`;
  });

test.describe('keyboard', () => {
  test('the canvas is a single Tab stop between the header and Play', async ({ page, canvas, playback }) => {
    await canvas.open();
    const play = playback.button('Play');
    // From the top of the page, where the first press reaches the skip link (phone.spec.ts pins that).
    await page.locator('a', { hasText: 'Skip to the request controls' }).focus();
    const stops: string[] = [await describeFocus(page)];
    for (let i = 0; i < 60 && !(await play.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
      stops.push(await describeFocus(page));
    }
    await expect(play).toBeFocused();
    console.log(`Tab presses from the top of the page to Play: ${stops.length}\n  ${stops.join('\n  ')}`);
    expect(stops.filter((s) => s.startsWith('node ')), 'one card is the canvas stop').toHaveLength(1);
    expect(stops.filter((s) => s === 'edge'), 'edges are not stops').toHaveLength(0);
    expect(stops[0], 'the skip link comes first').toBe('a Skip to the request controls');
    // Before issue 15 it took 36 presses from the top (every card and edge a stop); 22 now: the skip
    // link, six header buttons, the kube-system fold, one card, React Flow's controls and the map's
    // switch, its attribution link, and the request controls.
    expect(stops.length).toBeLessThanOrEqual(22);
  });

  test('arrow keys move focus between cards, with a visible ring, and say where focus went', async ({ page, canvas }) => {
    await canvas.open();
    const status = page.locator('.react-flow').getByRole('status');
    await test.step('Tab enters the canvas on its first card', async () => {
      await page.getByRole('button', { name: 'About' }).focus();
      for (let i = 0; i < 4 && !(await describeFocus(page)).startsWith('node '); i++) await page.keyboard.press('Tab');
      expect(await describeFocus(page)).toBe('node svc:default/web');
    });
    await test.step('down from the Service reaches a node, right the next node', async () => {
      await page.keyboard.press('ArrowDown');
      expect(await describeFocus(page)).toMatch(/^node node:worker-/);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const leftmost = await describeFocus(page);
      await page.keyboard.press('ArrowRight');
      expect(await describeFocus(page)).not.toBe(leftmost);
      await expect(status).toContainText(/^(Node|Pod|Service|Client|Load balancer)/);
    });
    await test.step('the focused card wears a ring that is not the browser default', async () => {
      const focused = page.locator('.react-flow__node:focus');
      const ring = await focused.evaluate((el) => {
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
      });
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: '/tmp/shots-keys/focus-ring-light.png' });
    });
    await test.step('at the edge of the diagram focus stays and says so', async () => {
      await canvas.element('svc:default/web').focus();
      await page.keyboard.press('ArrowUp');
      expect(await describeFocus(page)).toBe('node svc:default/web');
      await expect(status).toHaveText(/Nothing above Service web/);
    });
    await test.step('the cards are not each a Tab stop: Tab leaves the canvas', async () => {
      await canvas.element('node:worker-2').focus();
      await page.keyboard.press('Tab');
      expect(await describeFocus(page)).not.toMatch(/^node /);
    });
  });

  test('Enter selects the focused card and Shift+arrow moves it, said in the live region, undone by Ctrl+Z', async ({ page, canvas, inspector }) => {
    await canvas.open();
    const status = page.locator('.react-flow').getByRole('status');
    await expect(status).toHaveAttribute('role', 'status'); // polite by role
    const web = canvas.element('svc:default/web');
    await web.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(status).toContainText('Service web is not selected');
    await page.keyboard.press('Enter');
    await expect(inspector.root.getByRole('heading', { name: 'Service web' })).toBeVisible();
    const before = (await canvas.box('svc:default/web')).x;
    await page.keyboard.press('Shift+ArrowRight');
    await expect(status).toContainText(/Moved Service web right, to x \d+, y \d+/);
    await expect.poll(async () => (await canvas.box('svc:default/web')).x).toBeGreaterThan(before + 5);
    await expect(web).toBeFocused();
    // Plain arrows still move focus, not the selected card.
    await page.keyboard.press('ArrowDown');
    expect(await describeFocus(page)).toMatch(/^node node:worker-/);
    await web.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await canvas.box('svc:default/web')).x)).toBe(Math.round(before));
    // The selected card is where Tab enters the canvas next.
    await expect(web).toHaveAttribute('tabindex', '0');
  });

  test('a pod moved by Shift+arrow stays on its node', async ({ page, canvas }) => {
    await canvas.open();
    const pod = canvas.elementsOfType('pod').first();
    await pod.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('.react-flow').getByRole('status');
    for (let i = 0; i < 30; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect(status).toContainText(/is at the edge of Node worker-/);
    const id = (await pod.getAttribute('data-id'))!;
    const parent = await canvas.box('node:worker-1');
    const box = await canvas.box(id);
    expect(box.x).toBeGreaterThanOrEqual(parent.x - 1);
  });
});

test.describe('overview map', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`off by default, toggled by a pressed button (${scheme})`, async ({ page, canvas }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await canvas.open();
      const toggle = page.getByRole('button', { name: 'Overview map' });
      const map = page.locator('.react-flow__minimap');
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await expect(map).toHaveCount(0);
      await page.screenshot({ path: `/tmp/shots-keys/minimap-off-${scheme}.png` });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(map).toBeVisible();
      await page.screenshot({ path: `/tmp/shots-keys/minimap-on-${scheme}.png` });
      await toggle.press('Enter');
      await expect(map).toHaveCount(0);
      await canvas.element('svc:default/web').focus();
      await page.keyboard.press('ArrowDown');
      await page.screenshot({ path: `/tmp/shots-keys/focus-ring-${scheme}.png` });
    });
  }
});

/** Selects a card the way a keyboard user does (a click may land on an edge drawn over it). */
async function selectByKeyboard(page: Page, id: string) {
  await page.locator(`.react-flow__node[data-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
}

/** A screen or panel to check: how to get there from a fresh page. */
type Screen = [name: string, open: (page: Page) => Promise<void>];
const SIDE_TAB = (name: string) => async (page: Page) => {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tabpanel')).not.toContainText('Loading…');
};
/** On a phone the header's buttons are in its menu: open it first. */
async function showHeaderButtons(page: Page): Promise<void> {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
  if (await menu.isVisible()) await menu.click();
}

const SCREENS: Screen[] = [
  ['inspector: the cluster form', async () => {}],
  ['inspector: a Service', async (page) => {
    await selectByKeyboard(page, 'svc:default/web');
    await expect(page.getByRole('heading', { name: 'Service web' })).toBeVisible();
  }],
  ['inspector: a pod', async (page) => {
    await selectByKeyboard(page, (await page.locator('.react-flow__node-pod').first().getAttribute('data-id'))!);
    await expect(page.getByRole('heading', { name: /^Pod / })).toBeVisible();
  }],
  ['inspector: a node', async (page) => {
    await selectByKeyboard(page, 'node:worker-1');
    await expect(page.getByRole('heading', { name: 'Node worker-1' })).toBeVisible();
  }],
  ['YAML', async (page) => {
    await SIDE_TAB('YAML')(page);
    await expect(page.getByTestId('yaml-editor')).toBeVisible();
  }],
  ['kubectl', SIDE_TAB('kubectl')],
  ['Rules', SIDE_TAB('Rules')],
  ['a hop, its headers and 100 requests', async (page) => {
    const playback = page.getByRole('region', { name: 'Request playback' });
    await playback.getByRole('button', { name: 'Next hop' }).click();
    await playback.getByRole('button', { name: 'Next hop' }).click();
    await playback.getByRole('button', { name: 'Send 100 requests' }).click();
    await expect(playback.getByRole('list', { name: 'Where 100 requests went' })).toBeVisible();
  }],
  ['the overview map shown', async (page) => {
    await page.getByRole('button', { name: 'Overview map' }).click();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
  }],
  ['dialog: scenarios', async (page) => {
    await showHeaderButtons(page);
    await page.getByRole('banner').getByRole('button', { name: 'Scenarios' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['dialog: tours', async (page) => {
    await showHeaderButtons(page);
    await new Tour(page).open();
  }],
  ['dialog: about', async (page) => {
    await showHeaderButtons(page);
    await page.getByRole('banner').getByRole('button', { name: 'About' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['a tour running', async (page) => {
    const tour = new Tour(page);
    await showHeaderButtons(page);
    await tour.open();
    await tour.list.getByRole('button', { name: /^(Start|Start over|Start again)$/ }).first().click();
    await expect(tour.card).toBeVisible();
  }],
];

/** Serious and critical axe findings under WCAG 2 A and AA, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const found: string[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const n of v.nodes) {
      const selector = n.target.map(String).join(' ');
      found.push(`${v.impact} ${v.id}: ${selector} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
    }
  }
  return found;
}

test.describe('axe: no serious or critical violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [['desktop', undefined], ['phone', PHONE]] as const) {
      for (const [name, open] of SCREENS) {
        test(`${name}, ${scheme}, ${size}`, async ({ page, canvas }) => {
          // axe over the whole app takes a while on a small, busy machine.
          test.setTimeout(120_000);
          if (viewport) await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme });
          // Four themes-and-sizes of the app load side by side: more patience than Canvas.open's.
          await page.goto('./');
          await expect(canvas.element('cluster')).toBeVisible({ timeout: 30_000 });
          await open(page);
          const found = await seriousViolations(page);
          if (found.length > 0) await page.screenshot({ path: `/tmp/shots-keys/axe-${scheme}-${size}-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
          expect(found).toEqual([]);
        });
      }
    }
  }
});
