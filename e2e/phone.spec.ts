import type { Locator, Page } from '@playwright/test';
import { test, expect as baseExpect } from './fixtures';
import type { Canvas } from './pages/Canvas';
import { Tour } from './pages/Tour';

// Generous waits: these run beside other suites on a small shared machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

/** Canvas.open with a longer wait for the first paint. */
async function open(canvas: Canvas, path = './') {
  await canvas.page.goto(path);
  await expect(canvas.element('cluster')).toBeVisible({ timeout: 30_000 });
}

/** An iPhone 12–15 sized window (CSS pixels); no mobile zoom-out, so any overflow shows as scroll. */
const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);

/** A box's part inside the window, in px² (0 when it is off screen). */
async function visibleArea(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) return 0;
  const size = page.viewportSize()!;
  const w = Math.max(0, Math.min(box.x + box.width, size.width) - Math.max(box.x, 0));
  const h = Math.max(0, Math.min(box.y + box.height, size.height) - Math.max(box.y, 0));
  return w * h;
}

/**
 * The first lines inside the window, without scrolling anything: a long explanation goes on below,
 * in the sheet's own scroll (the page itself never scrolls; the test checks scrollY).
 */
async function expectStartsOnFirstScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'on screen').not.toBeNull();
  const size = page.viewportSize()!;
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 0.5);
  // At least three lines of it.
  expect(box!.y + Math.min(box!.height, 60)).toBeLessThanOrEqual(size.height + 0.5);
}

/** Fully inside the window, without scrolling anything. */
async function expectOnFirstScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'on screen').not.toBeNull();
  const size = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height + 0.5);
}

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: PHONE });

  const menuButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
  const openMenu = async (page: Page) => {
    const toggle = menuButton(page);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  };

  test('the page never scrolls sideways: at rest, after a hop, with a tour open', async ({ page, canvas, playback }) => {
    await open(canvas);
    expect(await page.evaluate(() => innerWidth)).toBe(PHONE.width);
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    await playback.button('Next hop').click();
    await expect(playback.hopHeading).toContainText('Hop 1 of');
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    await openMenu(page);
    expect(await sideways(page), 'with the menu open').toBeLessThanOrEqual(0);
    const tour = new Tour(page);
    await tour.start('ClusterIP ⊂ NodePort ⊂ LoadBalancer');
    await expect(tour.card).toBeVisible();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });

  test('the header folds its actions into a menu that keyboard and pointer both work', async ({ page, canvas }) => {
    await open(canvas);
    const toggle = menuButton(page);
    const banner = page.getByRole('banner');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(banner.getByRole('button', { name: 'Copy link' })).toBeHidden();

    await test.step('Enter opens it, Escape folds it and focus returns to the toggle', async () => {
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(banner.getByRole('button', { name: 'Scenarios' })).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(banner.getByRole('button', { name: 'Scenarios' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(toggle).toBeFocused();
    });

    await test.step('a press outside folds it', async () => {
      await openMenu(page);
      await page.mouse.click(PHONE.width / 2, PHONE.height - 20);
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    });

    await test.step('Scenarios', async () => {
      await openMenu(page);
      await banner.getByRole('button', { name: 'Scenarios' }).click();
      const picker = page.getByRole('dialog', { name: 'Start from a scenario' });
      await expect(picker).toBeVisible();
      await picker.getByRole('button', { name: 'Close' }).click();
      await expect(picker).toBeHidden();
      await expect(toggle).toBeFocused();
    });

    await test.step('Tours', async () => {
      await openMenu(page);
      await banner.getByRole('button', { name: 'Tours', exact: true }).click();
      const list = page.getByRole('dialog', { name: 'Guided tours' });
      await expect(list).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(list).toBeHidden();
      await expect(toggle).toBeFocused();
    });

    await test.step('Add…, then Undo and Redo', async () => {
      await openMenu(page);
      await banner.getByText('Add…').click();
      const add = banner.getByRole('group', { name: 'Add to the cluster' });
      await expect(add).toBeVisible();
      expect(await visibleArea(page, add), 'the list fits the window').toBeGreaterThan(0);
      await add.getByRole('button', { name: 'Start from an empty cluster' }).click();
      await expect(canvas.element('node:worker-1')).toHaveCount(0);
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await openMenu(page);
      await banner.getByRole('button', { name: 'Undo' }).click();
      await expect(canvas.element('node:worker-1')).toBeVisible();
      await banner.getByRole('button', { name: 'Redo' }).click();
      await expect(canvas.element('node:worker-1')).toHaveCount(0);
      await banner.getByRole('button', { name: 'Undo' }).click();
      await expect(canvas.element('node:worker-1')).toBeVisible();
    });

    await test.step('Copy link', async () => {
      await openMenu(page);
      await banner.getByRole('button', { name: 'Copy link' }).click();
      await expect(banner.getByText(/^Link (copied|is in the address bar)$/)).toBeVisible();
    });

    await test.step('Export', async () => {
      await openMenu(page);
      const exportButton = banner.getByRole('button', { name: 'Export', exact: true });
      await exportButton.click();
      const html = banner.getByRole('button', { name: 'Download as HTML' });
      await expect(html).toBeVisible();
      const box = (await html.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      await html.focus();
      // Escape folds the export list first, and only then the menu.
      await page.keyboard.press('Escape');
      await expect(html).toBeHidden();
      await expect(exportButton).toBeFocused();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    });

    await test.step('About', async () => {
      await openMenu(page);
      await banner.getByRole('button', { name: 'About' }).click();
      const about = page.getByRole('dialog', { name: 'About Service Explainer' });
      await expect(about).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(about).toBeHidden();
      await expect(toggle).toBeFocused();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    });
  });

  test('the first-visit scenario picker shows although the menu that holds its button is folded', async ({ page }) => {
    // `?picker` asks for the first-visit behaviour under automation (see scenarioPickerVisit.ts).
    await page.goto('./?picker');
    const picker = page.getByRole('dialog', { name: 'Start from a scenario' });
    await expect(picker).toBeVisible();
    await expect(picker).toBeInViewport();
    await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
    await picker.getByRole('button', { name: 'Close' }).click();
    await expect(picker).toBeHidden();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });

  test('after Step or Play the diagram and the hop in words share the first screen', async ({ page, canvas, playback }) => {
    await open(canvas);
    const diagram = page.locator('.react-flow');
    const words = playback.hopHeading.locator('xpath=following-sibling::p[1]');

    await playback.button('Next hop').click();
    await expect(playback.hopHeading).toContainText('Hop 1 of');
    await expectOnFirstScreen(page, diagram);
    await expectOnFirstScreen(page, playback.hopHeading);
    await expectStartsOnFirstScreen(page, words);
    const { height } = (await diagram.boundingBox())!;
    expect(height, 'a diagram worth looking at').toBeGreaterThan(PHONE.height * 0.4);

    await playback.button('Back to the start').click();
    await playback.button(/^Play$/).click();
    await expect(playback.hopHeading).toBeVisible();
    await expectOnFirstScreen(page, diagram);
    await expectOnFirstScreen(page, playback.hopHeading);
    await expectStartsOnFirstScreen(page, words);
    expect(await page.evaluate(() => scrollY), 'nothing scrolled the page').toBe(0);
  });

  test('the tour card leaves at least half of the diagram in view', async ({ page, canvas }) => {
    await open(canvas);
    await openMenu(page);
    const tour = new Tour(page);
    await tour.start('Is NodeIP:NodePort the same as ClusterIP:NodePort?');
    await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
    const diagram = (await page.locator('.react-flow').boundingBox())!;
    const card = (await tour.card.boundingBox())!;
    const overlapW = Math.max(0, Math.min(diagram.x + diagram.width, card.x + card.width) - Math.max(diagram.x, card.x));
    const overlapH = Math.max(0, Math.min(diagram.y + diagram.height, card.y + card.height) - Math.max(diagram.y, card.y));
    expect(overlapW * overlapH).toBeLessThanOrEqual((diagram.width * diagram.height) / 2);
    await expect(tour.next).toBeInViewport();
    // Skipping sends focus to the menu's toggle (the Tours button is folded away).
    await tour.skip.click();
    await expect(tour.card).toBeHidden();
    await expect(menuButton(page)).toBeFocused();
  });
});

test.describe('skip link', () => {
  for (const viewport of [PHONE, { width: 1440, height: 900 }]) {
    test(`is the first Tab stop and moves focus to the request controls (${viewport.width} px)`, async ({ page, canvas, playback }) => {
      await page.setViewportSize(viewport);
      await open(canvas);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to the request controls' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(playback.root).toBeFocused();
      expect(new URL(page.url()).hash, 'no fragment that could pass for a shared link').toBe('');
      // From there the playback keys work at once.
      await page.keyboard.press('ArrowRight');
      await expect(playback.hopHeading).toContainText('Hop 1 of');
    });
  }
});

test.describe('at desktop width', () => {
  test('the header keeps every action in the bar, with no menu', async ({ page, canvas }) => {
    await open(canvas);
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('button', { name: 'Menu', exact: true })).toBeHidden();
    for (const name of ['Scenarios', 'Tours', 'Copy link', 'Export', 'Undo', 'Redo', 'About']) {
      await expect(banner.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(banner.getByText('Add…')).toBeVisible();
  });
});

test.describe('dark mode: one palette', () => {
  test.use({ colorScheme: 'dark' });

  /**
   * The canvas pane shows the app's background (slate-950, the shell behind everything) and its
   * controls and overview map the panels' colour (slate-900), not React Flow's own greys.
   */
  test('the canvas, its controls and map share the app\'s slate colours', async ({ page, canvas, playback }) => {
    await open(canvas);
    // The overview map is off until asked for.
    await page.getByRole('button', { name: 'Overview map' }).click();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    const colors = await page.evaluate(() => {
      const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : 'missing');
      const flow = document.querySelector('.react-flow');
      return {
        dark: flow?.classList.contains('dark'),
        pane: bg(flow),
        shell: bg(flow?.closest('main')?.parentElement?.parentElement ?? null),
        header: bg(document.querySelector('header')),
        controls: bg(document.querySelector('.react-flow__controls-button')),
        minimap: bg(document.querySelector('.react-flow__minimap')),
      };
    });
    const panel = await playback.root.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colors.dark).toBe(true);
    expect(colors.pane).toBe(colors.shell);
    expect(colors.controls).toBe(panel);
    expect(colors.minimap).toBe(panel);
    expect(colors.header).toBe(panel);
    // React Flow's own dark pane is #141414; the app's is a blue-tinted slate.
    expect(colors.pane).not.toBe('rgb(20, 20, 20)');
  });
});
