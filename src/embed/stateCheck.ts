import { toManifestObjects } from '../model/manifests/toObjects';
import { decodeSnapshot } from './snapshotCodec';
import { hasTraceEngine, traceFor } from '../store/selectTrace';
import type { InitialState } from '../store/createAppStore';

/**
 * Whether a decoded state would throw where the page first uses it: its trace (drawn at once when a
 * request is set) and its manifests (what an autosave or a link writes back). Run before a link,
 * a save or an embed's `load` is shown, so a state that would crash the page is refused with a
 * message instead, and the diagram on show stays. (The model answers bad input with errors, never
 * exceptions; this is the guard for the day it does not.)
 */
export function crashesOnLoad(state: InitialState): boolean {
  try {
    if (state.request && hasTraceEngine()) traceFor(state.cluster, state.request, state.seed ?? 0);
    toManifestObjects(state.cluster);
    return false;
  } catch {
    return true;
  }
}

/** Whether an encoded snapshot (a save, a link, an exported file's state) loads back and draws. */
export function loadsBack(encoded: string): boolean {
  const back = decodeSnapshot(encoded);
  return back.ok && !crashesOnLoad(back.state);
}
