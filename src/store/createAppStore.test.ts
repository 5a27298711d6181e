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
    expect(store.getState().dragging).toBe(true);
    moveElement('node:worker-1', { x: 2, y: 2 }, true);
    moveElement('node:worker-1', { x: 3, y: 3 });
    expect(store.getState().dragging).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().positions).toEqual({});
    expect(store.getState().selectedId).toBe('node:worker-1');
    store.temporal.getState().redo();
    expect(store.getState().positions['node:worker-1']).toEqual({ x: 3, y: 3 });
  });
});

describe('edits through the store', () => {
  it('applies a valid edit as one undo step and refuses an invalid one unchanged', async () => {
    const { updateService, reschedulePod } = await import('../model/edits');
    const store = createAppStore({ cluster: defaultScenario() });
    const before = store.getState().cluster;
    const web = before.services[0]!;
    const bad = { ...web, spec: { ...web.spec, ports: [{ ...web.spec.ports[0]!, nodePort: 80 }] } };
    const errors = store.getState().applyEdit((c) => updateService(c, { namespace: 'default', name: 'web' }, bad));
    expect(errors[0]?.field).toBe('spec.ports[0].nodePort');
    expect(store.getState().cluster).toBe(before);

    const pod = before.pods[0]!;
    const podId = `pod:default/${pod.metadata.name}`;
    store.getState().moveElement(podId, { x: 9, y: 9 }, true);
    store.getState().cancelGesture();
    expect(store.getState().positions[podId]).toBeUndefined();
    expect(store.getState().applyEdit((c) => reschedulePod(c, { namespace: 'default', name: pod.metadata.name }, 'worker-3'), [podId])).toEqual([]);
    expect(store.getState().cluster.pods.find((p) => p.metadata.name === pod.metadata.name)!.spec.nodeName).toBe('worker-3');
    store.temporal.getState().undo();
    expect(store.getState().cluster).toBe(before);
  });
});
