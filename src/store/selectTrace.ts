import type { Cluster } from '../model/cluster';
import type { trace } from '../model/trace/trace';
import type { Trace, TraceRequest } from '../model/trace/types';
import type { AppState } from './createAppStore';

/**
 * The trace engine (`model/trace`, with kube-proxy's rules and DNS) is handed to this module rather
 * than imported by it, so that what only draws and steps a trace (the packet marker, the playback
 * controls, the store) does not carry the engine along. The editor provides it before its first
 * render (app/App.tsx); an embed draws its diagram first and provides it after its first paint
 * (embed/lateParts.ts), then nudges its store so that subscribers run again. Until then there is no
 * trace: `selectTrace` answers null, as it does when no request is set.
 */
export type TraceEngine = typeof trace;

let engine: TraceEngine | undefined;

/** Hands the trace engine to every store on the page (it is pure: one for all). */
export function provideTraceEngine(fn: TraceEngine): void {
  engine = fn;
}

/** True once `provideTraceEngine` has been called. */
export const hasTraceEngine = (): boolean => engine !== undefined;

// Outside a browser there is no first paint to protect: under Vite's SSR loader (the benchmark's
// preparation) and Vitest's Node environment (every unit test) the engine is there from the start.
// Browser builds drop this branch, and its `await`, at build time.
if (import.meta.env.SSR) provideTraceEngine((await import('../model/trace/trace')).trace);

/**
 * The trace of the current request, derived from cluster + request + seed and memoised on them,
 * so every subscriber (panel, marker, highlight) shares one computation and editing the cluster
 * re-runs it automatically.
 */
const cache = new WeakMap<Cluster, Map<string, Trace>>();

/** The trace of `request`, memoised; needs the engine (see `provideTraceEngine`). */
export function traceFor(cluster: Cluster, request: TraceRequest, seed: number): Trace {
  if (!engine) throw new Error('traceFor: no trace engine yet (provideTraceEngine)');
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

/** The current request's trace; null without a request, or while the engine is still loading. */
export const selectTrace = (s: AppState): Trace | null => (s.request && engine ? traceFor(s.cluster, s.request, s.seed) : null);

/** The step on show, clamped to the trace (an edit can make a trace shorter). */
export const selectStep = (s: AppState): number => Math.min(s.step, selectTrace(s)?.hops.length ?? 0);
