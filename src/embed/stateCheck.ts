import { toManifestObjects } from '../model/manifests/toObjects';
import { decodeSnapshot, type DecodeFailure } from './snapshotCodec';
import { traceFor } from '../store/selectTrace';
import type { TraceEngine } from '../store/engineSlice';
import type { InitialState } from '../store/startState';
import type { RestoredState } from './snapshot';

/**
 * Whether a decoded state would throw where the page first uses it: its trace (drawn at once when a
 * request is set; checked when `engine` is in) and its manifests (what an autosave or a link writes
 * back). Run before a link, a save or an embed's `load` is shown, so a state that would crash the
 * page is refused with a message instead, and the diagram on show stays. (The model answers bad
 * input with errors, never exceptions; this is the guard for the day it does not.)
 */
export function crashesOnLoad(state: InitialState, engine: TraceEngine | null): boolean {
  try {
    if (state.request && engine) traceFor(engine, state.cluster, state.request, state.seed ?? 0);
    toManifestObjects(state.cluster);
    return false;
  } catch {
    return true;
  }
}

/** Why an encoded state cannot be shown: the codec's reasons, or `crashes` (it decodes but would not draw). */
export type ReadFailure = DecodeFailure | 'crashes';

/**
 * The one set of rules for reading a saved or shared state (a link, an autosave, an exported
 * file): decoded by the codec's checks, then refused if it would crash the page.
 */
export function readState(encoded: string, engine: TraceEngine | null): { ok: true; state: RestoredState } | { ok: false; reason: ReadFailure } {
  const decoded = decodeSnapshot(encoded);
  if (!decoded.ok) return decoded;
  return crashesOnLoad(decoded.state, engine) ? { ok: false, reason: 'crashes' } : decoded;
}

/** Whether an encoded snapshot (a save, a link, an exported file's state) loads back and draws. */
export function loadsBack(encoded: string, engine: TraceEngine | null): boolean {
  return readState(encoded, engine).ok;
}
