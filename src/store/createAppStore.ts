import { createStore, type StateCreator } from 'zustand/vanilla';
import { temporal } from 'zundo';
import { HISTORY_LIMIT, sameUndoable } from './history';
import { createClusterSlice, type ClusterSlice } from './clusterSlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createEngineSlice, type EngineSlice, type TraceEngine } from './engineSlice';
import { createSceneActions, type SceneActions } from './sceneActions';
import { startFields, type InitialState } from './startState';
import { defaultEngine } from './defaultEngine';

export type AppState = ClusterSlice & LayoutSlice & SelectionSlice & PlaybackSlice & EngineSlice & SceneActions;

/** What undo/redo restores: the cluster and where its boxes sit, not selection or playback. */
export type Undoable = Pick<AppState, 'cluster' | 'positions'>;

/** A slice of the app store; the combined store carries zundo's `temporal` history. */
export type SliceCreator<T> = StateCreator<AppState, [['temporal', unknown]], [], T>;

export type AppStore = ReturnType<typeof createAppStore>;

/**
 * One store per app instance (two embeds on one page must never share state), built from slices,
 * with undo history (zundo) on the combined store. Vanilla so React, tests and the embed API share it.
 * `traceEngine` is the engine to trace with from the start (the editor's); without it the store
 * waits for `loadTraceEngine` (an embed, after its first paint).
 */
export function createAppStore(initial: InitialState, { traceEngine = defaultEngine }: { traceEngine?: TraceEngine | null } = {}) {
  const start = startFields(initial);
  return createStore<AppState>()(
    temporal(
      (...a) => ({
        ...createClusterSlice(start)(...a),
        ...createLayoutSlice(start)(...a),
        ...createSelectionSlice(start)(...a),
        ...createPlaybackSlice(start)(...a),
        ...createEngineSlice(traceEngine)(...a),
        ...createSceneActions(...a),
      }),
      {
        partialize: (s): Undoable => ({ cluster: s.cluster, positions: s.positions }),
        equality: sameUndoable,
        limit: HISTORY_LIMIT,
      },
    ),
  );
}
