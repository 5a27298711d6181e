/**
 * The manifest fuzz, short and seeded in `npm run test:unit`; `npm run fuzz` runs 10,000 inputs
 * (FUZZ_RUNS, FUZZ_SEED override) and prints the summary.
 */
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSummary, runFuzz } from './runner';

const runs = Number(import.meta.env.FUZZ_RUNS ?? 300);
const seed = Number(import.meta.env.FUZZ_SEED ?? 20261201);
/** FUZZ_LOG: a file that gets each failure and progress line as it happens (the reporter prints at the end). */
const log = (line: string): void => {
  if (runs > 300) console.log(line);
  if (import.meta.env.FUZZ_LOG) appendFileSync(import.meta.env.FUZZ_LOG, `${line}\n`);
};

describe('manifest fuzz', () => {
  it(`${runs} seeded inputs: no throw, none over 2 s, every kept cluster valid and viewable`, () => {
    const summary = runFuzz({
      runs, seed,
      onFailure: (f) => log(`#${f.index} ${f.kind}: ${f.detail}\n  input: ${JSON.stringify(f.input.slice(0, 160))}`),
      onProgress: (s) => log(`progress: ${formatSummary(s)}`),
    });
    console.log(formatSummary(summary));
    expect(summary.failures.map((f) => `#${f.index} ${f.kind}: ${f.detail}`).slice(0, 10)).toEqual([]);
    expect(summary.runs).toBe(runs);
  }, 600_000);
});
