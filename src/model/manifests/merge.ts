/**
 * Applying manifests onto the cluster the way `kubectl apply -f` applies them onto a running one:
 * an object with the same kind, namespace and name replaces the one there, a new one is added, and
 * every other object stays. `mode: 'replace'` reads the text as the whole cluster instead.
 * The summary says what the text added and changed and how much it left as it was, structured
 * for the UI to word.
 */
import type { Cluster } from '../cluster';
import { isRecord } from '../validation/coerce';
import { ownedBy } from './deployments';
import type { ManifestResult } from './fromObjects';
import { inferSettings } from './inferSettings';
import { parseManifests } from './parse';
import { toManifestObjects } from './toObjects';

export type ApplyMode = 'merge' | 'replace';

/** An object's identity, as the API server keys it. */
export interface ObjectKey {
  kind: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  name: string;
}

export interface ApplySummary {
  mode: ApplyMode;
  /** Objects the text holds that the cluster did not. */
  added: ObjectKey[];
  /** Objects the text holds that the cluster held differently. */
  changed: ObjectKey[];
  /** Objects the text holds just as the cluster held them. */
  unchanged: number;
  /** Objects the cluster held that the text does not name: kept by a merge, removed by a replace. */
  untouched: ObjectKey[];
}

export interface ApplyResult extends ManifestResult {
  summary: ApplySummary;
}

/**
 * Kinds without a namespace (`kubectl api-resources --namespaced=false`, those a manifest is
 * likely to hold). Every other kind without `metadata.namespace` lands in "default", as
 * `kubectl apply` puts it there.
 */
const CLUSTER_SCOPED = new Set([
  'Node', 'Namespace', 'ClusterSettings', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'GatewayClass',
  'CustomResourceDefinition', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'PersistentVolume', 'StorageClass',
  'PriorityClass', 'RuntimeClass', 'APIService', 'CSIDriver', 'VolumeAttachment',
]);

type Json = Record<string, unknown>;

function keyOf(obj: Json): ObjectKey | undefined {
  if (typeof obj.kind !== 'string' || !isRecord(obj.metadata) || typeof obj.metadata.name !== 'string') return undefined;
  if (CLUSTER_SCOPED.has(obj.kind)) return { kind: obj.kind, name: obj.metadata.name };
  const namespace = typeof obj.metadata.namespace === 'string' && obj.metadata.namespace ? obj.metadata.namespace : 'default';
  return { kind: obj.kind, namespace, name: obj.metadata.name };
}

const idOf = (key: ObjectKey): string => `${key.kind}/${key.namespace ?? ''}/${key.name}`;

/** JSON with every object's keys sorted: equal for objects that differ only in key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

/** The objects of the documents, `kind: List` items unwrapped (as clusterFromObjects reads them). */
function objectsOf(documents: readonly unknown[]): Json[] {
  return documents.flatMap((doc) => {
    if (!isRecord(doc)) return [];
    if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) return doc.items.filter(isRecord);
    return [doc];
  });
}

/** Keyed objects, the last definition of each key winning (as when applying them in turn). */
function byId(objects: readonly Json[]): Map<string, { key: ObjectKey; obj: Json }> {
  const out = new Map<string, { key: ObjectKey; obj: Json }>();
  for (const obj of objects) {
    const key = keyOf(obj);
    if (key) out.set(idOf(key), { key, obj });
  }
  return out;
}

/**
 * The cluster's own objects that stay when `incoming` is applied onto it: all but those the text
 * replaces, and but the pods of a Deployment it replaces (its ReplicaSet controller makes the
 * new template's pods). Without ClusterSettings of its own, the text is read with the cluster's,
 * widened where its addresses need it (a dump's nodes on another subnet), as a dump alone is.
 */
function remaining(cluster: Cluster, incoming: ReadonlyMap<string, { obj: Json }>): Json[] {
  const replaced = (cluster.deployments ?? []).filter((d) => incoming.has(idOf({ kind: 'Deployment', namespace: d.metadata.namespace, name: d.metadata.name })));
  const ownedPods = new Set(cluster.pods.filter((p) => replaced.some((d) => ownedBy(p, d))).map((p) => idOf({ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name })));
  const kept = toManifestObjects(cluster).filter((obj) => {
    const key = keyOf(obj);
    return !key || (!incoming.has(idOf(key)) && !ownedPods.has(idOf(key)));
  });
  const settings = kept.find((o) => o.kind === 'ClusterSettings');
  if (settings) settings.spec = inferSettings(cluster.settings, [...kept, ...[...incoming.values()].map((i) => i.obj)]);
  return kept;
}

/** Reads `text` onto `cluster` (merge) or instead of it (replace). Never throws. */
export function applyManifests(cluster: Cluster, text: string, mode: ApplyMode): ApplyResult {
  const before = byId(toManifestObjects(cluster).filter((o) => o.kind !== 'ClusterSettings'));
  let given = new Map<string, { key: ObjectKey; obj: Json }>();
  const result = parseManifests(text, {
    before: (documents) => {
      given = byId(objectsOf(documents));
      return mode === 'merge' ? remaining(cluster, given) : [];
    },
  });
  const after = byId(toManifestObjects(result.cluster));
  const summary: ApplySummary = { mode, added: [], changed: [], unchanged: 0, untouched: [] };
  for (const [id, { key }] of given) {
    if (key.kind === 'ClusterSettings' || !after.has(id)) continue;
    const old = before.get(id);
    if (!old) summary.added.push(key);
    else if (canonical(old.obj) === canonical(after.get(id)!.obj)) summary.unchanged++;
    else summary.changed.push(key);
  }
  for (const [id, { key }] of before) if (!given.has(id) && (mode === 'replace' || after.has(id))) summary.untouched.push(key);
  if (mode === 'merge') keepOrder(result.cluster, cluster);
  return { ...result, summary };
}

/** Objects the cluster held keep their places in its lists (the canvas draws in list order); new ones follow. */
function keepOrder(next: Cluster, previous: Cluster): void {
  const sortLike = <T extends { kind: string; metadata: { name: string; namespace?: string } }>(list: T[] | undefined, old: readonly T[] | undefined): void => {
    if (!list || !old?.length) return;
    const place = new Map(old.map((o, i) => [idOf(keyOf(o as unknown as Json)!), i]));
    const at = (o: T): number => place.get(idOf(keyOf(o as unknown as Json)!)) ?? Number.MAX_SAFE_INTEGER;
    const sorted = list.map((o, i) => ({ o, i })).sort((a, b) => at(a.o) - at(b.o) || a.i - b.i).map((x) => x.o);
    list.splice(0, list.length, ...sorted);
  };
  sortLike(next.nodes, previous.nodes);
  sortLike(next.pods, previous.pods);
  sortLike(next.services, previous.services);
  sortLike(next.endpointSlices, previous.endpointSlices);
  sortLike(next.ingresses, previous.ingresses);
  sortLike(next.deployments, previous.deployments);
  sortLike(next.workloads, previous.workloads);
  sortLike(next.kept, previous.kept);
}
