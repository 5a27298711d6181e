/**
 * The tour engine: plain TypeScript around an app store, like createPlayback. It runs a step's
 * actions when the reader arrives on it, words the step from the store's current state, keeps Next
 * shut while a "try it" waits for the reader, and saves where each tour was left.
 *
 * Arriving by Next runs only the new step's actions, so what the reader did on the way (a dragged
 * pod) stays. Arriving by Back or Resume replays the tour from its first step up to the target
 * (performing the try-its before it), so the canvas is exactly what that step expects.
 */
import type { LoadedScenario } from '../model/scenarios/loadScenario';
import type { AppState, AppStore } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { runCommand } from '../store/commands';
import { goToStepCommand, pauseCommand, setLensCommand, setRequestCommand } from '../store/playbackCommands';
import { fetchScenario, showScenarioCommand } from '../store/scenarioCommands';
import { readProgress, writeProgress, type StorageLike, type TourProgress } from './progress';
import type { Tour, TourAction, TourFacts, TourStep } from './types';

/** The engine's own wording (tours carry theirs). */
export const ENGINE_TEXT = {
  unknownTour: (id: string) => `There is no tour called "${id}".`,
  scenarioFailed: (detail: string) => `The tour could not set up this step: ${detail}`,
  editRefused: (detail: string) => `The tour could not set up this step: the model refused the edit (${detail}).`,
  stale: 'This step expected a different cluster. Use Back, or reopen the tour and choose Start over, to set it up again.',
} as const;

/** What the card shows; a new object whenever anything on it changes (a stable snapshot otherwise). */
export interface TourView {
  tour: Tour;
  /** 0-based step on show. */
  index: number;
  total: number;
  step: TourStep;
  narration: string[];
  /** The try-it hint, when the step has one. */
  hint?: string;
  /** The step has a try-it the reader has not done yet: Next is shut. */
  waiting: boolean;
  /** Actions are still running (a scenario loading). */
  busy: boolean;
  error?: string;
  canBack: boolean;
  canNext: boolean;
  isLast: boolean;
  /** Element ids to mark on the canvas. */
  highlight: string[];
}

export interface TourEngineOptions {
  store: AppStore;
  tours: readonly Tour[];
  /** Defaults to the catalog's loader, imported on demand (it pulls in the YAML parser). */
  loadScenario?: (id: string) => Promise<LoadedScenario>;
  /** Where progress is kept; null keeps none. */
  storage: StorageLike | null;
}

export interface TourEngine {
  /** The current view, or null when no tour is open. */
  getView: () => TourView | null;
  subscribe: (listener: () => void) => () => void;
  /** Opens a tour at its first step, or where it was left (`resume`). Resolves once the step is set up. */
  start: (id: string, options?: { resume?: boolean }) => Promise<void>;
  next: () => Promise<void>;
  back: () => Promise<void>;
  /** Performs the current try-it for the reader. */
  doItForMe: () => void;
  /** Closes the tour, keeping its progress for later. */
  skip: () => void;
  /** Closes the tour as completed (forgets the step, remembers it was done). */
  finish: () => void;
  /** Where a tour was left, for the list's "Resume" / "Start over". */
  progressOf: (id: string) => TourProgress;
  destroy: () => void;
}

/** The facts a tour reads, from a store state. */
export function factsOf(state: AppState): TourFacts {
  const trace = selectTrace(state);
  const step = selectStep(state);
  return { state, cluster: state.cluster, trace, hop: trace && step > 0 ? trace.hops[step - 1] : undefined };
}

export function createTourEngine({ store, tours, loadScenario = fetchScenario, storage }: TourEngineOptions): TourEngine {
  let active: { tour: Tour; index: number; busy: boolean; error?: string } | null = null;
  let view: TourView | null = null;
  /** Bumped whenever the reader moves, so actions of a step left behind stop where they are. */
  let generation = 0;
  const listeners = new Set<() => void>();

  const build = (): TourView | null => {
    if (!active) return null;
    const { tour, index, busy, error } = active;
    const step = tour.steps[index]!;
    const facts = factsOf(store.getState());
    let narration: string[];
    let hint: string | undefined;
    let done = true;
    let highlight: string[] = [];
    try {
      narration = step.narration(facts);
      if (step.tryIt) {
        hint = typeof step.tryIt.hint === 'string' ? step.tryIt.hint : step.tryIt.hint(facts);
        done = step.tryIt.done(facts);
      }
      highlight = step.highlight?.(facts) ?? [];
    } catch {
      // A reader who deleted what the step talks about gets a way back, not a crash.
      narration = [ENGINE_TEXT.stale];
    }
    const waiting = !busy && !done;
    const isLast = index === tour.steps.length - 1;
    return {
      tour, index, total: tour.steps.length, step, narration, ...(hint !== undefined ? { hint } : {}),
      waiting, busy, ...(error ? { error } : {}), canBack: index > 0 && !busy, canNext: !busy && done, isLast, highlight,
    };
  };

  /** Rebuilds the view and tells listeners, only when what it shows changed. */
  const refresh = () => {
    const next = build();
    if (next && view && sameView(next, view)) return;
    view = next;
    for (const l of listeners) l();
  };

  // The store subscription is made on demand and may be made again after destroy(): React's
  // StrictMode runs an effect's cleanup once on mount and keeps the same engine (useState), so a
  // subscription made only in the constructor would be gone for good.
  let unsubscribe: (() => void) | null = null;
  const watchStore = () => {
    unsubscribe ??= store.subscribe(() => {
      if (active) refresh();
    });
  };

  const save = () => {
    if (active) writeProgress(storage, active.tour.id, { step: active.index });
  };

  /** Runs one action; a string is an error that stops the step. */
  const run = async (action: TourAction, mine: number): Promise<string | undefined> => {
    const state = store.getState();
    switch (action.kind) {
      case 'scenario': {
        let loaded: LoadedScenario;
        try {
          loaded = await loadScenario(action.id);
        } catch (e) {
          return ENGINE_TEXT.scenarioFailed(e instanceof Error ? e.message : String(e));
        }
        if (mine !== generation) return undefined;
        if ('error' in loaded) return ENGINE_TEXT.scenarioFailed(loaded.error);
        runCommand(store, showScenarioCommand, 'tour', loaded);
        return undefined;
      }
      case 'edit': {
        const errors = state.applyEdit(action.edit);
        return errors.length > 0 ? ENGINE_TEXT.editRefused(errors.map((e) => e.message).join('; ')) : undefined;
      }
      case 'request':
        runCommand(store, setRequestCommand, 'tour', action.request(factsOf(state)));
        return undefined;
      case 'hop': {
        const trace = selectTrace(state);
        const wanted = typeof action.hop === 'number' ? action.hop : trace ? action.hop(trace) : 0;
        runCommand(store, goToStepCommand, 'tour', wanted);
        return undefined;
      }
      case 'lens':
        runCommand(store, setLensCommand, 'tour', action.lens);
        return undefined;
      case 'select':
        state.select(typeof action.id === 'function' ? action.id(factsOf(state)) : action.id);
        return undefined;
    }
  };

  /** Runs the actions of steps `from`..`to` of the active tour (try-its before `to` performed). */
  const setUp = async (from: number, to: number) => {
    if (!active) return;
    const mine = ++generation;
    const { tour } = active;
    active = { tour, index: to, busy: true };
    save();
    refresh();
    runCommand(store, pauseCommand, 'tour');
    let error: string | undefined;
    for (let i = from; i <= to && !error; i++) {
      const step = tour.steps[i]!;
      for (const action of step.actions ?? []) {
        error = await run(action, mine);
        if (mine !== generation) return;
        if (error) break;
      }
      if (!error && i < to && step.tryIt && !step.tryIt.done(factsOf(store.getState()))) {
        step.tryIt.perform(store, factsOf(store.getState()));
      }
    }
    if (mine !== generation || !active) return;
    active = { tour, index: to, busy: false, ...(error ? { error } : {}) };
    refresh();
  };

  /** Replays from the first step up to `index`, starting from the same lens every time. */
  const replayTo = async (index: number) => {
    runCommand(store, setLensCommand, 'tour', 'layers');
    await setUp(0, index);
  };

  return {
    getView: () => view,
    subscribe: (listener) => {
      watchStore();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: async (id, { resume = false } = {}) => {
      const tour = tours.find((t) => t.id === id);
      if (!tour) throw new Error(ENGINE_TEXT.unknownTour(id));
      const saved = resume ? readProgress(storage)[id]?.step : undefined;
      const index = saved !== undefined ? Math.min(saved, tour.steps.length - 1) : 0;
      watchStore();
      active = { tour, index, busy: true };
      await replayTo(index);
    },
    next: async () => {
      if (!active || !view?.canNext) return;
      if (active.index === active.tour.steps.length - 1) return;
      const to = active.index + 1;
      await setUp(to, to);
    },
    back: async () => {
      if (!active || !view?.canBack) return;
      await replayTo(active.index - 1);
    },
    doItForMe: () => {
      const tryIt = active?.tour.steps[active.index]?.tryIt;
      if (!tryIt || active?.busy) return;
      const facts = factsOf(store.getState());
      if (!tryIt.done(facts)) tryIt.perform(store, facts);
    },
    skip: () => {
      if (!active) return;
      generation++;
      save();
      active = null;
      refresh();
    },
    finish: () => {
      if (!active) return;
      generation++;
      writeProgress(storage, active.tour.id, { done: true });
      active = null;
      refresh();
    },
    progressOf: (id) => readProgress(storage)[id] ?? {},
    destroy: () => {
      generation++;
      unsubscribe?.();
      unsubscribe = null;
      listeners.clear();
      active = null;
      view = null;
    },
  };
}

/** Whether two views show the same thing (so a store change that does not touch the card re-renders nothing). */
function sameView(a: TourView, b: TourView): boolean {
  return a.tour === b.tour && a.index === b.index && a.busy === b.busy && a.error === b.error && a.waiting === b.waiting
    && a.canBack === b.canBack && a.canNext === b.canNext && a.hint === b.hint
    && a.narration.length === b.narration.length && a.narration.every((p, i) => p === b.narration[i])
    && a.highlight.length === b.highlight.length && a.highlight.every((h, i) => h === b.highlight[i]);
}
