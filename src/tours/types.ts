/**
 * What a guided tour is: data the engine (engine.ts) runs and the card (TourCard.tsx) shows.
 * Every user-facing sentence of a tour lives in its own file under `tours/`, so a writer or a
 * translator edits one file per tour and never the engine.
 */
import type { Cluster } from '../model/cluster';
import type { EditResult } from '../model/edits';
import type { ElementRef } from '../model/elementIds';
import type { Hop, Trace, TraceRequest } from '../model/trace/types';
import type { AppState, AppStore } from '../store/createAppStore';
import type { Lens } from '../store/playbackSlice';

/** What narration, hints and actions may read: the store's state and what derives from it. */
export interface TourFacts {
  state: AppState;
  cluster: Cluster;
  /** The trace of the current request (null when there is none). */
  trace: Trace | null;
  /** The hop on show (undefined while the packet waits at its source). */
  hop: Hop | undefined;
}

/** Something a step does when the reader arrives on it, in order. */
export type TourAction =
  /** Loads a catalog scenario and its suggested request (replaces the canvas; undoable). */
  | { kind: 'scenario'; id: string }
  /** A model edit through `applyEdit`; a refused edit stops the step with its errors. */
  | { kind: 'edit'; edit: (cluster: Cluster) => EditResult }
  /** Sets the request; addresses come from the cluster as it is now. */
  | { kind: 'request'; request: (facts: TourFacts) => TraceRequest | null }
  /** Shows a hop: the step number (0 = at the source, n = after hop n), or a function of the trace. */
  | { kind: 'hop'; hop: number | ((trace: Trace) => number) }
  | { kind: 'lens'; lens: Lens }
  /** Selects a canvas element by id (the inspector shows it), or clears the selection. */
  | { kind: 'select'; id: ElementRef | null | ((facts: TourFacts) => ElementRef | null) };

/** A "try it yourself" part of a step: Next waits until `done` holds. */
export interface TryIt {
  /** What to do, in one or two sentences. */
  hint: string | ((facts: TourFacts) => string);
  /** Whether the reader has done it, judged from the store's state alone. */
  done: (facts: TourFacts) => boolean;
  /**
   * Does it for the reader ("Do it for me"), and for the engine when it replays the tour up to a
   * later step (Back, Resume). Keeps try-it steps operable with any input device.
   */
  perform: (store: AppStore, facts: TourFacts) => void;
}

export interface TourStep {
  /** A short heading for the step. */
  title: string;
  /** Short paragraphs; may name the real addresses of the cluster on show. Text in `backticks` is set as code. */
  narration: (facts: TourFacts) => string[];
  actions?: TourAction[];
  tryIt?: TryIt;
  /** Canvas element ids to mark while this step is on show (besides the hop's own highlight). */
  highlight?: (facts: TourFacts) => ElementRef[];
}

export interface Tour {
  /** Stable id (progress is saved under it). */
  id: string;
  title: string;
  /** The reader's question the tour answers, in their words. */
  question: string;
  /** The official Kubernetes documentation section the tour explains. */
  docs: { title: string; url: string };
  steps: TourStep[];
}
