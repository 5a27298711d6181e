import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeSnapshot, encodeSnapshot, MAX_ENCODED_CHARS } from './snapshotCodec';
import { snapshotOf } from './snapshot';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { toManifestObjects } from '../model/manifests/toObjects';

const state = () => {
  const cluster = defaultScenario();
  return {
    cluster,
    positions: { 'node:worker-1': { x: 40, y: 300 } },
    request: { from: { kind: 'client' as const, name: 'client' }, to: { host: '203.0.113.10', port: 80 } },
    seed: 3,
    step: 2,
    lens: 'wire' as const,
  };
};
const raw = (value: unknown) => compressToEncodedURIComponent(JSON.stringify(value));

describe('snapshot codec', () => {
  it('round-trips the exact state', () => {
    const s = state();
    const decoded = decodeSnapshot(encodeSnapshot(snapshotOf(s)));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.state.positions).toEqual(s.positions);
    expect(decoded.state.request).toEqual(s.request);
    expect({ seed: decoded.state.seed, step: decoded.state.step, lens: decoded.state.lens }).toEqual({ seed: 3, step: 2, lens: 'wire' });
    expect(toManifestObjects(decoded.state.cluster)).toEqual(toManifestObjects(s.cluster));
  });

  it('carries the kube-proxy mode: a link in nftables mode opens in nftables mode', () => {
    const s = state();
    const nft = { ...s, cluster: { ...s.cluster, settings: { ...s.cluster.settings, kubeProxyMode: 'nftables' as const } } };
    const decoded = decodeSnapshot(encodeSnapshot(snapshotOf(nft)));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.state.cluster.settings.kubeProxyMode).toBe('nftables');
    const back = decodeSnapshot(encodeSnapshot(snapshotOf(s)));
    expect(back.ok && back.state.cluster.settings.kubeProxyMode).toBe('iptables');
  });

  it('keeps a default scenario link short', () => {
    expect(encodeSnapshot(snapshotOf(state())).length).toBeLessThan(4000);
  });

  it('refuses damaged, oversized and newer links with a reason', () => {
    expect(decodeSnapshot('')).toEqual({ ok: false, reason: 'empty' });
    expect(decodeSnapshot('not-lz-at-all!!')).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeSnapshot(encodeSnapshot(snapshotOf(state())).slice(0, 200))).toMatchObject({ ok: false });
    expect(decodeSnapshot('A'.repeat(MAX_ENCODED_CHARS + 1))).toEqual({ ok: false, reason: 'too-large' });
    expect(decodeSnapshot(raw({ ...snapshotOf(state()), v: 99 }))).toEqual({ ok: false, reason: 'newer-version' });
    expect(decodeSnapshot(raw({ hello: 'world' }))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses a cluster the API server would refuse, such as a script in a name', () => {
    const snap = snapshotOf(state());
    const bad = JSON.parse(JSON.stringify(snap).replace('"name":"web"', '"name":"<script>alert(1)</script>"'));
    expect(decodeSnapshot(raw(bad))).toEqual({ ok: false, reason: 'invalid-cluster' });
    const badClient = structuredClone(snap);
    (badClient.manifests[0]!.spec as { clients: { name: string }[] }).clients[0]!.name = '<img src=x onerror=alert(1)>';
    expect(decodeSnapshot(raw(badClient))).toEqual({ ok: false, reason: 'invalid-cluster' });
  });

  it('drops prototype-polluting keys and bad fields instead of trusting them', () => {
    const snap = snapshotOf(state());
    const json = JSON.stringify(snap).replace('"positions":{', '"positions":{"__proto__":{"polluted":true},"constructor":{"x":1,"y":2},');
    const decoded = decodeSnapshot(compressToEncodedURIComponent(json));
    expect(decoded.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const weird = decodeSnapshot(raw({ ...snap, request: { from: { kind: 'pod' }, to: { host: 'x', port: 99999 } }, step: -4, lens: 'sideways' }));
    if (!weird.ok) throw new Error(weird.reason);
    expect(weird.state).toMatchObject({ request: null, step: 0, lens: 'layers' });
  });
});

describe('snapshot codec bounds', () => {
  const base = () => snapshotOf(state());
  it('refuses, before the model expands them, workloads that ask for more pods than it will draw', () => {
    const snap = base();
    const huge = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'huge', namespace: 'default' }, spec: { replicas: 1e9, selector: { matchLabels: { app: 'h' } }, template: { metadata: { labels: { app: 'h' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } };
    expect(decodeSnapshot(raw({ ...snap, manifests: [...snap.manifests, huge] }))).toEqual({ ok: false, reason: 'too-large' });
    const many = Array.from({ length: 20_001 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` } }));
    expect(decodeSnapshot(raw({ ...snap, manifests: many }))).toEqual({ ok: false, reason: 'too-large' });
  });
});
