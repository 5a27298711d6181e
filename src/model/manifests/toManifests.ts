/** toManifests: the cluster as multi-document YAML. */
import type { Cluster } from '../cluster';
import { toManifestObjects } from './toObjects';
import { toYamlDocument } from './yamlText';

/** YAML documents separated by `---`, readable back by parseManifests into an equal Cluster. */
export function toManifests(cluster: Cluster): string {
  return toManifestObjects(cluster).map(toYamlDocument).join('---\n');
}
