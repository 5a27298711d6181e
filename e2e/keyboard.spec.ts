import { test, expect } from './fixtures';

test('keyboard only: focus a Service, select it, edit a field, apply with Enter, undo and redo', async ({ page, canvas, inspector }) => {
  await canvas.open();

  await test.step('Tab reaches the canvas after the toolbar, on one card', async () => {
    // From the toolbar, Tab goes on through the remaining buttons and then into the canvas, which is
    // a single stop (its cards are reached with the arrow keys, e2e/a11y.spec.ts); edges are not stops.
    await page.getByText('Add…').focus();
    const focused = page.locator(':focus');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      if (/react-flow__(edge|node)/.test((await focused.getAttribute('class')) ?? '')) break;
    }
    await expect(focused).toHaveClass(/react-flow__node/);
  });

  await test.step('Enter selects the focused Service and the inspector shows it', async () => {
    await canvas.element('svc:default/web').focus();
    await page.keyboard.press('Enter');
    await expect(inspector.root.getByRole('heading', { name: 'Service web' })).toBeVisible();
    await expect(canvas.element('svc:default/web')).toHaveClass(/selected/);
  });

  await test.step('a field is edited and applied with Enter', async () => {
    const targetPort = inspector.field(/^targetPort/);
    await targetPort.focus();
    await expect(targetPort).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('http');
    await page.keyboard.press('Enter');
    await expect(canvas.element('svc:default/web')).toContainText('80→http/TCP');
  });

  await test.step('undo and redo from the keyboard', async () => {
    await canvas.element('svc:default/web').focus();
    await page.keyboard.press('Control+z');
    await expect(canvas.element('svc:default/web')).toContainText('80→8080/TCP');
    await page.keyboard.press('Control+Shift+Z');
    await expect(canvas.element('svc:default/web')).toContainText('80→http/TCP');
  });

  await test.step('Delete on a focused, selected pod removes it', async () => {
    const podId = (await canvas.elementsOfType('pod').first().getAttribute('data-id'))!;
    await canvas.element(podId).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(canvas.element(podId)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(canvas.element(podId)).toHaveCount(1);
  });
});

test('focus is visible on canvas elements and controls', async ({ page, canvas }) => {
  await canvas.open();
  await canvas.element('node:worker-1').focus();
  const outline = await canvas.element('node:worker-1').evaluate((el) => {
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`;
  });
  expect(outline).not.toBe('none 0px none');
  await page.screenshot({ path: 'test-results/keyboard-focus.png' });
});
