import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { selectStep, selectTrace } from './selectTrace';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { updateService } from '../model/edits';

describe('playback state', () => {
  const cluster = defaultScenario();
  const lbIP = cluster.services[0]!.status.loadBalancer.ingress![0]!.ip!;
  const request = { from: { kind: 'client', name: 'client' } as const, to: { host: lbIP, port: 80 } };

  it('derives one shared trace from cluster, request and seed', () => {
    const store = createAppStore({ cluster, request });
    const a = selectTrace(store.getState());
    expect(a?.outcome).toBe('delivered');
    expect(selectTrace(store.getState())).toBe(a);
    store.getState().reseed();
    expect(selectTrace(store.getState())).not.toBe(a);
  });

  it('re-runs the trace when the cluster is edited, keeping the step where it still fits', () => {
    const store = createAppStore({ cluster, request });
    const hops = selectTrace(store.getState())!.hops.length;
    store.getState().goTo(hops);
    const web = cluster.services[0]!;
    store.getState().applyEdit((c) => updateService(c, { namespace: 'default', name: 'web' }, { ...web, spec: { ...web.spec, type: 'ClusterIP' } }));
    const after = selectTrace(store.getState())!;
    expect(after.outcome).not.toBe('delivered');
    expect(selectStep(store.getState())).toBe(Math.min(hops, after.hops.length));
  });

  it('keeps speed within 0.25× to 4× and leaves playback out of undo history', () => {
    const store = createAppStore({ cluster, request });
    store.getState().setSpeed(10);
    expect(store.getState().speed).toBe(4);
    store.getState().setSpeed(0.1);
    expect(store.getState().speed).toBe(0.25);
    store.getState().goTo(2);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('a request whose sender is gone', () => {
  it('gives way to the new cluster\'s suggested request', async () => {
    const { deleteObject } = await import('../model/edits');
    const cluster = defaultScenario();
    const pod = cluster.pods[0]!;
    const store = createAppStore({ cluster, request: { from: { kind: 'pod', namespace: 'default', name: pod.metadata.name }, to: { host: 'web', port: 80 } } });
    store.getState().applyEdit((c) => deleteObject(c, { kind: 'Pod', namespace: 'default', name: pod.metadata.name }));
    expect(store.getState().request?.from).toEqual({ kind: 'client', name: 'client' });
  });
});
