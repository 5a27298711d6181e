import type { Cluster } from '../model/cluster';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { defaultRequestFor } from '../model/defaultRequest';
import type { TraceRequest } from '../model/trace/types';
import type { XY } from './layoutSlice';
import type { Lens } from './playbackSlice';

/** What a new store starts from: a cluster, and optionally the rest of a saved or shared state. */
export interface InitialState {
  cluster: Cluster;
  request?: TraceRequest | null;
  positions?: Record<string, XY>;
  seed?: number;
  step?: number;
  lens?: Lens;
}

/** The fields a start (a new store) and a restart (a scenario, a link, a saved state) both set. */
export interface StartFields {
  cluster: Cluster;
  positions: Record<string, XY>;
  selectedId: string | null;
  request: TraceRequest | null;
  seed: number;
  step: number;
  playing: boolean;
  lens: Lens;
}

/**
 * The one definition of where a diagram starts: used when a store is created and whenever a whole
 * new diagram replaces the one on show, so the two can never disagree about a default.
 */
export function startFields(initial: InitialState): StartFields {
  return {
    cluster: initial.cluster,
    positions: initial.positions ?? {},
    selectedId: null,
    request: initial.request ?? null,
    seed: initial.seed ?? 0,
    step: initial.step ?? 0,
    playing: false,
    lens: initial.lens ?? 'layers',
  };
}

/** The diagram a fresh app or embed shows: the default scenario with its suggested request. */
export function defaultStart(): InitialState {
  const cluster = defaultScenario();
  return { cluster, request: defaultRequestFor(cluster) ?? null };
}
