import type { Cluster } from '../model/cluster';
import { clusterFromObjects } from '../model/manifests/fromObjects';
import { defaultRequestFor, parseHostPort } from '../model/defaultRequest';
import { updateSettings } from '../model/edits';
import type { LoadedScenario } from '../model/scenarios/loadScenario';
import { sourceOfElement } from '../model/sourceElement';
import type { TraceRequest } from '../model/trace/types';
import type { EngineStatus } from '../store/engineSlice';
import { defaultStart, type InitialState } from '../store/startState';
import type { DecodeResult } from './snapshotCodec';
import type { EmbedOptions } from './options';

/**
 * The embed's start-up as plain TypeScript: what to show, from the options (URL or attributes), a
 * state link, inline manifests or a scenario, and when. `useEmbedStart` is the thin hook around it.
 */

/** The request the options ask for: `from`/`to` over the scenario's own suggestion. */
export function requestFor(cluster: Cluster, options: EmbedOptions, suggested?: TraceRequest | null): TraceRequest | null {
  const base = suggested ?? defaultRequestFor(cluster) ?? null;
  const from = options.from ? sourceOfElement(options.from) : undefined;
  const to = options.to ? parseHostPort(options.to) : undefined;
  const target = to && !('error' in to) ? to : base?.to;
  const source = from ?? base?.from;
  return source && target ? { from: source, to: target } : base;
}

/**
 * The cluster in the kube-proxy mode `proxyMode=` asks for, changed the way the cluster inspector
 * changes it (updateSettings, which the model validates); unchanged when no mode is asked or it
 * already runs in it.
 */
export function inProxyMode(cluster: Cluster, options: EmbedOptions): Cluster {
  if (!options.proxyMode || cluster.settings.kubeProxyMode === options.proxyMode) return cluster;
  const result = updateSettings(cluster, { kubeProxyMode: options.proxyMode });
  return result.ok ? result.cluster : cluster;
}

/** A new cluster (a scenario, manifests) as the options want it shown: their proxy mode, request, step and lens. */
function withOptions(given: Cluster, options: EmbedOptions, suggested?: TraceRequest | null): InitialState {
  const cluster = inProxyMode(given, options);
  return { cluster, request: requestFor(cluster, options, suggested), step: options.step ?? 0, ...(options.lens ? { lens: options.lens } : {}) };
}

/** What an embed shows before anything loads: the default scenario, with the options applied. */
export function immediateStart(options: EmbedOptions): InitialState {
  const start = defaultStart();
  return withOptions(start.cluster, options, start.request);
}

/** What to show, or why not (then the diagram on show stays). */
export type StartPlan = { initial: InitialState; problem?: string } | { initial?: undefined; problem: string } | { initial?: undefined; problem?: undefined };

/** How the resolver reaches what loads on demand (the link codec, the scenario catalog). */
export interface StartDeps {
  decodeLink: (encoded: string) => Promise<DecodeResult>;
  loadScenario: (id: string) => Promise<LoadedScenario>;
}

/** A state link with the options over it: the request only when `from`/`to` ask, proxy mode, step and lens when given. */
async function fromState(encoded: string, options: EmbedOptions, deps: StartDeps): Promise<StartPlan> {
  const decoded = await deps.decodeLink(encoded);
  if (!decoded.ok) return { problem: 'The diagram in this embed could not be read; showing the default scenario.' };
  const state = { ...decoded.state, cluster: inProxyMode(decoded.state.cluster, options) };
  return { initial: { ...state, request: options.from || options.to ? requestFor(state.cluster, options, state.request) : state.request, ...(options.step !== undefined ? { step: options.step } : {}), ...(options.lens ? { lens: options.lens } : {}) } };
}

/** Inline manifests (the custom element's YAML): JSON read at once, YAML with the parser, loaded on demand. */
export async function fromInlineManifests(text: string, options: EmbedOptions): Promise<StartPlan> {
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
  return { initial: withOptions(cluster, options) };
}

async function fromScenario(id: string, options: EmbedOptions, deps: StartDeps): Promise<StartPlan> {
  const loaded = await deps.loadScenario(id);
  return 'error' in loaded ? { problem: loaded.error } : { initial: withOptions(loaded.cluster, options, loaded.request) };
}

/**
 * Where an embed starts. A state link is read first; inline manifests, else a scenario, then take
 * its place, and when they fail it stays with their problem. Nothing to load: an empty plan (the
 * immediate start stays).
 */
export async function planStart(options: EmbedOptions, deps: StartDeps): Promise<StartPlan> {
  let plan: StartPlan = options.state ? await fromState(options.state, options, deps) : {};
  const next = options.yaml ? await fromInlineManifests(options.yaml, options) : options.scenario ? await fromScenario(options.scenario, options, deps) : undefined;
  if (next?.initial) plan = next;
  else if (next?.problem) plan = plan.initial ? { initial: plan.initial, problem: next.problem } : { problem: next.problem };
  // A refused option is said once the start is known, unless a bigger problem is already said.
  if (options.refused && !plan.problem) plan = plan.initial ? { initial: plan.initial, problem: options.refused } : { problem: options.refused };
  return plan;
}

/** What the embedding page may ask to load (a `load` command). */
export interface LoadSource {
  scenario?: string;
  state?: string;
}

/** A `load` command: a state as it was shared (the options do not apply to it), else a scenario with them. */
export async function planLoad(source: LoadSource, options: EmbedOptions, deps: StartDeps): Promise<StartPlan> {
  if (source.state) {
    const decoded = await deps.decodeLink(source.state);
    return decoded.ok ? { initial: decoded.state } : { problem: 'That diagram could not be read.' };
  }
  return source.scenario ? fromScenario(source.scenario, options, deps) : {};
}

/** Whether the options name anything to load before the first screen (else the immediate start is it). */
export const loadsFirst = (options: EmbedOptions): boolean => !!(options.scenario || options.yaml || options.state);

/**
 * Whether the diagram is on screen yet. Until the diagram to show is known the embed shows only
 * "Loading the diagram…", so that nothing moves when the diagram and its playback panel arrive
 * together; a diagram that opens at a hop shows that hop on its first screen, so it also waits for
 * the engine (drawing it first and the hop after would move the layout), unless the engine failed.
 */
export function diagramShown({ resolved, atHop, engine }: { resolved: boolean; atHop: boolean; engine: EngineStatus }): boolean {
  return resolved && !waitsForEngine({ atHop, engine });
}

/** The first screen waits for the engine: it opens at a hop and the engine is neither in nor failed. */
export const waitsForEngine = ({ atHop, engine }: { atHop: boolean; engine: EngineStatus }): boolean => atHop && engine !== 'ready' && engine !== 'failed';
