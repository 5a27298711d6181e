import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the side panel's YAML tab and returns its region, once the editor is up. */
export async function openYaml(page: Page): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: 'YAML' }).click();
  const panel = page.getByRole('region', { name: 'YAML' });
  await expect(panel.getByTestId('yaml-editor')).toBeVisible();
  return panel;
}

/** Replaces the editor's text the way a paste does. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}
