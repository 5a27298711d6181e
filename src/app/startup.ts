import { defaultScenario } from '../model/scenarios/defaultScenario';
import { defaultRequestFor } from '../model/requestOptions';
import { decodeSnapshot, DECODE_FAILURE_TEXT } from '../embed/snapshotCodec';
import { crashesOnLoad } from '../embed/stateCheck';
import type { InitialState } from '../store/createAppStore';
import { allKeys, readKey, removeKey, writeKey } from './storage';

export const AUTOSAVE_KEY = 'service-explainer:autosave';
/** Prefix of the keys unreadable saves are kept under, one key each (`…:<time>`), never replaced. */
export const UNREADABLE_KEY = 'service-explainer:autosave-unreadable';

/** Something to tell the person on arrival, with what they can do about it. */
export type StartupNotice =
  | { kind: 'link-opened' }
  | { kind: 'link-failed'; message: string }
  /** `keptAs` is the key the save was copied to; absent when storage refused the copy (it stays in place). */
  | { kind: 'saved-unreadable'; raw: string; keptAs?: string }
  /** The page crashed and started again from the default scenario; the saved work was not touched. */
  | { kind: 'restarted' };

export interface Startup {
  initial: InitialState;
  /** Whether local edits may be autosaved right away (not while a shared link is on show). */
  autosave: boolean;
  notice?: StartupNotice;
}

export function defaultState(): InitialState {
  const cluster = defaultScenario();
  return { cluster, request: defaultRequestFor(cluster) ?? null };
}

const CRASHING_LINK_TEXT = 'The link describes a cluster the explainer cannot draw.';

/** A fresh key for an unreadable save: an earlier one kept aside is never written over. */
function keepAsideKey(now: number): string {
  const taken = new Set(allKeys());
  let key = `${UNREADABLE_KEY}:${new Date(now).toISOString()}`;
  for (let n = 2; taken.has(key); n++) key = `${UNREADABLE_KEY}:${new Date(now).toISOString()}-${n}`;
  return key;
}

/**
 * Where the full app starts: a shared link (`#s=…`) wins and pauses autosave, so opening someone's
 * link never overwrites your own work; else the autosaved state; else the default scenario. A link
 * or a save that cannot be read (or would crash the page) is reported, never fatal, and a bad save
 * is kept aside under a key of its own, not lost.
 */
export function decideStartup(hash: string, now = Date.now()): Startup {
  const link = /^#s=(.*)$/.exec(hash)?.[1];
  if (link !== undefined) {
    const decoded = decodeSnapshot(link);
    if (!decoded.ok) return { initial: defaultState(), autosave: false, notice: { kind: 'link-failed', message: DECODE_FAILURE_TEXT[decoded.reason] } };
    if (crashesOnLoad(decoded.state)) return { initial: defaultState(), autosave: false, notice: { kind: 'link-failed', message: CRASHING_LINK_TEXT } };
    return { initial: decoded.state, autosave: false, notice: { kind: 'link-opened' } };
  }
  const saved = readKey(AUTOSAVE_KEY);
  if (saved === null) return { initial: defaultState(), autosave: true };
  const decoded = decodeSnapshot(saved);
  if (decoded.ok && !crashesOnLoad(decoded.state)) return { initial: decoded.state, autosave: true };
  // Keep the unreadable save where autosave will not overwrite it, for the person to download.
  const keptAs = keepAsideKey(now);
  if (writeKey(keptAs, saved).ok && readKey(keptAs) === saved) {
    removeKey(AUTOSAVE_KEY);
    return { initial: defaultState(), autosave: true, notice: { kind: 'saved-unreadable', raw: saved, keptAs } };
  }
  // Storage refused the copy (full?): the save stays where it is and autosave waits until the
  // person chooses to replace it, so nothing is written over it meanwhile.
  return { initial: defaultState(), autosave: false, notice: { kind: 'saved-unreadable', raw: saved } };
}
