import { test, expect } from './fixtures';

test('the side panel remembers its tab and width across reloads, and works from the keyboard', async ({ page, canvas }) => {
  await canvas.open();
  const tabs = page.getByRole('tablist', { name: 'Side panel' });
  await tabs.getByRole('tab', { name: 'Inspector' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'YAML' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'YAML' })).toBeFocused();

  const separator = page.getByRole('separator', { name: 'Resize the side panel' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 48));

  await page.reload();
  await expect(tabs.getByRole('tab', { name: 'YAML' })).toHaveAttribute('aria-selected', 'true');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 48));
});

test('a saved layout that cannot be read falls back to the default', async ({ page, canvas }) => {
  await page.addInitScript(() => localStorage.setItem('service-explainer:side-panel', '{not json'));
  await canvas.open();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
});

test('a layout saved when Rules was the iptables tab opens on Rules, at its width', async ({ page, canvas }) => {
  await page.addInitScript(() => localStorage.setItem('service-explainer:side-panel', JSON.stringify({ tab: 'iptables', width: 500 })));
  await canvas.open();
  await expect(page.getByRole('tab', { name: 'Rules' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('separator', { name: 'Resize the side panel' })).toHaveAttribute('aria-valuenow', '500');
});

test('on a narrow screen the panels stack below the canvas', async ({ page, canvas }) => {
  await page.setViewportSize({ width: 700, height: 1000 });
  await canvas.open();
  const canvasBox = (await page.locator('.react-flow').boundingBox())!;
  const tabsBox = (await page.getByRole('tablist', { name: 'Side panel' }).boundingBox())!;
  expect(tabsBox.y).toBeGreaterThan(canvasBox.y + canvasBox.height - 1);
  await page.screenshot({ path: 'test-results/narrow.png', fullPage: true });
});
