/**
 * The manifest fuzz, short and seeded in `npm run test:unit`; `npm run fuzz` runs 10,000 inputs
 * (FUZZ_RUNS, FUZZ_SEED override) and prints the summary.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, runFuzz } from './runner';

const runs = Number(import.meta.env.FUZZ_RUNS ?? 300);
const seed = Number(import.meta.env.FUZZ_SEED ?? 20261201);
/** FUZZ_PATH=824 (with FUZZ_RUNS=1) replays input #824 of the seed alone, as a failure line names it. */
const path: string | undefined = import.meta.env.FUZZ_PATH;
/** FUZZ_LOG: a file that gets each failure and progress line as it happens (the reporter prints at the end). */
const logFile: string | undefined = import.meta.env.FUZZ_LOG;
const fsModule = 'node:fs'; // a variable, so the app's tsconfig (no Node types) does not type it
const fs = logFile ? (await import(/* @vite-ignore */ fsModule)) as { appendFileSync(path: string, data: string): void } : undefined;
const log = (line: string): void => {
  if (runs > 300) console.log(line);
  if (logFile) fs?.appendFileSync(logFile, `${line}\n`);
};

describe('manifest fuzz', () => {
  it(`${runs} seeded inputs: no throw, none over 2 s, every kept cluster valid and viewable`, () => {
    const summary = runFuzz({
      runs, seed, path,
      onFailure: (f) => log(`#${f.index} ${f.kind}: ${f.detail}\n  input: ${JSON.stringify(f.input.slice(0, 160))}`),
      onProgress: (s) => log(`progress: ${formatSummary(s)}`),
    });
    console.log(formatSummary(summary));
    expect(summary.failures.map((f) => `#${f.index} ${f.kind}: ${f.detail}`).slice(0, 10)).toEqual([]);
    expect(summary.runs).toBe(runs);
  }, 600_000);
});
