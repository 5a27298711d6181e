import type { Cluster } from '../model/cluster';
import { manifestsWithoutAddedAddons } from '../model/addons/compact';
import type { TraceRequest } from '../model/trace/types';
import type { XY } from '../store/layoutSlice';
import type { Lens } from '../store/playbackSlice';
import type { AppState } from '../store/createAppStore';

/** The current version of the saved/shared state. Bump it, and add a migration, when the shape changes. */
export const SNAPSHOT_VERSION = 1;

/**
 * Everything a link or an autosave carries: the cluster as manifest objects (so loading one goes
 * through the model's validation and allocation like any import, and trusts nothing), where boxes
 * were dragged, and the request on show.
 */
export interface Snapshot {
  v: typeof SNAPSHOT_VERSION;
  manifests: Record<string, unknown>[];
  positions: Record<string, XY>;
  request: TraceRequest | null;
  seed: number;
  step: number;
  lens: Lens;
}

/** What a decoded snapshot restores. */
export interface RestoredState {
  cluster: Cluster;
  positions: Record<string, XY>;
  request: TraceRequest | null;
  seed: number;
  step: number;
  lens: Lens;
}

export function snapshotOf(state: Pick<AppState, 'cluster' | 'positions' | 'request' | 'seed' | 'step' | 'lens'>): Snapshot {
  return {
    v: SNAPSHOT_VERSION,
    manifests: manifestsWithoutAddedAddons(state.cluster),
    positions: state.positions,
    request: state.request,
    seed: state.seed,
    step: state.step,
    lens: state.lens,
  };
}
