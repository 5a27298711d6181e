import { trace } from '../model/trace/trace';
import { DECODE_FAILURE_TEXT } from '../embed/snapshotCodec';
import { readState, type ReadFailure } from '../embed/stateCheck';
import { linkInHash } from '../embed/linkHash';
import { defaultStart, type InitialState } from '../store/startState';
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
  /**
   * What the autosave key held once start-up was done with it (null: nothing). Autosave starts from
   * this: a save written there after start-up, before the first save of this tab, is another tab's.
   */
  stored: string | null;
  notice?: StartupNotice;
}

/** What to tell a person about a link that cannot be shown. */
const LINK_FAILURE_TEXT: Record<ReadFailure, string> = {
  ...DECODE_FAILURE_TEXT,
  crashes: 'The link describes a cluster the explainer cannot draw.',
};

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
  const link = linkInHash(hash);
  if (link !== undefined) {
    const read = readState(link, trace);
    if (!read.ok) return { initial: defaultStart(), autosave: false, stored: readKey(AUTOSAVE_KEY), notice: { kind: 'link-failed', message: LINK_FAILURE_TEXT[read.reason] } };
    return { initial: read.state, autosave: false, stored: readKey(AUTOSAVE_KEY), notice: { kind: 'link-opened' } };
  }
  const saved = readKey(AUTOSAVE_KEY);
  if (saved === null) return { initial: defaultStart(), autosave: true, stored: null };
  const read = readState(saved, trace);
  if (read.ok) return { initial: read.state, autosave: true, stored: saved };
  // Keep the unreadable save where autosave will not overwrite it, for the person to download.
  const keptAs = keepAsideKey(now);
  if (writeKey(keptAs, saved).ok && readKey(keptAs) === saved) {
    removeKey(AUTOSAVE_KEY);
    return { initial: defaultStart(), autosave: true, stored: null, notice: { kind: 'saved-unreadable', raw: saved, keptAs } };
  }
  // Storage refused the copy (full?): the save stays where it is and autosave waits until the
  // person chooses to replace it, so nothing is written over it meanwhile.
  return { initial: defaultStart(), autosave: false, stored: saved, notice: { kind: 'saved-unreadable', raw: saved } };
}
