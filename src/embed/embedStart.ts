import type { Cluster } from '../model/cluster';
import { clusterFromObjects } from '../model/manifests/fromObjects';
import { defaultRequestFor, parseHostPort } from '../model/defaultRequest';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { sourceOfElement } from '../model/sourceElement';
import type { TraceRequest } from '../model/trace/types';
import type { InitialState } from '../store/createAppStore';
import type { EmbedOptions } from './options';

/** The request the options ask for: `from`/`to` over the scenario's own suggestion. */
export function requestFor(cluster: Cluster, options: EmbedOptions, suggested?: TraceRequest | null): TraceRequest | null {
  const base = suggested ?? defaultRequestFor(cluster) ?? null;
  const from = options.from ? sourceOfElement(options.from) : undefined;
  const to = options.to ? parseHostPort(options.to) : undefined;
  const target = to && !('error' in to) ? to : base?.to;
  const source = from ?? base?.from;
  return source && target ? { from: source, to: target } : base;
}

/** What an embed shows before anything loads: the default scenario, with the options applied. */
export function immediateStart(options: EmbedOptions): InitialState {
  return defaultInitial(options);
}

/**
 * A state from a link (`#s=…` or the `state` option) with the options over it. Loads the link codec
 * (lz-string) first: only embeds that open a state need it at startup.
 */
export async function fromState(encoded: string, options: EmbedOptions): Promise<{ initial: InitialState } | { problem: string }> {
  const { decodeSnapshot } = await import('./linkState');
  const decoded = decodeSnapshot(encoded);
  if (!decoded.ok) return { problem: 'The diagram in this embed could not be read; showing the default scenario.' };
  const { state } = decoded;
  return { initial: { ...state, request: options.from || options.to ? requestFor(state.cluster, options, state.request) : state.request, ...(options.step !== undefined ? { step: options.step } : {}), ...(options.lens ? { lens: options.lens } : {}) } };
}

function defaultInitial(options: EmbedOptions): InitialState {
  const cluster = defaultScenario();
  return { cluster, request: requestFor(cluster, options), step: options.step ?? 0, ...(options.lens ? { lens: options.lens } : {}) };
}

/** Inline manifests (the custom element's YAML): parsed with the YAML library, loaded on demand. */
export async function fromInlineManifests(text: string, options: EmbedOptions): Promise<{ initial: InitialState } | { problem: string }> {
  const trimmed = text.trim();
  let cluster: Cluster;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const result = clusterFromObjects(Array.isArray(parsed) ? parsed : [parsed]);
      if (result.errors.length) return { problem: result.errors[0]!.message };
      cluster = result.cluster;
    } catch {
      return { problem: 'The inline manifests are not valid JSON.' };
    }
  } else {
    const { parseManifests } = await import('../model/manifests/parse');
    const result = parseManifests(text);
    if (result.errors.length) return { problem: result.errors[0]!.message };
    cluster = result.cluster;
  }
  return { initial: { cluster, request: requestFor(cluster, options), step: options.step ?? 0, ...(options.lens ? { lens: options.lens } : {}) } };
}
