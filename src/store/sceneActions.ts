import type { Cluster } from '../model/cluster';
import type { EditError, EditResult } from '../model/edits';
import type { TraceRequest } from '../model/trace/types';
import { defaultRequestFor, sourceExists } from '../model/defaultRequest';
import { startFields, type InitialState } from './startState';
import type { SliceCreator } from './createAppStore';

/**
 * The changes that span slices, each one named action (one `set`, one undo step): a new cluster
 * always clears what referred to the old one, across cluster, layout, selection and playback.
 */
export interface SceneActions {
  /** Replaces the cluster (an empty canvas); its suggested request replaces the old one. */
  loadCluster: (cluster: Cluster) => void;
  /** Shows a catalog scenario: its cluster and its suggested request (undoable, like any new cluster). */
  loadScenario: (scenario: { cluster: Cluster; request: TraceRequest | null }) => void;
  /** Replaces everything a saved or shared state holds (undoable, like loading a scenario). */
  restoreState: (state: InitialState) => void;
  /**
   * Applies a model edit (see model/edits.ts). When the model refuses it, nothing changes and the
   * API server's errors come back for the UI to show; an empty list means it was applied.
   * `forget` lists canvas ids whose dragged positions no longer apply (a pod now on another node).
   */
  applyEdit: (edit: (cluster: Cluster) => EditResult, forget?: string[]) => EditError[];
}

export const createSceneActions: SliceCreator<SceneActions> = (set, get) => {
  /** A new diagram: the start fields, keeping the seed and the lens the person chose. */
  const replaceCluster = (cluster: Cluster, request: TraceRequest | null) =>
    set((s) => ({ ...startFields({ cluster, request, seed: s.seed, lens: s.lens }), viewEpoch: s.viewEpoch + 1 }));
  return {
    loadCluster: (cluster) => replaceCluster(cluster, defaultRequestFor(cluster) ?? null),
    loadScenario: ({ cluster, request }) => replaceCluster(cluster, request),
    restoreState: (state) => set((s) => ({ ...startFields(state), viewEpoch: s.viewEpoch + 1 })),
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
  };
};
