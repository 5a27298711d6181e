import { describe, expect, it } from 'vitest';
import { sendMany } from './spread';
import { defaultScenario } from './scenarios/defaultScenario';
import { updateService } from './edits';
import type { Cluster } from './cluster';

const web = (c: Cluster) => c.services[0]!;
const withSpec = (c: Cluster, spec: Partial<Cluster['services'][number]['spec']>): Cluster => {
  const r = updateService(c, { namespace: 'default', name: 'web' }, { ...web(c), spec: { ...web(c).spec, ...spec } });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join());
  return r.cluster;
};

describe('sendMany', () => {
  const base = defaultScenario();
  const lbIP = web(base).status.loadBalancer.ingress![0]!.ip!;
  const request = { from: { kind: 'client', name: 'client' } as const, to: { host: lbIP, port: 80 } };

  it('spreads new connections over every ready pod', () => {
    const result = sendMany(base, request, 100);
    expect(result.endpoints).toHaveLength(3);
    expect(result.endpoints.reduce((n, e) => n + e.count, 0)).toBe(100);
    for (const e of result.endpoints) expect(e.count).toBeGreaterThan(10);
  });

  it('pins one client to one pod with sessionAffinity ClientIP', () => {
    const result = sendMany(withSpec(base, { sessionAffinity: 'ClientIP' }), request, 50);
    expect(result.endpoints).toHaveLength(1);
    expect(result.endpoints[0]!.count).toBe(50);
  });

  it('only reaches pods on nodes that have one under externalTrafficPolicy Local', () => {
    const local = withSpec(base, { externalTrafficPolicy: 'Local' });
    const result = sendMany(local, request, 60);
    expect(result.failed).toEqual({});
    const nodes = new Set(result.endpoints.map((e) => local.pods.find((p) => p.metadata.name === e.pod)!.spec.nodeName));
    expect([...nodes].every((n) => n === 'worker-1' || n === 'worker-2')).toBe(true);
  });
});
