import type { Cluster } from '../model/cluster';

/** Saves text as a file through a Blob URL (no data: URL, so a strict img/default-src allows it). */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The cluster as manifests, for when it cannot be saved in the browser. The YAML writer loads on demand. */
export async function downloadClusterYaml(cluster: Cluster): Promise<void> {
  const { toManifests } = await import('../model/manifests/toManifests');
  downloadText(toManifests(cluster), 'service-explainer-cluster.yaml', 'application/yaml');
}
