import type { AppStore } from '../store/createAppStore';
import type { InitialState } from '../store/startState';
import { crashesOnLoad } from './stateCheck';

export const CANNOT_DRAW = 'That diagram could not be drawn; the one on show stays.';

/** The part of the store a later diagram replaces, and the error boundary may go back to. */
export function shownState(store: AppStore): InitialState {
  const { cluster, positions, request, seed, step, lens } = store.getState();
  return { cluster, positions, request, seed, step, lens };
}

/**
 * Shows a resolved state, unless it would crash the page (its trace or its manifests throw): then
 * the diagram on show stays. The state it replaces goes into `previous`, for the error boundary to
 * go back to should drawing the new one crash. Answers the problem to show ('' when it is shown).
 */
export function showState(store: AppStore, initial: InitialState, previous: { current: InitialState | null }): string {
  if (crashesOnLoad(initial, store.getState().traceEngine)) return CANNOT_DRAW;
  previous.current = shownState(store);
  try {
    store.getState().restoreState(initial);
    return '';
  } catch {
    store.getState().restoreState(previous.current);
    return CANNOT_DRAW;
  }
}
