import type { Cluster } from '../model/cluster';
import type { EditError, EditResult } from '../model/edits';
import type { InitialState, SliceCreator } from './createAppStore';
import { defaultRequestFor, sourceExists } from '../model/defaultRequest';

export interface ClusterSlice {
  /** The cluster as the model hands it out; replaced whole by actions, never mutated. */
  cluster: Cluster;
  /** Replaces the cluster (loading a scenario); clears what referred to the old one. */
  loadCluster: (cluster: Cluster) => void;
  /** Replaces everything a saved or shared state holds (undoable, like loading a scenario). */
  restoreState: (state: Pick<InitialState, 'cluster' | 'positions' | 'request' | 'seed' | 'step' | 'lens'>) => void;
  /**
   * Applies a model edit (see model/edits.ts). When the model refuses it, nothing changes and the
   * API server's errors come back for the UI to show; an empty list means it was applied.
   * `forget` lists canvas ids whose dragged positions no longer apply (a pod now on another node).
   */
  applyEdit: (edit: (cluster: Cluster) => EditResult, forget?: string[]) => EditError[];
}

export const createClusterSlice =
  (initial: Cluster): SliceCreator<ClusterSlice> =>
  (set, get) => ({
    cluster: initial,
    loadCluster: (cluster) =>
      set((s) => ({ cluster, positions: {}, selectedId: null, request: defaultRequestFor(cluster) ?? null, step: 0, playing: false, viewEpoch: s.viewEpoch + 1 })),
    restoreState: ({ cluster, positions = {}, request = null, seed = 0, step = 0, lens = 'layers' }) =>
      set((s) => ({ cluster, positions, request, seed, step, lens, selectedId: null, playing: false, viewEpoch: s.viewEpoch + 1 })),
    applyEdit: (edit, forget = []) => {
      const result = edit(get().cluster);
      if (!result.ok) return result.errors;
      const positions = { ...get().positions };
      for (const id of forget) delete positions[id];
      // A request whose sender is gone (its pod deleted, another cluster imported) gives way to the
      // new cluster's suggested one, rather than explaining why a missing host sends nothing.
      const { request } = get();
      const stale = request !== null && !sourceExists(result.cluster, request.from);
      set({ cluster: result.cluster, positions, ...(stale ? { request: defaultRequestFor(result.cluster) ?? null, step: 0, playing: false } : {}) });
      return [];
    },
  });
