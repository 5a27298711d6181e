import { createStore, type StateCreator } from 'zustand/vanilla';
import { temporal } from 'zundo';
import type { Cluster } from '../model/cluster';
import type { TraceRequest } from '../model/trace/types';
import { createClusterSlice, type ClusterSlice } from './clusterSlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';

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
export function createAppStore(initial: { cluster: Cluster; request?: TraceRequest | null }) {
  return createStore<AppState>()(
    temporal(
      (...a) => ({
        ...createClusterSlice(initial.cluster)(...a),
        ...createLayoutSlice(...a),
        ...createSelectionSlice(...a),
        ...createPlaybackSlice(...a),
        request: initial.request ?? null,
      }),
      {
        partialize: (s): Undoable => ({ cluster: s.cluster, positions: s.positions }),
        // Objects are replaced, never mutated, so identity tells whether anything undoable changed.
        equality: (a, b) => a.cluster === b.cluster && a.positions === b.positions,
        limit: 200,
      },
    ),
  );
}
