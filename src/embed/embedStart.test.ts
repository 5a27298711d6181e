import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { emptyCluster } from '../model/scenarios/emptyCluster';
import type { LoadedScenario } from '../model/scenarios/loadScenario';
import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';
import { snapshotOf } from './snapshot';
import { readEmbedOptions } from './options';
import { diagramShown, immediateStart, planLoad, planStart, waitsForEngine, type StartDeps } from './embedStart';

const options = (query: string) => {
  const params = new URLSearchParams(query);
  return readEmbedOptions((name) => params.get(name));
};
const shared = defaultScenario();
const request = { from: { kind: 'client' as const, name: 'client' }, to: { host: '203.0.113.10', port: 80 } };
const link = encodeSnapshot(snapshotOf({ cluster: shared, positions: {}, request, seed: 2, step: 1, lens: 'layers' }));
const scenario = emptyCluster();
const deps: StartDeps = {
  decodeLink: async (encoded) => decodeSnapshot(encoded),
  loadScenario: async (id): Promise<LoadedScenario> => (id === 'empty' ? { cluster: scenario, request: request } : { error: `There is no scenario called "${id}".` }),
};

describe('embed start plan', () => {
  it('starts at once from the default scenario with the options over it', () => {
    const start = immediateStart(options('step=2&lens=wire&to=10.96.0.10:53'));
    expect(start).toMatchObject({ step: 2, lens: 'wire', request: { to: { host: '10.96.0.10', port: 53 } } });
    expect(immediateStart(options('')).request).not.toBeNull();
  });

  it('runs the diagram in the kube-proxy mode proxyMode= asks for, and refuses any other aloud', async () => {
    expect(immediateStart(options('proxyMode=nftables')).cluster.settings.kubeProxyMode).toBe('nftables');
    expect(immediateStart(options('')).cluster.settings.kubeProxyMode).toBe('iptables');
    expect((await planStart(options(`state=${link}&proxyMode=nftables`), deps)).initial?.cluster.settings.kubeProxyMode).toBe('nftables');
    expect((await planStart(options('scenario=empty&proxyMode=nftables'), deps)).initial?.cluster.settings.kubeProxyMode).toBe('nftables');
    const ipvs = options('proxyMode=ipvs');
    expect(ipvs.proxyMode).toBeUndefined();
    expect(immediateStart(ipvs).cluster.settings.kubeProxyMode).toBe('iptables');
    expect((await planStart(ipvs, deps)).problem).toMatch(/^proxyMode=ipvs is not a kube-proxy mode this explainer models \(iptables or nftables; IPVS is deprecated/);
    // A bigger problem is said first.
    expect((await planStart(options('proxyMode=x&scenario=missing'), deps)).problem).toBe('There is no scenario called "missing".');
  });

  it('has nothing to load without a state, manifests or a scenario', async () => {
    expect(await planStart(options(''), deps)).toEqual({});
  });

  it('opens a state link as it was shared, with only the options given over it', async () => {
    const plan = await planStart(options(`state=${link}&lens=wire`), deps);
    expect(plan.initial).toMatchObject({ request, seed: 2, step: 1, lens: 'wire' });
    expect((await planStart(options('state=damaged'), deps)).problem).toBe('The diagram in this embed could not be read; showing the default scenario.');
  });

  it('lets a scenario take the place of a state, which stays when the scenario fails', async () => {
    expect((await planStart(options(`state=${link}&scenario=empty`), deps)).initial?.cluster).toBe(scenario);
    expect(await planStart(options('state=damaged&scenario=empty'), deps)).toEqual({ initial: expect.objectContaining({ cluster: scenario }) });
    const failed = await planStart(options(`state=${link}&scenario=missing`), deps);
    expect(failed.initial?.seed).toBe(2);
    expect(failed.problem).toBe('There is no scenario called "missing".');
  });

  it('takes inline manifests over a scenario', async () => {
    const yaml = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { ports: [{ port: 5432 }] } });
    const plan = await planStart({ ...options('scenario=empty&step=1'), yaml }, deps);
    expect(plan.initial?.cluster.services.map((s) => s.metadata.name)).toContain('db');
    expect(plan.initial?.step).toBe(1);
  });

  it('loads a state from the embedding page as it was shared, and a scenario with the options', async () => {
    const embed = options('step=3');
    expect((await planLoad({ state: link }, embed, deps)).initial).toMatchObject({ step: 1, seed: 2 });
    expect(await planLoad({ state: 'damaged' }, embed, deps)).toEqual({ problem: 'That diagram could not be read.' });
    expect((await planLoad({ scenario: 'empty' }, embed, deps)).initial).toMatchObject({ cluster: scenario, step: 3 });
  });

  it('shows the diagram once it is known, waiting for the engine only when it opens at a hop', () => {
    expect(diagramShown({ resolved: false, atHop: false, engine: 'ready' })).toBe(false);
    expect(diagramShown({ resolved: true, atHop: false, engine: 'absent' })).toBe(true);
    expect(diagramShown({ resolved: true, atHop: true, engine: 'loading' })).toBe(false);
    expect(waitsForEngine({ atHop: true, engine: 'loading' })).toBe(true);
    expect(diagramShown({ resolved: true, atHop: true, engine: 'failed' })).toBe(true);
    expect(diagramShown({ resolved: true, atHop: true, engine: 'ready' })).toBe(true);
  });
});
