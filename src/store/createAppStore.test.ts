import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { defaultScenario } from '../model/scenarios/defaultScenario';

describe('app store', () => {
  it('keeps dragged positions apart from the cluster', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    const before = store.getState().cluster;
    store.getState().moveElement('node:worker-1', { x: 10, y: 20 });
    expect(store.getState().positions['node:worker-1']).toEqual({ x: 10, y: 20 });
    expect(store.getState().cluster).toBe(before);
  });

  it('gives every instance its own state', () => {
    const a = createAppStore({ cluster: defaultScenario() });
    const b = createAppStore({ cluster: defaultScenario() });
    a.getState().select('pod:default/web');
    expect(b.getState().selectedId).toBeNull();
  });

  it('forgets positions and selection when another cluster is loaded', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    store.getState().moveElement('node:worker-1', { x: 1, y: 1 });
    store.getState().select('node:worker-1');
    store.getState().loadCluster(defaultScenario());
    expect(store.getState().positions).toEqual({});
    expect(store.getState().selectedId).toBeNull();
  });
});

describe('undo history', () => {
  it('records a whole drag as one step and leaves selection out of it', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    const { moveElement, select } = store.getState();
    select('node:worker-1');
    moveElement('node:worker-1', { x: 1, y: 1 }, true);
    moveElement('node:worker-1', { x: 2, y: 2 }, true);
    moveElement('node:worker-1', { x: 3, y: 3 });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().positions).toEqual({});
    expect(store.getState().selectedId).toBe('node:worker-1');
    store.temporal.getState().redo();
    expect(store.getState().positions['node:worker-1']).toEqual({ x: 3, y: 3 });
  });
});
