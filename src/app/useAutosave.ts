import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { encodeSnapshot } from '../embed/snapshotCodec';
import { snapshotOf } from '../embed/snapshot';
import { AUTOSAVE_KEY } from './startup';

/** Saves the work to localStorage a moment after it changes (not every frame of a drag). */
export function useAutosave(enabled: boolean) {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      try {
        localStorage.setItem(AUTOSAVE_KEY, encodeSnapshot(snapshotOf(store.getState())));
      } catch {
        // A full or disabled storage: the work stays in the page; nothing to do but not crash.
      }
    };
    const unsubscribe = store.subscribe((state, previous) => {
      const changed = state.cluster !== previous.cluster || state.positions !== previous.positions || state.request !== previous.request
        || state.step !== previous.step || state.lens !== previous.lens || state.seed !== previous.seed;
      if (!changed) return;
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [enabled, store]);
}
