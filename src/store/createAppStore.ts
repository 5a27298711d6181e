import { createStore, type StateCreator } from 'zustand/vanilla';
import { temporal } from 'zundo';
import { HISTORY_LIMIT, sameUndoable } from './history';
import type { Cluster } from '../model/cluster';
import type { TraceRequest } from '../model/trace/types';
import { createClusterSlice, type ClusterSlice } from './clusterSlice';
import { createLayoutSlice, type LayoutSlice, type XY } from './layoutSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createPlaybackSlice, type Lens, type PlaybackSlice } from './playbackSlice';

export type AppState = ClusterSlice & LayoutSlice & SelectionSlice & PlaybackSlice;

/** What undo/redo restores: the cluster and where its boxes sit, not selection or playback. */
export type Undoable = Pick<AppState, 'cluster' | 'positions'>;

/** A slice of the app store; the combined store carries zundo's `temporal` history. */
export type SliceCreator<T> = StateCreator<AppState, [['temporal', unknown]], [], T>;


export type AppStore = ReturnType<typeof createAppStore>;

/**
 * One store per app instance (two embeds on one page must never share state), built from slices,
 * with undo history (zundo) on the combined store. Vanilla so React, tests and the embed API share it.
 */
/** What a new store starts from: a cluster, and optionally the rest of a saved or shared state. */
export interface InitialState {
  cluster: Cluster;
  request?: TraceRequest | null;
  positions?: Record<string, XY>;
  seed?: number;
  step?: number;
  lens?: Lens;
}

export function createAppStore(initial: InitialState) {
  return createStore<AppState>()(
    temporal(
      (...a) => ({
        ...createClusterSlice(initial.cluster)(...a),
        ...createLayoutSlice(...a),
        ...createSelectionSlice(...a),
        ...createPlaybackSlice(...a),
        request: initial.request ?? null,
        ...(initial.positions ? { positions: initial.positions } : {}),
        ...(initial.seed !== undefined ? { seed: initial.seed } : {}),
        ...(initial.step !== undefined ? { step: initial.step } : {}),
        ...(initial.lens ? { lens: initial.lens } : {}),
      }),
      {
        partialize: (s): Undoable => ({ cluster: s.cluster, positions: s.positions }),
        equality: sameUndoable,
        limit: HISTORY_LIMIT,
      },
    ),
  );
}
