/** toManifests: the cluster as multi-document YAML (loads the YAML library; not on the first screen). */
import { stringify } from 'yaml';
import type { Cluster } from '../cluster';
import { toManifestObjects } from './toObjects';

/** YAML documents separated by `---`, readable back by parseManifests into an equal Cluster. */
export function toManifests(cluster: Cluster): string {
  return toManifestObjects(cluster).map((obj) => stringify(obj, { lineWidth: 0 })).join('---\n');
}
