import { useEffect, useState } from 'react';
import type { AppStore } from '../store/createAppStore';
import { provideTraceEngine } from '../store/selectTrace';

/**
 * What an embed loads after its first paint (late.ts): the trace engine (model/trace with
 * kube-proxy's rules and DNS), the hop explanation with its wording, the postMessage bridge and the
 * link encoder. The first screen is the diagram, which needs none of them; the packet marker, the
 * playback controls and the bridge wait for the engine. One load per page: every embed and custom
 * element on it shares the module, and each nudges its own store when it is in (`useLateParts`).
 */
type Late = typeof import('./late');

let loading: Promise<Late> | undefined;
let late: Late | undefined;
let markLoaded: () => void = () => {};
/** Resolves once the late parts are in (never rejects: a failed load may be retried). */
export const lateParts: Promise<void> = new Promise((resolve) => (markLoaded = resolve));

/** The late module, once it is in. */
export const lateModule = (): Late | undefined => late;

/** Starts loading the late parts (once; again after a failure) and resolves with them. */
export function loadLateParts(): Promise<Late> {
  loading ??= import('./late').then(
    (module) => {
      provideTraceEngine(module.trace);
      late = module;
      markLoaded();
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * True once the late parts are in. When they arrive, this embed's store is nudged (a state change
 * with no change in it), so that every selector and subscriber runs again and finds the trace.
 */
export function useLateParts(store: AppStore): boolean {
  const [inPlace, setInPlace] = useState(() => late !== undefined);
  useEffect(() => {
    if (inPlace) return;
    let mounted = true;
    void lateParts.then(() => {
      if (!mounted) return;
      store.setState({});
      setInPlace(true);
    });
    return () => {
      mounted = false;
    };
  }, [store, inPlace]);
  return inPlace;
}
