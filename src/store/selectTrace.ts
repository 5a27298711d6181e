import type { Cluster } from '../model/cluster';
import { trace } from '../model/trace/trace';
import type { Trace, TraceRequest } from '../model/trace/types';
import type { AppState } from './createAppStore';

/**
 * The trace of the current request, derived from cluster + request + seed and memoised on them,
 * so every subscriber (panel, marker, highlight) shares one computation and editing the cluster
 * re-runs it automatically.
 */
const cache = new WeakMap<Cluster, Map<string, Trace>>();

export function traceFor(cluster: Cluster, request: TraceRequest, seed: number): Trace {
  let byRequest = cache.get(cluster);
  if (!byRequest) cache.set(cluster, (byRequest = new Map()));
  const key = `${seed}|${JSON.stringify(request)}`;
  let found = byRequest.get(key);
  if (!found) {
    found = trace(cluster, request, { seed });
    byRequest.set(key, found);
  }
  return found;
}

export const selectTrace = (s: AppState): Trace | null => (s.request ? traceFor(s.cluster, s.request, s.seed) : null);

/** The step on show, clamped to the trace (an edit can make a trace shorter). */
export const selectStep = (s: AppState): number => Math.min(s.step, selectTrace(s)?.hops.length ?? 0);
