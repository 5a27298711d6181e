import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;
import { test, expect } from './fixtures';

const encode = (value: unknown) => compressToEncodedURIComponent(JSON.stringify(value));

test.describe('links and saved work', () => {
  test('a copied link reproduces the diagram, the positions, the step and the lens', async ({ page, context, canvas, playback }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await canvas.open();
    await canvas.drag('node:worker-2', 40, 80);
    for (let i = 0; i < 3; i++) await playback.button('Next hop').click();
    await playback.root.getByLabel('On the wire').check();
    // Where worker-2 sits in flow coordinates (React Flow's transform), whatever the zoom.
    const position = (p: typeof page) => p.locator('.react-flow__node[data-id="node:worker-2"]').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await position(page);
    expect(before).toMatch(/translate/);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#s=/);

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('status').filter({ hasText: 'You opened a shared diagram' })).toBeVisible();
    await expect(other.getByText(/^Hop 3 of 5/)).toBeVisible();
    await expect(other.getByLabel('On the wire')).toBeChecked();
    expect(await position(other)).toBe(before);
  });

  for (const [name, hash, message] of [
    ['damaged', '#s=this-is-not-a-diagram', /damaged/],
    ['from a newer version', `#s=${encode({ v: 42, manifests: [] })}`, /newer version/],
    ['too large', `#s=${'A'.repeat(400_001)}`, /larger than/],
    ['with a script in a name', `#s=${encode({ v: 1, manifests: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: '<script>alert(1)</script>' }, spec: { ports: [{ port: 80 }] } }] })}`, /would refuse/],
    ['with prototype-polluting keys', `#s=${encodeURIComponent('x')}${compressToEncodedURIComponent('{"__proto__":{"polluted":1},"v":1}')}`, /damaged|refuse/],
  ] as const) {
    test(`a link ${name} shows a notice and the default scenario`, async ({ page, canvas }) => {
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
      await page.goto(`./${hash}`);
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      await expect(canvas.elementsOfType('worker')).toHaveCount(3);
      expect(dialogs).toBe(0);
      expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    });
  }

  test('work is autosaved and restored on reload; opening a link never overwrites it', async ({ page, canvas }) => {
    await canvas.open();
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Node', exact: true }).click();
    await expect(canvas.element('node:worker-4')).toBeVisible();
    await page.waitForTimeout(700);
    await page.reload();
    await expect(canvas.element('node:worker-4')).toBeVisible();

    await page.goto(`./#s=${encode({ v: 1, manifests: [] })}`);
    await expect(canvas.element('node:worker-4')).toHaveCount(0);
    await page.getByText('Add…').click();
    await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Node', exact: true }).click();
    await page.waitForTimeout(700);
    // Leaving an edited link asks first; accepted, the edits are left behind and the saved work stays.
    const asked: string[] = [];
    page.on('dialog', (d) => { asked.push(d.type()); void d.accept(); });
    await page.goto('./');
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    await expect(canvas.element('node:worker-4')).toBeVisible();
    await expect(canvas.elementsOfType('worker')).toHaveCount(4);
  });

  test('every unreadable saved state is reported and kept aside under its own key', async ({ page, canvas }) => {
    await page.goto('./');
    // The app has read the (empty) key before the test writes one: written earlier, the first page
    // itself would find it unreadable and move it aside, leaving the reload nothing to report.
    await expect(canvas.elementsOfType('worker')).toHaveCount(3);
    const kept = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('service-explainer:autosave-unreadable')).sort().map((k) => localStorage.getItem(k)));
    for (const garbage of ['garbage-that-is-not-a-save', 'a-second-unreadable-save']) {
      await page.evaluate((g) => localStorage.setItem('service-explainer:autosave', g), garbage);
      await page.reload();
      await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
      await expect(canvas.elementsOfType('worker')).toHaveCount(3);
    }
    // The second did not replace the first.
    expect(await kept()).toEqual(['garbage-that-is-not-a-save', 'a-second-unreadable-save']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download it' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('service-explainer-unreadable-save.txt');
  });
});
