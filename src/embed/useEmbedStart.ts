import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStore } from '../store/createAppStore';
import type { InitialState } from '../store/startState';
import { runCommand } from '../store/commands';
import { playCommand } from '../store/playbackCommands';
import { fetchScenario } from '../store/scenarioCommands';
import type { EmbedOptions } from './options';
import { loadsFirst, planLoad, planStart, type LoadSource, type StartDeps, type StartPlan } from './embedStart';
import { showState } from './showState';

/** The link decoder loads on demand (lz-string): only embeds that open a state need it. */
const deps: StartDeps = {
  decodeLink: (encoded) => import('./linkState').then((m) => m.decodeSnapshot(encoded)),
  loadScenario: fetchScenario,
};

/** Resolves once the store has its trace engine (it comes after the first paint). */
function engineIn(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().traceEngine) return resolve();
    const unsubscribe = store.subscribe((s) => {
      if (!s.traceEngine) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The thin hook around embedStart.ts: runs the start plan once, and each `load` the embedding page
 * sends; only the latest load asked for is shown (sources resolve at different speeds). `resolved`
 * turns true when the first plan is in; `autoplay` plays after each, once there is a trace to play.
 */
export function useEmbedStart(store: AppStore, options: EmbedOptions, previous: { current: InitialState | null }) {
  const [resolved, setResolved] = useState(() => !loadsFirst(options));
  const [problem, setProblem] = useState('');
  const latest = useRef(0);

  const apply = useCallback(
    (plan: Promise<StartPlan>) => {
      const ticket = ++latest.current;
      return plan.then((p) => {
        if (ticket !== latest.current) return;
        if (p.initial) {
          const shown = showState(store, p.initial, previous);
          setProblem(p.problem || shown);
        } else if (p.problem) setProblem(p.problem);
        setResolved(true);
        if (options.autoplay) void engineIn(store).then(() => runCommand(store, playCommand, 'startup'));
      });
    },
    [store, options, previous],
  );

  useEffect(() => {
    void apply(planStart(options, deps));
  }, [apply, options]);

  const load = useCallback((source: LoadSource) => void apply(planLoad(source, options, deps)), [apply, options]);
  return { resolved, problem, setProblem, load };
}
