import { test, expect } from './fixtures';

test('a drag is undone and redone as one step, from the toolbar and the keyboard', async ({ page, canvas }) => {
  await canvas.open();
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();

  const before = await canvas.box('node:worker-2');
  await canvas.drag('node:worker-2', 80, 60);
  const moved = await canvas.box('node:worker-2');
  expect(moved.x - before.x).toBeGreaterThan(40);

  await test.step('toolbar undo puts it back in one step', async () => {
    await undo.click();
    await expect.poll(async () => (await canvas.box('node:worker-2')).x).toBeCloseTo(before.x, 0);
    await expect(undo).toBeDisabled();
  });

  await test.step('Ctrl+Shift+Z redoes it, Ctrl+Z undoes it again', async () => {
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await canvas.box('node:worker-2')).x).toBeCloseTo(moved.x, 0);
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await canvas.box('node:worker-2')).x).toBeCloseTo(before.x, 0);
    await expect(redo).toBeEnabled();
  });
});
