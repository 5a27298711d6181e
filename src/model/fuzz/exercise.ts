/**
 * What the app does with an accepted cluster, run the way the UI runs it: a few traces from the
 * request pickers' options, kubectl get and describe, every node's iptables-save, and the YAML
 * round trip. Any exception here is a bug the fuzz counts.
 */
import type { Cluster } from '../cluster';
import { iptablesSave } from '../kubeproxy';
import { kubectl } from '../kubectl/kubectl';
import { parseManifests } from '../manifests/parse';
import { toManifestObjects } from '../manifests/toObjects';
import { toManifests } from '../manifests/toManifests';
import { destinationsFor, sourcesFor } from '../requestOptions';
import { trace } from '../trace/trace';

const KUBECTL = ['get all -A -o wide', 'get nodes,endpointslices,ingress -A', 'describe svc -A', 'describe sts -A', 'describe ds -A', 'describe rs -A'];

/** Runs the views the UI shows (throws are the caller's to catch). */
export function exerciseViews(cluster: Cluster): void {
  const sources = sourcesFor(cluster).slice(0, 2);
  const destinations = destinationsFor(cluster).slice(0, 3);
  for (const s of sources) for (const d of destinations) trace(cluster, { from: s.source, to: d.to }, { seed: 1 });
  for (const command of KUBECTL) kubectl(cluster, command);
  for (const node of cluster.nodes.slice(0, 2)) iptablesSave(cluster, node.metadata.name);
}

/** The cluster written as YAML and read back (the part of the round trip the app runs). */
export function roundTrip(cluster: Cluster): ReturnType<typeof parseManifests> {
  return parseManifests(toManifests(cluster));
}

/** toManifests → parseManifests must give the same objects back, with no error. */
export function roundTripDifference(cluster: Cluster, back = roundTrip(cluster)): string | undefined {
  if (back.errors.length) return `round trip refused: ${back.errors[0]!.message.slice(0, 200)}`;
  const before = canonical(toManifestObjects(cluster));
  const after = canonical(toManifestObjects(back.cluster));
  if (before === after) return undefined;
  let i = 0;
  while (before[i] === after[i]) i++;
  return `round trip changed the cluster near …${before.slice(Math.max(0, i - 60), i + 40)}… → …${after.slice(Math.max(0, i - 60), i + 40)}…`;
}

/** JSON with object keys sorted, so key order (which YAML and readers may change) is no difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}
