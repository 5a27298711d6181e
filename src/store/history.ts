import type { StoreApi } from 'zustand/vanilla';
import type { TemporalState } from 'zundo';
import type { Undoable } from './createAppStore';

export type History = StoreApi<TemporalState<Undoable>>;

/** The undo history of an app store (zundo types it as `unknown` inside slice initialisers). */
export function historyOf(api: object): History {
  return (api as { temporal: History }).temporal;
}
