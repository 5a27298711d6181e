import type { ExclusionReason, PodExclusion } from './endpoints';

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment): `wbe` is one typo from `web`. */
function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

type LabelMismatch = Extract<ExclusionReason, { kind: 'label-mismatch' }>;

/**
 * The one label that keeps a pod out of a Service, when it is plausibly a mistake worth showing:
 * exactly one selector key differs, and either the selector has other keys the pod does match,
 * or the pod's value is a near-typo of the expected one. Unrelated pods (another app) return
 * undefined, so the canvas does not draw a "near miss" to every pod in the namespace.
 */
export function nearMissLabel(exclusions: PodExclusion[], podName: string, selectorSize: number): LabelMismatch | undefined {
  const mismatches = exclusions
    .filter((e) => e.podName === podName && e.reason.kind === 'label-mismatch')
    .map((e) => e.reason as LabelMismatch);
  if (mismatches.length !== 1) return undefined;
  const [miss] = mismatches as [LabelMismatch];
  if (selectorSize > 1) return miss;
  if (miss.actual === undefined) return undefined;
  // `app1` against `app12`, `web-1` against `web-2`: numbered siblings, not typos.
  const stem = (v: string) => v.replace(/[-_]?\d+$/, '');
  if (/\d$/.test(miss.actual) && /\d$/.test(miss.expected) && stem(miss.actual) === stem(miss.expected)) return undefined;
  const distance = typoDistance(miss.actual.toLowerCase(), miss.expected.toLowerCase());
  return distance <= Math.max(1, Math.floor(miss.expected.length / 3)) ? miss : undefined;
}
