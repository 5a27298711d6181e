/**
 * The model benchmark: `BENCH=1 vitest run src/model/trace/bench.test.ts`. Skipped otherwise, so
 * `npm test` stays fast; it prints timings rather than asserting them (a benchmark, not a timed test).
 */
import { describe, expect, it } from 'vitest';
import { benchModel } from './bench';

const enabled = import.meta.env.BENCH === '1';

describe.skipIf(!enabled)('model benchmark (BENCH=1)', () => {
  it('times trace and iptablesSave on 100 nodes, 5,000 pods, 1,000 Services', () => {
    const t = benchModel();
    console.log([
      `model benchmark: ${t.size.nodes} nodes, ${t.size.pods} pods, ${t.size.services} Services (median of ${t.runs})`,
      `  iptablesSave (one node):         ${t.iptablesSaveMs.toFixed(1)} ms  (aim < 200 ms)`,
      `  trace, first on a cluster:       ${t.traceColdMs.toFixed(1)} ms  (indexes + one node's rules)`,
      `  trace, rules cached:             ${t.traceWarmMs.toFixed(2)} ms  (aim < 5 ms)`,
    ].join('\n'));
    expect(t.traceWarmMs).toBeGreaterThan(0);
  }, 120_000);
});
