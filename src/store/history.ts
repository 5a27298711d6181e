import type { StoreApi } from 'zustand/vanilla';
import type { TemporalState } from 'zundo';
import type { Undoable } from './createAppStore';

export type History = StoreApi<TemporalState<Undoable>>;

/**
 * How many edits undo goes back. Past it the oldest edit is dropped, and the toolbar says so
 * (see `historyIsFull`) rather than losing it silently. Each step holds only references to
 * immutable cluster and position objects, most of them shared, so 500 costs little memory.
 */
export const HISTORY_LIMIT = 500;

/** The undo history of an app store (zundo types it as `unknown` inside slice initialisers). */
export function historyOf(api: object): History {
  return (api as { temporal: History }).temporal;
}

/** Whether the next edit will drop the oldest one from the history. */
export function historyIsFull(history: Pick<TemporalState<Undoable>, 'pastStates'>): boolean {
  return history.pastStates.length >= HISTORY_LIMIT;
}

/** Same dragged positions, by value: a drag that ends where it began is no edit. */
export function samePositions(a: Undoable['positions'], b: Undoable['positions']): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((id) => {
    const p = a[id]!;
    const q = b[id];
    return q !== undefined && p.x === q.x && p.y === q.y;
  });
}

/**
 * zundo's test for "nothing undoable changed, record no step". Clusters are replaced, never
 * mutated, so identity tells for them; positions are compared by value, because every drag
 * ends with a fresh object even when the box did not move.
 */
export function sameUndoable(a: Undoable, b: Undoable): boolean {
  return a.cluster === b.cluster && samePositions(a.positions, b.positions);
}
