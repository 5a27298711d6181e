/**
 * Loads a catalog scenario: its manifest text through `parseManifests` into a Cluster, plus its
 * suggested request. This module pulls in the YAML parser, so the UI reaches it only through a
 * dynamic `import()`; the catalog itself stays light.
 */
import type { Cluster } from '../cluster';
import { namespacedKey } from '../elementIds';
import { parseManifests } from '../manifests/parse';
import type { ManifestIssue } from '../manifests/issues';
import { parseRequestHost } from '../requestHost';
import type { TraceRequest } from '../trace/types';
import { scenarioById, type ScenarioEntry } from './catalog';

export type LoadedScenario =
  | { cluster: Cluster; request: TraceRequest }
  /** `error` is a sentence for the UI; `issues` the parser's findings, when it got that far. */
  | { error: string; issues?: ManifestIssue[] };

/**
 * The request with `lb:<ns>/<svc>` replaced by the load balancer's first IP when it has one, the
 * address the request picker lists (a `<pending>` one keeps the `lb:` form, which the trace explains).
 */
export function resolveRequest(cluster: Cluster, request: TraceRequest): TraceRequest {
  const asked = parseRequestHost(request.to.host);
  if (asked.kind !== 'loadBalancer') return structuredClone(request);
  const svc = cluster.services.find((s) => namespacedKey(s) === asked.service);
  const ip = svc?.status.loadBalancer.ingress?.find((i) => i.ip)?.ip;
  return ip ? { from: structuredClone(request.from), to: { ...request.to, host: ip } } : structuredClone(request);
}

/** Parses an entry's manifests; any error (not a warning) refuses the whole scenario. */
export async function loadEntry(entry: ScenarioEntry): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await entry.load();
  } catch (e) {
    return { error: `Could not fetch the "${entry.title}" manifests: ${e instanceof Error ? e.message : String(e)}` };
  }
  const { cluster, errors } = parseManifests(text);
  if (errors.length > 0) {
    const first = errors[0]!;
    // YAML syntax errors already say where ("… at line 4, column 1:").
    const message = first.message.replace(/:\s*$/, '');
    const where = first.line !== undefined && !/\bline \d/.test(message) ? ` (line ${first.line})` : '';
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    return { error: `The "${entry.title}" manifests do not parse: ${message}${where}${more}.`, issues: errors };
  }
  return { cluster, request: resolveRequest(cluster, entry.request) };
}

/** Loads a scenario by its catalog id. Never throws. */
export async function loadScenario(id: string): Promise<LoadedScenario> {
  const entry = scenarioById(id);
  if (!entry) return { error: `There is no scenario called "${id}".` };
  return loadEntry(entry);
}
