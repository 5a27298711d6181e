import type { Cluster } from '../model/cluster';
import type { StartFields } from './startState';
import type { SliceCreator } from './createAppStore';

export interface ClusterSlice {
  /**
   * The cluster as the model hands it out; replaced whole, never mutated. Only the scene actions
   * (sceneActions.ts) replace it, because a new cluster always changes other slices too.
   */
  cluster: Cluster;
}

export const createClusterSlice =
  (start: StartFields): SliceCreator<ClusterSlice> =>
  () => ({ cluster: start.cluster });
