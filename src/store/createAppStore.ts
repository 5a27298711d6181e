import { createStore } from 'zustand/vanilla';
import type { Cluster } from '../model/cluster';
import { createClusterSlice, type ClusterSlice } from './clusterSlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';

export type AppState = ClusterSlice & LayoutSlice & SelectionSlice;

export type AppStore = ReturnType<typeof createAppStore>;

/**
 * One store per app instance (two embeds on one page must never share state), built from slices.
 * Vanilla so the same store serves React, tests and the embed API.
 */
export function createAppStore(initial: { cluster: Cluster }) {
  return createStore<AppState>()((...a) => ({
    ...createClusterSlice(initial.cluster)(...a),
    ...createLayoutSlice(...a),
    ...createSelectionSlice(...a),
  }));
}
