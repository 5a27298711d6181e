/**
 * The fuzz loop: draws inputs from `fuzzInput` with a fixed seed, reads each with
 * parseManifests, and checks that nothing throws, nothing runs past the time budget, and every
 * cluster the model keeps (accepted whole, or the valid part of a file with errors, which
 * "Import only the valid objects" uses) holds every invariant and survives every view.
 */
import fc from 'fast-check';
import { monotonicMs } from '../clock';
import { parseManifests } from '../manifests/parse';
import { exerciseViews, roundTrip, roundTripDifference } from './exercise';
import { fuzzInput } from './generators';
import { invariantViolations } from './invariants';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** CPU milliseconds each stage of one input may take: reading it, the views, the round trip. */
  budgetMs?: number;
  /** Called with each failure as it is found (for a CLI's progress). */
  onFailure?: (failure: FuzzFailure) => void;
  /** Called every `progressEvery` inputs with the summary so far. */
  onProgress?: (summary: FuzzSummary) => void;
  progressEvery?: number;
  /** fast-check's replay path: "824" runs input #824 of the seed alone (with `runs: 1`). */
  path?: string;
}

export interface FuzzFailure {
  index: number;
  kind: 'throw' | 'over-budget' | 'invariant';
  detail: string;
  /** The start of the input, enough to recognise it (rerun the seed for the whole). */
  input: string;
}

export interface FuzzSummary {
  runs: number;
  accepted: number;
  refused: number;
  throws: number;
  overBudget: number;
  invariantViolations: number;
  failures: FuzzFailure[];
}

/** "10000 inputs: 0 throws, 0 over budget, 0 invariant violations (3497 accepted, 6503 refused)". */
export function formatSummary(s: FuzzSummary): string {
  return `${s.runs} inputs: ${s.throws} throws, ${s.overBudget} over budget, ${s.invariantViolations} invariant violations (${s.accepted} accepted, ${s.refused} refused)`;
}

/**
 * This process's CPU time in ms where Node gives it (user + system), else wall time. The budget is
 * about the model's work; on a shared machine wall time mostly measures the neighbours.
 */
function cpuMs(): number {
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  const usage = proc?.cpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : monotonicMs();
}

export function runFuzz({ runs, seed, budgetMs = 2000, onFailure, onProgress, progressEvery = 500, path }: FuzzOptions): FuzzSummary {
  const summary: FuzzSummary = { runs: 0, accepted: 0, refused: 0, throws: 0, overBudget: 0, invariantViolations: 0, failures: [] };
  const fail = (f: FuzzFailure): void => {
    if (summary.failures.length < 200) summary.failures.push(f);
    onFailure?.(f);
  };
  fc.assert(fc.property(fuzzInput, (text) => {
    const index = (path ? Number(path.split(':')[0]) : 0) + summary.runs++;
    const input = text.slice(0, 300);
    // Three stages, each on the budget: reading the input, the views, the round trip.
    const took: Record<string, number> = {};
    const timed = <T>(stage: string, run: () => T): T => {
      const started = cpuMs();
      try {
        return run();
      } finally {
        took[stage] = cpuMs() - started;
      }
    };
    try {
      const result = timed('parse', () => parseManifests(text));
      if (result.errors.length) summary.refused++;
      else summary.accepted++;
      const violations = invariantViolations(result.cluster);
      timed('views', () => exerciseViews(result.cluster));
      const back = timed('round trip', () => roundTrip(result.cluster));
      const difference = roundTripDifference(result.cluster, back);
      if (difference) violations.push(difference);
      if (violations.length) {
        summary.invariantViolations++;
        fail({ index, kind: 'invariant', detail: violations.slice(0, 3).join('; '), input });
      }
    } catch (error) {
      summary.throws++;
      fail({ index, kind: 'throw', detail: String(error instanceof Error ? `${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n')}` : error), input });
    }
    const slow = Object.entries(took).filter(([, ms]) => ms > budgetMs);
    if (slow.length) {
      summary.overBudget++;
      fail({ index, kind: 'over-budget', detail: slow.map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`).join(', '), input });
    }
    if (summary.runs % progressEvery === 0) onProgress?.(summary);
    return true;
  }), { seed, numRuns: runs, endOnFailure: true, ...(path ? { path } : {}) });
  return summary;
}
