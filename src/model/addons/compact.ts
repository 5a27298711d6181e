/**
 * A cluster's manifest objects without the cluster DNS objects the model adds by itself
 * (addons/kubeDns.ts), for links and saved state that should stay short. They are left out only
 * when building from the rest gives back exactly the same objects, so nothing a user changed in
 * kube-system is ever lost.
 */
import type { Cluster } from '../cluster';
import { clusterFromObjects } from '../manifests/fromObjects';
import { toManifestObjects } from '../manifests/toObjects';
import { COREDNS_DEPLOYMENT, KUBE_DNS_LABELS, KUBE_DNS_NAMESPACE, KUBE_DNS_SERVICE } from './kubeDns';

type Json = Record<string, unknown>;

function isKubeDnsObject(obj: Json): boolean {
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };
  if (meta.namespace !== KUBE_DNS_NAMESPACE) return false;
  return (obj.kind === 'Service' && meta.name === KUBE_DNS_SERVICE)
    || (obj.kind === 'Deployment' && meta.name === COREDNS_DEPLOYMENT)
    || (obj.kind === 'Pod' && meta.labels?.['k8s-app'] === KUBE_DNS_LABELS['k8s-app']);
}

/** JSON with object keys sorted: equal values give equal text whatever order their keys were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Json)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Per cluster object (the model never mutates one): autosave and Copy link ask for the same cluster again and again. */
const compacted = new WeakMap<Cluster, Json[]>();

export function manifestsWithoutAddedAddons(cluster: Cluster): Json[] {
  let manifests = compacted.get(cluster);
  if (!manifests) {
    manifests = compact(cluster);
    compacted.set(cluster, manifests);
  }
  return structuredClone(manifests);
}

function compact(cluster: Cluster): Json[] {
  const all = toManifestObjects(cluster);
  const rest = all.filter((o) => !isKubeDnsObject(o));
  if (rest.length === all.length) return all;
  const rebuilt = toManifestObjects(clusterFromObjects(rest).cluster);
  return canonical(rebuilt) === canonical(all) ? rest : all;
}
