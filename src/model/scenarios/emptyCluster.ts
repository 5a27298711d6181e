import type { Cluster } from '../cluster';
import { clusterFromObjects } from '../manifests/fromObjects';

/** A cluster with the default settings and nothing in it, to build from scratch. */
export function emptyCluster(): Cluster {
  return clusterFromObjects([]).cluster;
}
