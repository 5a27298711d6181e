#!/usr/bin/env node
// `npm run bench:profile -- M pod` (size S|M|L; pod, worker or animation): builds the app
// unminified, runs that one benchmark gesture under the CPU profiler and prints where the time went,
// by function (self time) and by file, and the renderer's timeline (style, layout, paint). `--save` also writes bench/.dist/<size>-<what>.cpuprofile, which
// Chrome DevTools' Performance panel opens. For finding what to fix, not a figure to report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { measureAnimation, measureDrag } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/.dist/profile-app');
const [size = 'M', what = 'pod'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const lz = createRequire(import.meta.url)('lz-string');
const log = (...a) => console.error('[profile]', ...a);

if (!process.argv.includes('--no-build')) {
  log('building the app unminified…');
  const r = spawnSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const vite = await createServer({
  root, configFile: false, logLevel: 'error', appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const { prepare } = await vite.ssrLoadModule('/bench/prepare.ts');
const { SIZES } = await vite.ssrLoadModule('/bench/clusters.ts');
const p = prepare(SIZES.find((s) => s.name === size));
await vite.close();

spawnSync('node', [join(root, 'scripts/find-browser.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const found = JSON.parse(readFileSync(join(root, '.browser.json'), 'utf8'));
// `--baseline` profiles the bare React Flow page instead (built by `npm run bench`).
const baseline = process.argv.includes('--baseline');
const server = await serve({ '/baseline/': join(root, 'bench/.dist/baseline'), '/': outDir }, Number(process.env.BENCH_PORT ?? 4510));
const browser = await chromium.launch({
  headless: true,
  ...(found.executablePath ? { executablePath: found.executablePath } : {}),
  args: [...(found.noSandbox ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--disable-sync', '--enable-gpu-benchmarking'],
});
const url = baseline ? `${server.url}baseline/?size=${size}` : `${server.url}#s=${lz.compressToEncodedURIComponent(JSON.stringify(p.snapshot))}`;
const expect = { nodes: p.nodes.length, edges: p.edges.length };
// The CPU profiler's overhead stretches frames: `--timeline` records only the renderer's timeline,
// `--plain` nothing (figures only).
const profile = process.argv.includes('--plain') ? false : process.argv.includes('--timeline') ? 'timeline' : 'cpu';
const css = process.argv.find((a) => a.startsWith('--css='))?.slice('--css='.length) ?? '';
let run;
try {
  run = what === 'animation'
    ? await measureAnimation(browser, url, expect, baseline ? 'baseline' : 'app', { profile, css })
    : await measureDrag(browser, url, expect, what, { profile, css });
} finally {
  await browser.close();
  await server.close();
}
const { cpuProfile, trace, ...figures } = run;
console.log(`${size} ${what}:`, JSON.stringify(figures));
if (cpuProfile) console.log(summarize(cpuProfile));
if (trace) console.log(timeline(trace));
if (process.argv.includes('--save')) {
  mkdirSync(join(root, 'bench/.dist'), { recursive: true });
  const file = join(root, `bench/.dist/${size}-${what}.cpuprofile`);
  if (cpuProfile) writeFileSync(file, JSON.stringify(cpuProfile));
  writeFileSync(file.replace('.cpuprofile', '.trace.json'), JSON.stringify(trace));
  log('wrote', file, 'and the timeline trace beside it');
}

/** Self time per function and per file, from the sampled profile, top 30 each. */
function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map();
  const byFile = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id);
    const file = f.url.split('/').pop() || '(native)';
    const fn = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    total += us;
  }
  // Total (self + callees) per function, each sample counted once per function even under recursion.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame: f } = byId.get(at);
      if (!f.url) continue;
      const fn = `${f.functionName || '(anonymous)'}  ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (!seen.has(fn)) inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
      seen.add(fn);
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `total sampled ${(total / 1000).toFixed(0)} ms\n\nby function (self):\n${top(byFn)}\n\nby function (total):\n${top(inclusive)}\n\nby file:\n${top(byFile)}`;
}

/**
 * The renderer main thread's timeline: self time per event kind (style, layout, paint, script…),
 * nested events subtracted from their parents, so the figures add up to the busy time.
 */
function timeline({ traceEvents }) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e) => e.pid === main?.pid && e.tid === main?.tid;
  const events = traceEvents.filter((e) => e.ph === 'X' && onMain(e) && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const frames = traceEvents.filter((e) => onMain(e) && e.name === 'FireAnimationFrame').length;
  const self = new Map();
  const open = [];
  for (const e of events) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    open.push(e);
  }
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 16);
  return `renderer main thread: ${(busy / 1000).toFixed(0)} ms busy, ${frames} animation frames; self time:\n${rows.map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n')}`;
}
