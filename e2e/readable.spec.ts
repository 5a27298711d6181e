import { test, expect } from './fixtures';

test.describe('nothing gives the answer away', () => {
  test('the To list marks only the common mistakes, never every destination before it is played', async ({ canvas, playback }) => {
    await canvas.open();
    const to = playback.root.getByLabel('To', { exact: true });
    const marked = await to.locator('option').evaluateAll((options) => options
      .filter((o) => /[✓✕]/.test(o.textContent ?? ''))
      .map((o) => ({ text: o.textContent ?? '', group: (o.parentElement as HTMLOptGroupElement | null)?.label ?? '' })));
    expect(marked.length).toBeGreaterThan(0);
    for (const option of marked) {
      expect(option.text, option.text).not.toContain('✓');
      expect(option.group, option.text).toBe('Common mistakes');
    }
  });
});

test('About names the one Kubernetes release and the proxy mode the answers follow', async ({ page, canvas }) => {
  await canvas.open();
  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: 'About Service Explainer' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('Kubernetes v1.37');
  await expect(about).toContainText('kube-proxy in iptables mode');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  await expect(page.getByRole('button', { name: 'About' })).toBeFocused();
});
