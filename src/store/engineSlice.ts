import type { trace } from '../model/trace/trace';
import type { SliceCreator } from './createAppStore';

/** The request path engine (`model/trace`, with kube-proxy's rules and DNS). */
export type TraceEngine = typeof trace;

/**
 * `absent`: nobody asked for it yet; `loading`; `ready`; `failed` (a fetch that failed: another
 * `loadTraceEngine` tries again).
 */
export type EngineStatus = 'absent' | 'loading' | 'ready' | 'failed';

export interface EngineSlice {
  /**
   * The trace engine, handed in rather than imported, so that what only draws and steps a trace
   * (the packet marker, the playback controls, the store) does not carry it along. The editor
   * gives it at creation; an embed draws its diagram first and loads it after its first paint.
   * While it is null there is no trace (`selectTrace` answers null, as with no request).
   */
  traceEngine: TraceEngine | null;
  engineStatus: EngineStatus;
  /** Sets the engine (it is pure: one module serves every store on the page). */
  provideTraceEngine: (engine: TraceEngine) => void;
  /** Loads the engine with `load` unless it is in or on its way; resolves when it is in, rejects when the load fails. */
  loadTraceEngine: (load: () => Promise<TraceEngine>) => Promise<void>;
}

export const createEngineSlice =
  (engine: TraceEngine | null): SliceCreator<EngineSlice> =>
  (set, get) => {
    let pending: Promise<void> | undefined;
    return {
      traceEngine: engine,
      engineStatus: engine ? 'ready' : 'absent',
      provideTraceEngine: (traceEngine) => {
        if (get().traceEngine !== traceEngine) set({ traceEngine, engineStatus: 'ready' });
      },
      loadTraceEngine: (load) => {
        if (get().traceEngine) return Promise.resolve();
        pending ??= (set({ engineStatus: 'loading' }), load()).then(
          (loaded) => get().provideTraceEngine(loaded),
          (error: unknown) => {
            pending = undefined;
            if (!get().traceEngine) set({ engineStatus: 'failed' });
            throw error;
          },
        );
        return pending;
      },
    };
  };
