import { defaultScenario } from '../model/scenarios/defaultScenario';
import { defaultRequestFor } from '../model/requestOptions';
import { decodeSnapshot, DECODE_FAILURE_TEXT } from '../embed/snapshotCodec';
import type { InitialState } from '../store/createAppStore';

export const AUTOSAVE_KEY = 'service-explainer:autosave';
export const UNREADABLE_KEY = 'service-explainer:autosave-unreadable';

/** Something to tell the person on arrival, with what they can do about it. */
export type StartupNotice =
  | { kind: 'link-opened' }
  | { kind: 'link-failed'; message: string }
  | { kind: 'saved-unreadable'; raw: string };

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

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Where the full app starts: a shared link (`#s=…`) wins and pauses autosave, so opening someone's
 * link never overwrites your own work; else the autosaved state; else the default scenario. A link
 * or a save that cannot be read is reported, never fatal, and a bad save is kept aside, not lost.
 */
export function decideStartup(hash: string): Startup {
  const link = /^#s=(.*)$/.exec(hash)?.[1];
  if (link !== undefined) {
    const decoded = decodeSnapshot(link);
    if (decoded.ok) return { initial: decoded.state, autosave: false, notice: { kind: 'link-opened' } };
    return { initial: defaultState(), autosave: false, notice: { kind: 'link-failed', message: DECODE_FAILURE_TEXT[decoded.reason] } };
  }
  const saved = readStorage(AUTOSAVE_KEY);
  if (saved === null) return { initial: defaultState(), autosave: true };
  const decoded = decodeSnapshot(saved);
  if (decoded.ok) return { initial: decoded.state, autosave: true };
  try {
    // Keep the unreadable save where autosave will not overwrite it, for the person to download.
    localStorage.setItem(UNREADABLE_KEY, saved);
    localStorage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage refused: the notice still offers the text for download.
  }
  return { initial: defaultState(), autosave: true, notice: { kind: 'saved-unreadable', raw: saved } };
}
