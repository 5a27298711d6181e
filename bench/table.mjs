// The printed table of `npm run bench`: every figure beside the baseline's and their ratio.

const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ms = (v) => (v === undefined || v === null ? '–' : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function table(title, header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [`\n### ${title}\n`, line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const frames = (f) => `${ms(f.p50)} / ${ms(f.p95)} / ${ms(f.max)} / ${f.over20} of ${f.frames}`;

export function printTable(r) {
  const out = [];
  const b = r.bytes;
  out.push(table('Load: first-screen JS + CSS (gzip)', ['page', 'JS', 'CSS', 'JS ratio to baseline'], [
    ['editor (/)', kb(b.editor.js), kb(b.editor.css), ratio(b.editor.js, b.baseline.js)],
    ['embed (?embed)', kb(b.embed.js), kb(b.embed.css), ratio(b.embed.js, b.baseline.js)],
    ['custom element (one file)', kb(b.element.js), '(inlined)', ratio(b.element.js, b.baseline.js)],
    ['baseline', kb(b.baseline.js), kb(b.baseline.css), '1.00×'],
  ]));
  const t = r.throttled;
  out.push(table('Embed under 4× CPU + slow network (default scenario; baseline: S graph)', ['page', 'first graph', 'LCP', 'TBT', 'CLS'], [
    ['embed', ms(t.embed.readyMs), ms(t.embed.lcp), ms(t.embed.tbt), t.embed.cls.toFixed(3)],
    ['baseline', ms(t.baseline.readyMs), ms(t.baseline.lcp), ms(t.baseline.tbt), t.baseline.cls.toFixed(3)],
    ['ratio', ratio(t.embed.readyMs, t.baseline.readyMs), ratio(t.embed.lcp, t.baseline.lcp), '', ''],
  ]));
  out.push(table('Time to first rendered graph (from a #s= link)', ['size', 'editor', 'embed', 'baseline', 'editor ratio'],
    Object.entries(r.load).map(([n, l]) => [n, ms(l.app.readyMs), ms(l.embed.readyMs), ms(l.baseline.readyMs), ratio(l.app.readyMs, l.baseline.readyMs)])));
  out.push(table('Animation: a full LoadBalancer trace at 1× (frame intervals p50 / p95 / max / >20 ms)', ['size', 'app', 'React commits', 'baseline', 'p95 ratio'],
    Object.entries(r.animation).map(([n, a]) => [n, frames(a.app), a.app.commits, frames(a.baseline), ratio(a.app.p95, a.baseline.p95)])));
  out.push(table('Drag: 300 px at one pointer move per frame (p50 / p95 / max / >20 ms; wall time)', ['what', 'app', 'app wall', 'baseline', 'baseline wall', 'p95 ratio', 'wall ratio'],
    Object.entries(r.drag).map(([n, d]) => [n, frames(d.app), ms(d.app.wallMs), frames(d.baseline), ms(d.baseline.wallMs), ratio(d.app.p95, d.baseline.p95), ratio(d.app.wallMs, d.baseline.wallMs)])));
  out.push(table('Model (Node, median)', ['cluster', 'trace (first)', 'trace (rules cached)', 'iptablesSave (a node)', 'toManifests', 'parseManifests'],
    r.model.map((m) => [m.cluster, ms(m.traceColdMs), ms(m.traceWarmMs), ms(m.iptablesSaveMs), ms(m.toManifestsMs), ms(m.parseManifestsMs)])));
  return out.join('\n');
}
