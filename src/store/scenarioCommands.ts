import type { Cluster } from '../model/cluster';
import type { LoadedScenario } from '../model/scenarios/loadScenario';
import type { TraceRequest } from '../model/trace/types';
import type { Command } from './command';

/**
 * Fetches a catalog scenario and parses it. The one place the loader is imported, on demand: it
 * pulls in the YAML parser, which the first screen must not carry. Never throws.
 */
export function fetchScenario(id: string): Promise<LoadedScenario> {
  return import('../model/scenarios/loadScenario').then(
    (m) => m.loadScenario(id),
    (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
  );
}

/** Shows a fetched scenario: its cluster (undoable) and its suggested request. */
export const showScenarioCommand: Command<{ cluster: Cluster; request: TraceRequest | null }> = {
  id: 'show-scenario',
  label: 'Load scenario',
  enabled: () => true,
  perform: (store, scenario) => store.getState().loadScenario(scenario),
};
