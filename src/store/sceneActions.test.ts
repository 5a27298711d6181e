import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { defaultStart, startFields } from './startState';
import { emptyCluster } from '../model/scenarios/emptyCluster';

describe('scene actions', () => {
  it('start a store and restore a state from the same defaults', () => {
    const store = createAppStore(defaultStart());
    store.getState().moveElement('node:worker-1', { x: 1, y: 1 });
    store.getState().setLens('wire');
    const cluster = emptyCluster();
    store.getState().restoreState({ cluster });
    const { positions, selectedId, request, seed, step, playing, lens } = store.getState();
    expect({ cluster: store.getState().cluster, positions, selectedId, request, seed, step, playing, lens }).toEqual(startFields({ cluster }));
  });

  it('show a scenario and its request in one change, keeping the seed and the lens', () => {
    const store = createAppStore({ ...defaultStart(), seed: 4, lens: 'wire', step: 2 });
    const changes: number[] = [];
    store.subscribe((s) => changes.push(s.viewEpoch));
    const request = { from: { kind: 'client' as const, name: 'client' }, to: { host: '10.0.0.1', port: 80 } };
    store.getState().loadScenario({ cluster: emptyCluster(), request });
    expect(changes).toEqual([1]);
    expect(store.getState()).toMatchObject({ request, seed: 4, lens: 'wire', step: 0, positions: {}, selectedId: null });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });
});
