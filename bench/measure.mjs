// The browser measurements of `npm run bench`, each in a fresh context (no cache, no storage), the
// same way for the app and the baseline: both draw `.react-flow__node`s with the same ids.

const VIEWPORT = { width: 1440, height: 900 };

/**
 * Installed before any page script: a React DevTools hook that counts commits (React calls
 * onCommitFiberRoot once per commit), PerformanceObservers for LCP, long tasks and layout shifts,
 * a rAF poll that notes when the graph is drawn (every expected node and edge in the DOM, none
 * still hidden for measuring), and a rAF frame recorder.
 */
function instrument(expect) {
  const w = window;
  w.__commits = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE: () => {},
    onScheduleFiberRoot: () => {}, onCommitFiberRoot: () => void w.__commits++, onCommitFiberUnmount: () => {}, onPostCommitFiberRoot: () => {},
  };
  const perf = (w.__perf = { lcp: 0, fcp: 0, longtasks: [], cls: 0 });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser lacks: that figure stays 0.
    }
  };
  observe('largest-contentful-paint', (e) => (perf.lcp = e.startTime));
  observe('paint', (e) => e.name === 'first-contentful-paint' && (perf.fcp = e.startTime));
  observe('longtask', (e) => perf.longtasks.push([e.startTime, e.duration]));
  observe('layout-shift', (e) => !e.hadRecentInput && (perf.cls += e.value));
  w.__ready = 0;
  const check = () => {
    const nodes = document.querySelectorAll('.react-flow__node').length;
    const drawn = expect ? nodes >= expect.nodes && document.querySelectorAll('.react-flow__edge').length >= expect.edges : nodes > 0;
    if (drawn && !document.querySelector('.react-flow__node[style*="visibility: hidden"]')) w.__ready = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  w.__frames = {
    times: [],
    on: false,
    start() {
      this.times = [];
      this.on = true;
      const loop = (t) => {
        if (!this.on) return;
        this.times.push(t);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stop() {
      this.on = false;
      return this.times.slice(1).map((t, i) => t - this.times[i]);
    },
  };
}

/** p50, p95, max and the count of intervals over 20 ms (a frame missed at 60 Hz). */
export function frameStats(intervals) {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { frames: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, over20: sorted.filter((d) => d > 20).length };
}

async function open(browser, url, expect, { throttle = false, css = '' } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[bench] page error:', e.message));
  await page.addInitScript(instrument, expect);
  // `npm run bench:profile -- --css=…`: try what a style change would save before making it.
  if (css) await page.addInitScript((css) => addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css }))), css);
  if (throttle) {
    // Lighthouse's mobile profile: 4× slower CPU, 150 ms RTT, 1.6 Mbps down, 750 kbps up.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready > 0, null, { timeout: 120_000, polling: 100 });
  return { context, page };
}

let gzipSize = () => 0;
/** run.mjs hands in the server's gzip -9 size of a URL path. */
export function configure(options) {
  gzipSize = options.gzipSize;
}

/**
 * Time to the first drawn graph, the gzipped JS and CSS fetched until then (the first screen), and
 * LCP, total blocking time (long tasks after first paint, beyond 50 ms each) and CLS, read after
 * the page has been quiet for a moment.
 */
export async function measureLoad(browser, url, expect, { throttle = false }) {
  const { context, page } = await open(browser, url, expect, { throttle });
  // The first screen: scripts and styles whose download had ended when the graph was drawn (by the
  // page's own clock; what the page fetches after drawing is not part of it, however soon).
  const { readyMs, firstScreen } = await page.evaluate(() => ({
    readyMs: window.__ready,
    firstScreen: performance.getEntriesByType('resource')
      .filter((e) => e.responseEnd <= window.__ready && /\.(js|css)$/.test(new URL(e.name).pathname))
      .map((e) => ({ path: new URL(e.name).pathname, type: e.name.endsWith('.css') ? 'stylesheet' : 'script' })),
  }));
  await page.waitForTimeout(throttle ? 4000 : 1500);
  const perf = await page.evaluate(() => window.__perf);
  await context.close();
  const sum = (type) => firstScreen.filter((f) => f.type === type).reduce((s, f) => s + gzipSize(f.path), 0);
  const tbt = perf.longtasks.filter(([start]) => start >= perf.fcp).reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
  return { readyMs, js: sum('script'), css: sum('stylesheet'), files: firstScreen.map((f) => f.path), lcp: perf.lcp, tbt, cls: perf.cls };
}

/** Frames while the packet travels the whole trace at 1×, and React commits meanwhile. */
export async function measureAnimation(browser, url, expect, kind, { profile = false, css = '' } = {}) {
  const { context, page } = await open(browser, url, expect, { css });
  await page.waitForTimeout(1000);
  const profiling = profile ? await startProfile(context, page, profile) : null;
  const result = await page.evaluate(async (kind) => {
    // Looked up once: an attribute query over a 30,000-element page every 50 ms would itself cost
    // the app frames the baseline's small page does not pay.
    let packetElement = null;
    const packet = () => (packetElement ??= document.querySelector('[data-testid="packet"]'));
    const commitsBefore = window.__commits;
    window.__frames.start();
    const started = performance.now();
    if (kind === 'app') document.querySelector('[aria-label="Play"]').click();
    else window.__play();
    await new Promise((done) => {
      const poll = () => {
        const el = packet();
        if (el?.dataset.outcome === 'delivered' && el.getAnimations().length === 0) done();
        else if (performance.now() - started > 60_000) done();
        else setTimeout(poll, 50);
      };
      poll();
    });
    return { intervals: window.__frames.stop(), commits: window.__commits - commitsBefore, wallMs: performance.now() - started };
  }, kind);
  const profiled = await stopProfile(profiling);
  await context.close();
  return { ...frameStats(result.intervals), commits: result.commits, wallMs: result.wallMs, ...profiled };
}

/**
 * Drags an element 300 px at 300 px/s with one pointer move per frame (gpuBenchmarking.smoothDrag):
 * a pod by its middle, a worker by its header. Frames during the drag, its wall time (a slow page
 * stretches the gesture) and whether the element moved on screen.
 */
export async function measureDrag(browser, url, expect, what, { profile = false, css = '' } = {}) {
  const { context, page } = await open(browser, url, expect, { css });
  await page.waitForTimeout(1000);
  await bringWorkersIntoView(page);
  const profiling = profile ? await startProfile(context, page, profile) : null;
  const result = await page.evaluate(
    async ({ what }) => {
      // Big graphs are wider than the view even at the least zoom: drag what is on screen, the
      // worker nearest the middle (all workers hold as many pods) or its first pod.
      const inView = (r) => r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      const rect = (e) => e.getBoundingClientRect();
      const workers = [...document.querySelectorAll('.react-flow__node[data-id^="node:"]')].filter((e) => inView(rect(e)));
      const mid = (r) => Math.hypot(r.left + r.width / 2 - innerWidth / 2, r.top + r.height / 2 - innerHeight / 2);
      const worker = workers.sort((a, b) => mid(rect(a)) - mid(rect(b)))[0];
      if (!worker) return null;
      const w = rect(worker);
      const inside = (r) => r.left >= w.left && r.right <= w.right && r.top >= w.top && r.bottom <= w.bottom;
      const target = what === 'pod' ? [...document.querySelectorAll('.react-flow__node[data-id^="pod:"]')].find((e) => inside(rect(e))) : worker;
      if (!target) return null;
      const draggedId = target.dataset.id;
      const el = () => document.querySelector(`.react-flow__node[data-id="${CSS.escape(draggedId)}"]`);
      const box = rect(target);
      // Grab a point where the element itself is hit (not an edge over it, nor a pod inside a
      // worker): for a worker, in its header above its pods.
      const grab = (() => {
        const bottom = what === 'pod' ? box.bottom : box.top + Math.min(box.height * 0.06, 40);
        for (let gy = box.top + 1; gy < bottom; gy += 1) {
          for (let gx = box.left + box.width / 2, i = 0; i < 20; i++, gx += (i % 2 ? 1 : -1) * i * (box.width / 40)) {
            if (document.elementFromPoint(gx, gy)?.closest('.react-flow__node') === target) return { x: gx, y: gy };
          }
        }
        return null;
      })();
      if (!grab) return null;
      const { x, y } = grab;
      const dx = what === 'pod' ? 0 : x + 300 < innerWidth ? 300 : -300;
      const dy = what === 'pod' ? (y + 300 < innerHeight ? 300 : -300) : 0;
      let movedBy = 0;
      window.__frames.start();
      const started = performance.now();
      setTimeout(() => (movedBy = Math.hypot(el().getBoundingClientRect().left - box.left, el().getBoundingClientRect().top - box.top)), 500);
      await new Promise((done) => chrome.gpuBenchmarking.smoothDrag(x, y, x + dx, y + dy, done, 2, 300));
      return { intervals: window.__frames.stop(), wallMs: performance.now() - started, movedBy, draggedId };
    },
    { what },
  );
  const profiled = await stopProfile(profiling);
  await context.close();
  if (!result) throw new Error(`no ${what} on screen to drag at ${url.slice(0, 60)}`);
  return { ...frameStats(result.intervals), wallMs: result.wallMs, movedPx: Math.round(result.movedBy), id: result.draggedId, ...profiled };
}

/**
 * For `npm run bench:profile`: a DevTools timeline trace (style, layout, paint: the time a CPU
 * profile only calls "(program)") and, unless `profile` is 'timeline', a CPU profile (100 µs
 * sampling) of what follows until stopProfile.
 */
async function startProfile(context, page, profile) {
  const cdp = await context.newCDPSession(page);
  const cpu = profile !== 'timeline';
  await context.browser().startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  return { cdp, cpu, browser: context.browser() };
}

async function stopProfile(profiling) {
  if (!profiling) return {};
  const cpuProfile = profiling.cpu ? (await profiling.cdp.send('Profiler.stop')).profile : undefined;
  const trace = JSON.parse((await profiling.browser.stopTracing()).toString());
  return { cpuProfile, trace };
}

/**
 * On M and L the Services band makes the graph wider than the view at the least zoom, and the
 * workers sit at its left end: pan (by dragging empty canvas, as a person would) until the middle
 * worker is in the middle of the canvas.
 */
async function bringWorkersIntoView(page) {
  for (let i = 0; i < 30; i++) {
    const step = await page.evaluate(() => {
      const workers = [...document.querySelectorAll('.react-flow__node[data-id^="node:"]')].map((e) => e.getBoundingClientRect()).sort((a, b) => a.left - b.left);
      const w = workers[Math.floor(workers.length / 2)];
      const pane = document.querySelector('.react-flow').getBoundingClientRect();
      const dx = pane.left + pane.width / 2 - (w.left + w.width / 2);
      const dy = pane.top + pane.height / 2 - (w.top + w.height / 2);
      if (Math.abs(dx) < 40 && Math.abs(dy) < 40) return null;
      // An empty spot of the pane to grab, near the canvas' middle.
      for (let y = pane.top + 20; y < pane.bottom - 20; y += 10) {
        for (let x = pane.left + pane.width / 2 - 200; x < pane.left + pane.width / 2 + 200; x += 20) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) {
            const clamp = (v) => Math.max(-400, Math.min(400, v));
            return { x, y, dx: clamp(dx), dy: clamp(dy) };
          }
        }
      }
      return null;
    });
    if (!step) break;
    await page.mouse.move(step.x, step.y);
    await page.mouse.down();
    await page.mouse.move(step.x + step.dx, step.y + step.dy, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
}
