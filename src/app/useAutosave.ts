import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { encodeSnapshot } from '../embed/snapshotCodec';
import { snapshotOf } from '../embed/snapshot';
import { loadsBack, readState } from '../embed/stateCheck';
import { AUTOSAVE_KEY } from './startup';
import { readKey, writeKey, type WriteFailure } from './storage';

/** How the saving goes, for the notice that says so when it does not. */
export type SaveStatus =
  | { kind: 'saved' }
  /** Storage refused the write: the work is only in this page. */
  | { kind: 'failed'; reason: WriteFailure }
  /** The state would not load back (or would crash the page): the last good save is kept instead. */
  | { kind: 'unsaveable' }
  /** Another tab saved its work over this key: nothing is saved here until the person chooses. */
  | { kind: 'conflict' };

const SAVE_DELAY_MS = 400;

const changedSaved = (s: AppState, p: AppState) =>
  s.cluster !== p.cluster || s.positions !== p.positions || s.request !== p.request || s.step !== p.step || s.lens !== p.lens || s.seed !== p.seed;

/**
 * Saves the work to localStorage a moment after it changes (not every frame of a drag), and never
 * silently: each save is first decoded through the same path a reload uses (and trial-run), so a
 * state that would not come back is not written over a good one; a refused write is reported; and
 * another tab's save is noticed (its `storage` event, and a check of the key before each write),
 * after which nothing is written until the person loads that work or keeps their own.
 */
export function useAutosave(enabled: boolean, storedAtStart: string | null = null) {
  const store = useAppStoreApi();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  /** What this tab last read or wrote under the key: anything else there came from another tab. */
  const known = useRef<string | null>(storedAtStart);
  const conflicted = useRef(false);
  const [pending, setPending] = useState(false);
  /** Autosave switched on later (a link the person chose to keep): save what is on show at once. */
  const startedOff = useRef(!enabled);

  const save = useCallback(() => {
    if (conflicted.current) return;
    let encoded: string;
    try {
      const state = store.getState();
      encoded = encodeSnapshot(snapshotOf(state));
      if (!loadsBack(encoded, state.traceEngine)) return setStatus({ kind: 'unsaveable' });
    } catch {
      return setStatus({ kind: 'unsaveable' });
    }
    const stored = readKey(AUTOSAVE_KEY);
    if (stored !== known.current && stored !== encoded) {
      conflicted.current = true;
      return setStatus({ kind: 'conflict' });
    }
    const written = writeKey(AUTOSAVE_KEY, encoded);
    if (!written.ok) return setStatus({ kind: 'failed', reason: written.reason });
    known.current = encoded;
    setPending(false);
    setStatus({ kind: 'saved' });
  }, [store]);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (startedOff.current) {
      // Switched on by the person (keeping a link's diagram): what is stored now is what they chose to replace.
      known.current = readKey(AUTOSAVE_KEY);
      startedOff.current = false;
      timer = setTimeout(save, 0);
    }
    const unsubscribe = store.subscribe((state, previous) => {
      if (!changedSaved(state, previous)) return;
      setPending(true);
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    const onStorage = (e: StorageEvent) => {
      // `key` is null when another tab cleared all of storage: that too changed the saved work.
      if ((e.key !== AUTOSAVE_KEY && e.key !== null) || e.newValue === known.current) return;
      if (e.key === null && readKey(AUTOSAVE_KEY) === known.current) return;
      conflicted.current = true;
      setStatus({ kind: 'conflict' });
    };
    // Leaving the tab (switching away, closing it): save what is waiting now, not in 400 ms.
    const onHide = () => {
      if (document.visibilityState !== 'hidden' || timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      save();
    };
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [enabled, store, save]);

  /** Loads the work another tab saved (the choice after a conflict). */
  const loadTheirs = useCallback(() => {
    const stored = readKey(AUTOSAVE_KEY);
    const read = stored === null ? null : readState(stored, store.getState().traceEngine);
    known.current = stored;
    conflicted.current = false;
    setStatus({ kind: 'saved' });
    if (read?.ok) store.getState().restoreState(read.state);
    setPending(false);
  }, [store]);

  /** Keeps this tab's work, saving it over the other tab's (the other choice after a conflict), or tries a failed save again. */
  const saveMine = useCallback(() => {
    known.current = readKey(AUTOSAVE_KEY);
    conflicted.current = false;
    save();
  }, [save]);

    /** Edits that are only in this page because saving failed or is held back by a conflict. */
  const unsaved = enabled && pending && status.kind !== 'saved';
  return { status: enabled ? status : ({ kind: 'saved' } as SaveStatus), unsaved, loadTheirs, saveMine };
}
