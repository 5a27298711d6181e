import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../model/scenarios/catalog';
import { loadScenario } from '../model/scenarios/loadScenario';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { trace } from '../model/trace/trace';
import type { Trace } from '../model/trace/types';
import { hopLabel } from './hopLabel';

const labels = (t: Trace) => t.hops.map((h) => { const l = hopLabel(h); return `${l.action} ${l.address}`; });

describe('hop labels', () => {
  it('the default trace: arriving at the nodePort and kube-proxy matching it read differently', () => {
    const t = trace(defaultScenario(), { from: { kind: 'client', name: 'client' }, to: { host: 'lb:default/web', port: 80 } }, { pick: { 'lb:default/web': 'worker-3' } });
    const l = labels(t);
    expect(l[1]).toBe('DNAT: load balancer sends to worker-3 10.0.1.12:30080');
    expect(l[2]).toBe('kube-proxy matches the nodePort 10.0.1.12:30080');
    expect(l[3]).toMatch(/^DNAT \+ SNAT \(masquerade\): kube-proxy picks pod default\/web-\S+ (10\.244\.\d+\.\d+):8080$/);
    expect(l[4]).toMatch(/^reaches pod default\/web-\S+ 10\.244\.\d+\.\d+:8080$/);
  });

  it.each(SCENARIOS.map((s) => [s.id] as const))('%s: no two hops of the suggested trace read the same', async (id) => {
    const loaded = await loadScenario(id);
    if ('error' in loaded) throw new Error(loaded.error);
    const l = labels(trace(loaded.cluster, loaded.request));
    expect(new Set(l).size).toBe(l.length);
  });
});

describe('a hostname-only load balancer', () => {
  it('public DNS\'s answer (the stand-in) and the arrival at the LB read differently, both at the stand-in address', () => {
    const c = defaultScenario();
    const named = { ...c, services: c.services.map((s) => (s.spec.type === 'LoadBalancer' ? { ...s, status: { loadBalancer: { ingress: [{ hostname: 'a1b2-123.us-east-1.elb.amazonaws.com' }] } } } : s)) };
    const l = labels(trace(named, { from: { kind: 'client', name: 'client' }, to: { host: 'lb:default/web', port: 80 } }));
    expect(l[0]).toMatch(/^public DNS answers a1b2-123\.us-east-1\.elb\.amazonaws\.com \(stand-in\) 203\.0\.113\.\d+:80$/);
    expect(l[1]).toMatch(/^arrives at the load balancer 203\.0\.113\.\d+:80$/);
  });
});
