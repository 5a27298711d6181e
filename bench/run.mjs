#!/usr/bin/env node
// `npm run bench`: builds the app and the bare React Flow baseline, serves both, drives Chromium
// through playwright-core and prints load, animation, drag and model figures beside the baseline,
// writing them to bench/results.json. A benchmark, not a test: nothing here passes or fails.
// `--no-build` reuses dist/ and bench/.dist/.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { configure, measureLoad, measureAnimation, measureDrag } from './measure.mjs';
import { printTable } from './table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baselineDir = join(root, 'bench/.dist/baseline');
const lz = createRequire(import.meta.url)('lz-string');
const log = (...a) => console.error('[bench]', ...a);

if (!process.argv.includes('--no-build')) {
  log('building the app (npm run build)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  log('building the baseline…');
  await build({ configFile: join(root, 'bench/vite.baseline.config.ts') });
}

// The app's own modules, loaded in Node through Vite (TypeScript, no separate build).
log('generating S/M/L and timing the model…');
const vite = await createServer({
  root, configFile: false, logLevel: 'error', appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const { prepareAll } = await vite.ssrLoadModule('/bench/prepare.ts');
const prepared = prepareAll();
for (const p of prepared) {
  writeFileSync(join(baselineDir, `graph-${p.size.name}.json`), JSON.stringify({ nodes: p.nodes, edges: p.edges, legs: p.legs }));
}
const { benchModelAll } = await vite.ssrLoadModule('/bench/model.ts');
const model = benchModelAll();
await vite.close();

spawnSync('node', [join(root, 'scripts/find-browser.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const found = JSON.parse(readFileSync(join(root, '.browser.json'), 'utf8'));
const server = await serve({ '/baseline/': baselineDir, '/': join(root, 'dist') }, Number(process.env.BENCH_PORT ?? 4500));
configure({ gzipSize: server.gzipSize });
const browser = await chromium.launch({
  headless: true,
  ...(found.executablePath ? { executablePath: found.executablePath } : {}),
  args: [
    ...(found.noSandbox ? ['--no-sandbox'] : []),
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
    // chrome.gpuBenchmarking.smoothDrag: one pointer move per frame, as a person's drag.
    '--enable-gpu-benchmarking',
  ],
});

const base = server.url;
const stateUrl = (p, extra = '') => `${base}${extra}#s=${lz.compressToEncodedURIComponent(JSON.stringify(p.snapshot))}`;
const baselineUrl = (p) => `${base}baseline/?size=${p.size.name}`;
const count = (p) => ({ nodes: p.nodes.length, edges: p.edges.length });
const results = { date: new Date().toISOString(), load: {}, animation: {}, drag: {}, model, bytes: {} };

try {
  const S = prepared.find((p) => p.size.name === 'S');
  log('load: first-screen bytes and the embed under mobile throttling…');
  results.bytes.editor = await measureLoad(browser, `${base}`, null, {});
  results.bytes.embed = await measureLoad(browser, `${base}?embed`, null, {});
  results.bytes.element = { ...results.bytes.embed, ...elementBytes() };
  results.bytes.baseline = await measureLoad(browser, baselineUrl(S), count(S), {});
  results.throttled = {
    embed: await measureLoad(browser, `${base}?embed`, null, { throttle: true }),
    baseline: await measureLoad(browser, baselineUrl(S), count(S), { throttle: true }),
  };
  for (const p of prepared) {
    const n = p.size.name;
    log(`load ${n}…`);
    results.load[n] = {
      app: await measureLoad(browser, stateUrl(p), count(p), {}),
      embed: await measureLoad(browser, stateUrl(p, '?embed'), count(p), {}),
      baseline: await measureLoad(browser, baselineUrl(p), count(p), {}),
    };
    log(`animation ${n}…`);
    results.animation[n] = {
      app: await measureAnimation(browser, stateUrl(p), count(p), 'app'),
      baseline: await measureAnimation(browser, baselineUrl(p), count(p), 'baseline'),
    };
    if (n === 'S') continue;
    for (const what of ['pod', 'worker']) {
      log(`drag ${what} ${n}…`);
      results.drag[`${n} ${what}`] = {
        app: await measureDrag(browser, stateUrl(p), count(p), what),
        baseline: await measureDrag(browser, baselineUrl(p), count(p), what),
      };
    }
  }
} finally {
  await browser.close();
  await server.close();
}

writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2));
console.log(printTable(results));
log('wrote bench/results.json');

/** The custom element is one file: its first screen is that file, gzipped. */
function elementBytes() {
  const { gzipSize } = server;
  return { js: gzipSize('/service-explainer.js'), css: 0, files: ['service-explainer.js'] };
}
