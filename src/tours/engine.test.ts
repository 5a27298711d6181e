import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { createAppStore, type AppStore } from '../store/createAppStore';
import { OUTCOME_LABEL } from '../panels/traceWording';
import { selectTrace } from '../store/selectTrace';
import { TOURS } from './catalog';
import { createTourEngine, type TourEngine } from './engine';
import { readProgress, TOUR_PROGRESS_KEY, type StorageLike } from './progress';
import type { Tour } from './types';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

function setup(storage: StorageLike | null = memoryStorage()): { store: AppStore; engine: TourEngine } {
  const store = createAppStore({ cluster: defaultScenario() });
  return { store, engine: createTourEngine({ store, tours: TOURS, storage }) };
}

const tour = (id: string): Tour => TOURS.find((t) => t.id === id)!;
const outcome = (store: AppStore) => selectTrace(store.getState())?.outcome;
const text = (engine: TourEngine) => engine.getView()!.narration.join(' ');

/** Walks to the step `index` of the open tour with Next, doing each try-it on the way. */
async function walkTo(engine: TourEngine, index: number) {
  while (engine.getView()!.index < index) {
    if (engine.getView()!.waiting) engine.doItForMe();
    await engine.next();
  }
}

describe('tour catalog', () => {
  it('has at least seven tours of 3 to 7 steps, with unique ids and an https docs link each', () => {
    expect(TOURS.length).toBeGreaterThanOrEqual(7);
    expect(new Set(TOURS.map((t) => t.id)).size).toBe(TOURS.length);
    for (const t of TOURS) {
      expect(t.steps.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.steps.length, t.id).toBeLessThanOrEqual(7);
      expect(t.docs.url, t.id).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
    }
  });

  it.each(TOURS.map((t) => [t.id, t] as const))('%s runs from first to last step with every address filled in', async (id, t) => {
    const { engine } = setup();
    await engine.start(id);
    for (let i = 0; i < t.steps.length; i++) {
      const view = engine.getView()!;
      expect(view.index, id).toBe(i);
      expect(view.error, `${id} step ${i + 1}`).toBeUndefined();
      expect(view.busy).toBe(false);
      const words = view.narration.join(' ');
      expect(words, `${id} step ${i + 1}: ${words}`).not.toMatch(/`\?`|(^|\s)\?([\s.,:]|$)|undefined|NaN|\bnull\b|expected a different cluster|<pending>/);
      if (view.waiting) {
        expect(view.canNext).toBe(false);
        engine.doItForMe();
        expect(engine.getView()!.canNext, `${id} step ${i + 1} try-it`).toBe(true);
      }
      if (i < t.steps.length - 1) await engine.next();
    }
    expect(engine.getView()!.isLast).toBe(true);
    engine.finish();
    expect(engine.getView()).toBeNull();
    expect(engine.progressOf(id)).toEqual({ done: true });
  });
});

describe('Is NodeIP:NodePort the same as ClusterIP:NodePort?', () => {
  it('delivers NodeIP:nodePort, drops ClusterIP:nodePort from a node, finds no route from the LAN', async () => {
    const { store, engine } = setup();
    await engine.start('nodeip-vs-clusterip');
    expect(text(engine)).toContain('`10.106.175.246`');
    expect(text(engine)).toContain('`30080`');
    await engine.next();
    expect(store.getState().request?.to).toMatchObject({ host: '10.0.1.12', port: 30080 });
    expect(outcome(store)).toBe('delivered');
    await engine.next();
    // Play until the packet arrives: Next waits for it.
    expect(engine.getView()!.waiting).toBe(true);
    expect(engine.getView()!.hint).toMatch(/Play/);
    await engine.next();
    expect(engine.getView()!.index).toBe(2);
    const { hops } = selectTrace(store.getState())!;
    store.getState().goTo(hops.length);
    expect(engine.getView()!.canNext).toBe(true);
    expect(text(engine)).toMatch(/^From the node.*Delivered: worker-3 rewrote the destination to `10\.244\.\d+\.\d+:8080`/);
    await engine.next();
    expect(store.getState().request).toMatchObject({ from: { kind: 'node', name: 'worker-1' }, to: { host: '10.106.175.246', port: 30080 } });
    expect(outcome(store)).toBe('dropped');
    expect(selectTrace(store.getState())!.reason?.key).toBe('reason.clusterIP.noSuchPort');
    expect(text(engine)).toContain('The trace ends Dropped');
    await engine.next();
    // The same request with kube-proxy in nftables mode: the step words the two traces' outcomes.
    expect(store.getState().cluster.settings.kubeProxyMode).toBe('nftables');
    expect(store.getState().request).toMatchObject({ from: { kind: 'node', name: 'worker-1' }, to: { host: '10.106.175.246', port: 30080 } });
    const nft = selectTrace(store.getState())!;
    expect(nft.reason?.key).toBe('reason.kubeProxy.invalidClusterIPPort');
    expect(text(engine)).toMatch(/The rule that decided it is in the chain `cluster-ips-check` of the table `ip kube-proxy`: `ip daddr @cluster-ips reject/);
    expect(text(engine)).toContain(`This time the trace ends ${OUTCOME_LABEL[nft.outcome]}, where iptables mode ended Dropped.`);
    await engine.next();
    expect(store.getState().cluster.settings.kubeProxyMode).toBe('iptables');
    expect(outcome(store)).toBe('no-route');
    expect(text(engine)).toContain('`10.96.0.0/12`');
    await engine.next();
    expect(outcome(store)).toBe('delivered');
  });
});

describe('engine', () => {
  it('runs actions on arrival: scenario, request, hop, lens, selection', async () => {
    const { store, engine } = setup();
    await engine.start('client-in-node');
    let s = store.getState();
    expect(s.cluster.services.map((x) => x.metadata.name)).toContain('api');
    expect(s.lens).toBe('layers');
    expect(s.step).toBe(0);
    await engine.next();
    expect(selectTrace(store.getState())!.hops[store.getState().step - 1]!.explanation.key).toBe('hop.dns.query');
    await engine.next();
    s = store.getState();
    expect(s.lens).toBe('wire');
    expect(selectTrace(s)!.hops[s.step - 1]!.explanation.key).toBe('hop.service.capture');
    expect(text(engine)).toContain('worker-1');
  });

  it('keeps Next shut until the try-it holds, whoever does it (a drag through the store here)', async () => {
    const { store, engine } = setup();
    await engine.start('client-in-node');
    await walkTo(engine, 4);
    expect(engine.getView()!.waiting).toBe(true);
    await engine.next();
    expect(engine.getView()!.index).toBe(4);
    const { reschedulePod } = await import('../model/edits');
    store.getState().applyEdit((c) => reschedulePod(c, { namespace: 'default', name: 'frontend-6b8d9c7f45-qx4tz' }, 'worker-2'));
    expect(engine.getView()!.waiting).toBe(false);
    expect(text(engine)).toMatch(/frontend now runs on worker-2 .* the rules on worker-2 do the rewrite now/);
    await engine.next();
    expect(engine.getView()!.index).toBe(5);
  });

  it('survives StrictMode: destroyed once on mount, subscribed again, its try-its still unlock', async () => {
    const { store, engine } = setup();
    engine.destroy();
    let told = 0;
    engine.subscribe(() => told++);
    await engine.start('client-in-node');
    await walkTo(engine, 4);
    await engine.next();
    expect(engine.getView()!.waiting).toBe(true);
    const { reschedulePod } = await import('../model/edits');
    store.getState().applyEdit((c) => reschedulePod(c, { namespace: 'default', name: 'frontend-6b8d9c7f45-qx4tz' }, 'worker-2'));
    expect(engine.getView()!.waiting).toBe(false);
    expect(told).toBeGreaterThan(0);
  });

  it('Back replays the tour up to the step before, so its cluster is as that step expects', async () => {
    const { store, engine } = setup();
    await engine.start('grow-types');
    await walkTo(engine, 4);
    expect(store.getState().cluster.services.find((x) => x.metadata.name === 'web')!.spec.type).toBe('LoadBalancer');
    await engine.back();
    expect(engine.getView()!.index).toBe(3);
    expect(store.getState().cluster.services.find((x) => x.metadata.name === 'web')!.spec.type).toBe('NodePort');
    expect(outcome(store)).toBe('delivered');
    await engine.back();
    await engine.back();
    expect(engine.getView()!.index).toBe(1);
    expect(store.getState().cluster.services.find((x) => x.metadata.name === 'web')!.spec.type).toBe('ClusterIP');
    expect(engine.getView()!.canBack).toBe(true);
    await engine.back();
    expect(engine.getView()!.canBack).toBe(false);
  });

  it('saves the step on every move and resumes there in a new session; Start over starts at 1', async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.engine.start('cloud-load-balancer');
    await walkTo(first.engine, 3);
    first.engine.skip();
    expect(first.engine.getView()).toBeNull();
    expect(readProgress(storage)).toEqual({ 'cloud-load-balancer': { step: 3 } });

    const second = setup(storage);
    expect(second.engine.progressOf('cloud-load-balancer')).toEqual({ step: 3 });
    await second.engine.start('cloud-load-balancer', { resume: true });
    expect(second.engine.getView()!.index).toBe(3);
    // The replay set up what step 4 expects: Local policy, and the load balancer on a node with a pod.
    const web = second.store.getState().cluster.services.find((x) => x.metadata.name === 'web')!;
    expect(web.spec.externalTrafficPolicy).toBe('Local');
    expect(text(second.engine)).toMatch(/checks now pass on 2 of 3 nodes/);
    await second.engine.start('cloud-load-balancer');
    expect(second.engine.getView()!.index).toBe(0);
  });

  it('reads unreadable or hostile progress as none, and survives storage that throws', async () => {
    for (const raw of ['not json', '[]', '{"x":{"step":-1}}', '{"__proto__":{"step":2}}', '{"ports":{"step":"2"}}']) {
      const storage = memoryStorage({ [TOUR_PROGRESS_KEY]: raw });
      const { engine } = setup(storage);
      expect(engine.progressOf('ports')).toEqual({});
      await engine.start('ports', { resume: true });
      expect(engine.getView()!.index).toBe(0);
    }
    expect(({} as Record<string, unknown>).step).toBeUndefined();
    const throwing: StorageLike = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const { engine } = setup(throwing);
    await engine.start('ports');
    await engine.next();
    expect(engine.getView()!.index).toBe(1);
    expect(engine.progressOf('ports')).toEqual({});
  });

  it('a resumed step past the end of a shortened tour opens its last step', async () => {
    const storage = memoryStorage({ [TOUR_PROGRESS_KEY]: JSON.stringify({ 'no-proxy': { step: 40 } }) });
    const { engine } = setup(storage);
    await engine.start('no-proxy', { resume: true });
    expect(engine.getView()!.index).toBe(tour('no-proxy').steps.length - 1);
  });

  it('words a step whose objects the reader deleted instead of throwing', async () => {
    const { store, engine } = setup();
    await engine.start('nodeip-vs-clusterip');
    const { deleteObject } = await import('../model/edits');
    store.getState().applyEdit((c) => deleteObject(c, { kind: 'Service', namespace: 'default', name: 'web' }));
    expect(text(engine)).toMatch(/expected a different cluster/);
  });

  it('a scenario that fails to load shows an error on the step and changes nothing', async () => {
    const store = createAppStore({ cluster: defaultScenario() });
    const before = store.getState().cluster;
    const engine = createTourEngine({ store, tours: TOURS, storage: null, loadScenario: async () => ({ error: 'offline' }) });
    await engine.start('ports');
    expect(engine.getView()!.error).toMatch(/offline/);
    expect(store.getState().cluster).toBe(before);
  });

  it('moving on while a scenario loads abandons the old step\'s actions', async () => {
    const store = createAppStore({ cluster: defaultScenario() });
    let release: () => void = () => {};
    const { loadScenario } = await import('../model/scenarios/loadScenario');
    const slow = (id: string) => new Promise<void>((r) => { release = r; }).then(() => loadScenario(id));
    const engine = createTourEngine({ store, tours: TOURS, storage: null, loadScenario: slow });
    const first = engine.start('ingress');
    engine.skip();
    release();
    await first;
    expect(engine.getView()).toBeNull();
    expect(store.getState().cluster.ingresses ?? []).toHaveLength(0);
  });

  it('tells subscribers only when what the card shows changes', async () => {
    const { store, engine } = setup();
    await engine.start('no-proxy');
    let calls = 0;
    const off = engine.subscribe(() => calls++);
    const view = engine.getView();
    store.getState().setSpeed(2);
    expect(calls).toBe(0);
    expect(engine.getView()).toBe(view);
    await engine.next();
    expect(calls).toBeGreaterThan(0);
    off();
  });

  it('the cloud load balancer tour: masquerade under Cluster, the client IP under Local, a drop on worker-3', async () => {
    const { store, engine } = setup();
    await engine.start('cloud-load-balancer');
    await walkTo(engine, 2);
    expect(text(engine)).toMatch(/never learns that the client was `198\.51\.100\.10`/);
    await walkTo(engine, 4);
    expect(text(engine)).toMatch(/the pod sees `198\.51\.100\.10`, the real client/);
    await walkTo(engine, 5);
    expect(outcome(store)).toBe('dropped');
    expect(selectTrace(store.getState())!.reason?.key).toBe('reason.kubeProxy.noLocalEndpoints');
    await walkTo(engine, 6);
    expect(outcome(store)).toBe('delivered');
  });

  it('the ports tour ends with a refused connection after the targetPort is broken', async () => {
    const { store, engine } = setup();
    await engine.start('ports');
    await walkTo(engine, 5);
    expect(engine.getView()!.waiting).toBe(true);
    engine.doItForMe();
    expect(outcome(store)).toBe('refused');
    expect(selectTrace(store.getState())!.reason?.key).toBe('reason.pod.notListening');
  });
});
