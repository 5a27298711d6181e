import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../store/createAppStore';

/**
 * What an embed loads after its first paint (late.ts): the trace engine (model/trace with
 * kube-proxy's rules and DNS), the hop explanation with its wording, the postMessage bridge and the
 * link encoder. The first screen is the diagram, which needs none of them; the packet marker, the
 * playback controls and the bridge wait for the engine. One load per page: every embed and custom
 * element on it shares the module, and each hands the engine to its own store (`useLateParts`).
 */
type Late = typeof import('./late');

let loading: Promise<Late> | undefined;
let late: Late | undefined;
let markLoaded: (module: Late) => void = () => {};
/** Resolves once the late parts are in, whoever loaded them (never rejects: a failed load may be retried). */
const lateParts: Promise<Late> = new Promise((resolve) => (markLoaded = resolve));

/** The late module, once it is in. */
export const lateModule = (): Late | undefined => late;

/** Starts loading the late parts (once; again after a failure) and resolves with them. */
export function loadLateParts(): Promise<Late> {
  loading ??= import('./late').then(
    (module) => {
      late = module;
      markLoaded(module);
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Loads the late parts for this embed's store: its `engineStatus` says how it goes. */
export function startLateParts(store: AppStore): Promise<void> {
  return store.getState().loadTraceEngine(() => loadLateParts().then((m) => m.trace));
}

/**
 * True once the late parts are in and this embed's store has the engine. Parts another embed on
 * the page loaded are handed to this store too, as they arrive.
 */
export function useLateParts(store: AppStore): boolean {
  const ready = useStore(store, (s) => s.engineStatus === 'ready');
  useEffect(() => {
    let mounted = true;
    void lateParts.then((module) => {
      if (mounted) store.getState().provideTraceEngine(module.trace);
    });
    return () => {
      mounted = false;
    };
  }, [store]);
  return ready && late !== undefined;
}
