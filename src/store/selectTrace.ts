import type { Cluster } from '../model/cluster';
import type { Trace, TraceRequest } from '../model/trace/types';
import type { AppState } from './createAppStore';
import type { TraceEngine } from './engineSlice';

/**
 * The trace of the current request, derived from cluster + request + seed and memoised on them,
 * so every subscriber (panel, marker, highlight) shares one computation and editing the cluster
 * re-runs it automatically.
 */
const cache = new WeakMap<Cluster, Map<string, Trace>>();

/** The trace of `request` by `engine`, memoised (the engine is pure: one cache serves every store). */
export function traceFor(engine: TraceEngine, cluster: Cluster, request: TraceRequest, seed: number): Trace {
  let byRequest = cache.get(cluster);
  if (!byRequest) cache.set(cluster, (byRequest = new Map()));
  const key = `${seed}|${JSON.stringify(request)}`;
  let found = byRequest.get(key);
  if (!found) {
    found = engine(cluster, request, { seed });
    byRequest.set(key, found);
  }
  return found;
}

/** The current request's trace; null without a request, or while the engine is not in (see engineSlice.ts). */
export const selectTrace = (s: AppState): Trace | null => (s.request && s.traceEngine ? traceFor(s.traceEngine, s.cluster, s.request, s.seed) : null);

/** The step on show, clamped to the trace (an edit can make a trace shorter). */
export const selectStep = (s: AppState): number => Math.min(s.step, selectTrace(s)?.hops.length ?? 0);
