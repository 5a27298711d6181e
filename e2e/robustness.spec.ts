import LZString from 'lz-string';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;
const encode = (value: unknown) => compressToEncodedURIComponent(JSON.stringify(value));
const AUTOSAVE = 'service-explainer:autosave';
const KEPT_PREFIX = 'service-explainer:autosave-unreadable';

/** A small seeded generator, so every run tries the same cases. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Adds a fourth node and waits for the autosave: the work that must never be lost. */
async function saveSomeWork(page: Page) {
  await page.goto('./');
  await page.getByText('Add…').click();
  await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Node', exact: true }).click();
  await expect(page.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), AUTOSAVE)).not.toBeNull();
  await page.waitForTimeout(600);
  return (await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE))!;
}

/** A few hundred damaged variants of a real state: cut short, bit-flipped, wrong versions and types, huge, hostile keys. */
function corruptedPayloads(valid: string): string[] {
  const rnd = random(23);
  const json = JSON.parse(decompressFromEncodedURIComponent(valid)) as Record<string, unknown>;
  const out: string[] = [];
  for (let i = 1; i <= 60; i++) out.push(valid.slice(0, Math.floor((valid.length * i) / 61)));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  for (let i = 0; i < 80; i++) {
    const chars = valid.split('');
    for (let f = 0; f < 1 + Math.floor(rnd() * 3); f++) chars[Math.floor(rnd() * chars.length)] = alphabet[Math.floor(rnd() * alphabet.length)]!;
    out.push(chars.join(''));
  }
  for (const v of [0, -1, 2, 99, 1.5, '1', null, 1e308, [], {}]) out.push(encode({ ...json, v }));
  const wrong = [null, 0, -1, 1e308, 'x', '', [], {}, true, [null], [{}], { a: 1 }, 'x'.repeat(10_000)];
  for (const field of ['manifests', 'positions', 'request', 'seed', 'step', 'lens']) for (const value of wrong) out.push(encode({ ...json, [field]: value }));
  const manifests = json.manifests as Record<string, unknown>[];
  const first = manifests[0]!;
  const hostile = [
    '{"__proto__":{"polluted":1},"v":1,"manifests":[]}',
    JSON.stringify({ ...json, positions: JSON.parse('{"__proto__":{"x":1,"y":1},"constructor":{"x":1,"y":1}}') }),
    JSON.stringify({ ...json, manifests: [JSON.parse('{"__proto__":{"polluted":1}}'), ...manifests] }),
    JSON.stringify({ ...json, manifests: [{ ...first, metadata: JSON.parse('{"name":"x","constructor":{"prototype":{"polluted":1}}}') }] }),
  ];
  for (const text of hostile) out.push(compressToEncodedURIComponent(text));
  const deployment = (replicas: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'big', namespace: 'default' }, spec: { replicas, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } });
  for (const replicas of [2_000_000, 1e9, 1e308, -5, 2.5, '3', null]) out.push(encode({ ...json, manifests: [...manifests, deployment(replicas)] }));
  out.push(encode({ ...json, positions: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`n${i}`, { x: i, y: i }])) }));
  out.push(encode({ ...json, manifests: Array.from({ length: 25_000 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` } })) }));
  out.push(encode({ ...json, step: 1e12, seed: 2 ** 60 }));
  out.push(encode({ ...json, manifests: [{ ...first, metadata: { name: '<img src=x onerror=alert(1)>' } }] }));
  out.push('A'.repeat(400_001), '', '%', '%E0%A4%A', '#s=', 'null', encode(null), encode([]), encode('x'));
  return out;
}

/** One of every kind of damage, for the full app (each link remounts it, which costs ~0.5 s). */
function sample<T>(all: T[], n: number): T[] {
  const step = all.length / n;
  return Array.from({ length: n }, (_, i) => all[Math.floor(i * step)]!);
}

test('corrupted links open with a notice or the diagram, and the saved work stays', async ({ page }) => {
  test.setTimeout(90_000);
  const saved = await saveSomeWork(page);
  const payloads = sample(corruptedPayloads(saved), Number(process.env.ROBUST_LINKS ?? 40));
  const started = Date.now();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  // One page load: each link arrives as a hash change, which the app opens like a fresh link.
  const outcomes = await page.evaluate(async (links) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const seen: string[] = [];
    for (const link of links) {
      location.hash = `#s=${link}`;
      await frame();
      await frame();
      const notice = [...document.querySelectorAll('[role="alert"], [role="status"]')].map((n) => n.textContent).join(' ');
      const drawn = document.querySelectorAll('.react-flow__node').length > 0;
      seen.push(/shared diagram/.test(notice) ? 'opened' : /link|default scenario/i.test(notice) ? 'refused' : drawn ? 'drawn' : 'blank');
    }
    return seen;
  }, payloads);
  console.log(`${payloads.length} links in ${Date.now() - started} ms`);
  expect(outcomes.filter((o) => o === 'blank')).toEqual([]);
  expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(payloads.length * 0.6);
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  // Nothing was saved over the work, and it is still restorable.
  expect(await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE)).toBe(saved);
  await page.goto('./');
  await expect(page.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible();
});

test('corrupted values of every key the app reads never stop it loading; unreadable saves are all kept', async ({ page }) => {
  test.setTimeout(90_000);
  const saved = await saveSomeWork(page);
  const values = ['{', 'null', '[]', '"x"', '1e999', '{"tab":"__proto__","width":1e999}', '{"tab":"yaml","width":-1e308}', '{"__proto__":{"step":1}}',
    '{"a":{"step":99999,"done":"yes"}}', 'x'.repeat(100_000), '\u0000\uffff', '<script>alert(1)</script>'];
  const saves = [...values, saved.slice(0, saved.length >> 1), `${saved}x`, saved.replace(/A/g, 'B')];
  const unreadable: string[] = [];
  for (const [i, value] of saves.entries()) {
    await page.evaluate(([v, w, k]) => {
      localStorage.setItem(k, v);
      for (const key of ['service-explainer:side-panel', 'service-explainer:tours', 'service-explainer:seen-picker']) localStorage.setItem(key, w);
    }, [value, values[i % values.length]!, AUTOSAVE] as const);
    await page.reload();
    await expect(page.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
    if (await page.getByRole('alert').filter({ hasText: 'could not be read' }).count()) unreadable.push(value);
  }
  // Every unreadable save was kept aside under a key of its own, none replaced by the next.
  expect(unreadable.length).toBeGreaterThan(10);
  const kept = await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).map((k) => localStorage.getItem(k)), KEPT_PREFIX);
  expect(kept.sort()).toEqual([...unreadable].sort());
  // The clean work restores from its own value.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE, saved] as const);
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible();
});

test('a full storage says the work is not saved, offers it for download, and saves again once there is room', async ({ page }) => {
  await saveSomeWork(page);
  // Fill localStorage to its quota with filler keys.
  const filled = await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    for (let size = chunk; size.length > 8; size = size.slice(size.length >> 1)) {
      try {
        for (;;) localStorage.setItem(`filler:${n++}`, size);
      } catch {
        // Full at this size: try smaller pieces.
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(10);
  await page.getByText('Add…').click();
  await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Node', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
  await expect(notice).toBeVisible();
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download my work (YAML)' }).click();
  expect((await download).suggestedFilename()).toBe('service-explainer-cluster.yaml');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler:')).forEach((k) => localStorage.removeItem(k)));
  await notice.getByRole('button', { name: 'Try saving again' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="node:worker-5"]')).toBeVisible();
});

test('two tabs notice each other and never save over each other silently', async ({ page, context }) => {
  await saveSomeWork(page);
  const other = await context.newPage();
  await other.goto('./');
  await expect(other.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible();
  // The first tab adds a node; the second hears of it and stops saving until asked.
  await page.getByText('Add…').click();
  await page.getByRole('group', { name: 'Add to the cluster' }).getByRole('button', { name: 'Node', exact: true }).click();
  const conflict = other.getByRole('alert').filter({ hasText: 'Another tab changed your saved work' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Load the other tab’s work' }).click();
  await expect(other.locator('.react-flow__node[data-id="node:worker-5"]')).toBeVisible();
  await expect(conflict).toHaveCount(0);
});

test('the embed ignores malformed commands, refuses bad loads and keeps its diagram', async ({ page, baseURL }) => {
  await page.setContent('<!doctype html><title>host</title><body></body>');
  await page.evaluate((src) => {
    const w = window as unknown as { __events: string[] };
    w.__events = [];
    const frame = Object.assign(document.createElement('iframe'), { id: 'frame', src });
    frame.style.cssText = 'width:800px;height:560px';
    document.body.prepend(frame);
    window.addEventListener('message', (e) => {
      if (e.source === frame.contentWindow && e.data?.type !== 'resize') w.__events.push(`${e.data?.type} ${e.data?.step ?? e.data?.hops ?? ''}`.trim());
    });
  }, `${baseURL}?embed`);
  const frame = page.frameLocator('#frame');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['ready 5']);
  const huge = encode({ v: 1, manifests: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'big', namespace: 'default' }, spec: { replicas: 1e9, selector: { matchLabels: { app: 'b' } }, template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } }] });
  const shapes: unknown[] = [null, 1, 'step', [], { type: 'step' }, { ns: 'other', type: 'step' }, { ns: 'service-explainer' },
    ...[2, 'x', '1', NaN, Infinity, -Infinity, 0, 0.5, -2, null, {}, [1]].map((by) => ({ ns: 'service-explainer', type: 'step', by })),
    ...[-1, 1.5, NaN, Infinity, '2', 1e9, null].map((step) => ({ ns: 'service-explainer', type: 'goTo', step })),
    ...[{}, { scenario: '../x' }, { scenario: 1 }, { state: 1 }, { state: 'garbage' }, { state: 'A'.repeat(400_001) }, { state: huge }, { state: encode({ v: 1, manifests: 'x' }) }].map((x) => ({ ns: 'service-explainer', type: 'load', ...x })),
    { ns: 'service-explainer', type: 'eval', code: 'alert(1)' }, JSON.parse('{"ns":"service-explainer","type":"pause","__proto__":{"polluted":1}}')];
  const started = Date.now();
  await page.evaluate((all) => {
    const target = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
    for (const data of all) target.postMessage(data, '*');
  }, shapes);
  // The parent stays responsive while the embed works through them.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  expect(Date.now() - started).toBeLessThan(5_000);
  await page.waitForTimeout(1_000);
  // No malformed step moved it; the refused loads said so and the diagram stayed.
  await expect(frame.getByText('Ready: the packet waits')).toBeVisible();
  await expect(frame.locator('.react-flow__node[data-id="cluster"]')).toBeVisible();
  await expect(frame.getByRole('alert')).toContainText('could not be read');
  const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
  expect(events.filter((e) => e.startsWith('hop'))).toEqual([]);
  // And it still obeys a well-formed command.
  await page.evaluate(() => (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage({ ns: 'service-explainer', type: 'step', by: 1 }, '*'));
  await expect(frame.getByText(/^Hop 1 of 5/)).toBeVisible();
});

test('the embed reads a few hundred corrupted states sent with load, and keeps its diagram', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const saved = await saveSomeWork(page);
  const payloads = corruptedPayloads(saved);
  expect(payloads.length).toBeGreaterThan(250);
  await page.setContent('<!doctype html><title>host</title><body></body>');
  await page.evaluate((src) => {
    const w = window as unknown as { __ready: boolean };
    const frame = Object.assign(document.createElement('iframe'), { id: 'frame', src });
    frame.style.cssText = 'width:800px;height:560px';
    document.body.prepend(frame);
    window.addEventListener('message', (e) => {
      if (e.source === frame.contentWindow && e.data?.type === 'ready') w.__ready = true;
    });
  }, `${baseURL}?embed`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __ready?: boolean }).__ready === true)).toBe(true);
  const frame = page.frameLocator('#frame');
  const started = Date.now();
  const send = (states: string[]) => page.evaluate((list) => {
    const target = (document.getElementById('frame') as HTMLIFrameElement).contentWindow!;
    for (const state of list) target.postMessage({ ns: 'service-explainer', type: 'load', state }, '*');
  }, states);
  // The burst ends with the real work: the last load sent is the one on show, however much sooner
  // the corrupted ones before it were read.
  await send([...payloads, saved]);
  await expect(frame.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible({ timeout: 30_000 });
  console.log(`${payloads.length} corrupted loads in the embed in ${Date.now() - started} ms`);
  await page.waitForTimeout(1_000);
  await expect(frame.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible();
  await expect(frame.getByRole('alert')).toHaveCount(0);
  // Then one that cannot be read: the work stays on show, with the message.
  await send(['garbage']);
  await expect(frame.getByRole('alert')).toContainText('could not be read');
  await expect(frame.locator('.react-flow__node[data-id="node:worker-4"]')).toBeVisible();
  // And it still obeys a well-formed command (sent again while the last loads settle on a busy machine).
  await expect(async () => {
    await page.evaluate(() => (document.getElementById('frame') as HTMLIFrameElement).contentWindow!.postMessage({ ns: 'service-explainer', type: 'goTo', step: 1 }, '*'));
    await expect(frame.getByText(/^Hop 1 of \d+/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test('app-url="javascript:…" never reaches the element’s link', async ({ page }) => {
  await page.goto('./embed-example.html');
  await page.evaluate(() => {
    const el = document.createElement('service-explainer');
    el.id = 'hostile';
    el.setAttribute('app-url', 'java\tscript:alert(document.domain)');
    document.body.append(el);
  });
  const link = page.locator('#hostile').getByRole('link', { name: /Open in Service Explainer/ });
  await link.hover();
  expect(await link.getAttribute('href')).toMatch(/^https?:/);
});
