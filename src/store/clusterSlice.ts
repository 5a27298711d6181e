import type { Cluster } from '../model/cluster';
import type { SliceCreator } from './createAppStore';

export interface ClusterSlice {
  /** The cluster as the model hands it out; replaced whole by actions, never mutated. */
  cluster: Cluster;
  /** Replaces the cluster (loading a scenario); clears what referred to the old one. */
  loadCluster: (cluster: Cluster) => void;
}

export const createClusterSlice =
  (initial: Cluster): SliceCreator<ClusterSlice> =>
  (set) => ({
    cluster: initial,
    loadCluster: (cluster) => set({ cluster, positions: {}, selectedId: null }),
  });
