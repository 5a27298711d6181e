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

  it('sessionAffinity ClientIP holds per node: each node the LB used keeps the client on one pod of its own choosing', () => {
    const sticky = withSpec(base, { sessionAffinity: 'ClientIP' });
    const result = sendMany(sticky, request, 60);
    expect(result.failed).toEqual({});
    // externalTrafficPolicy Cluster: the LB spreads the client's connections over all three nodes…
    expect(result.byNode.map((n) => n.node).sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    // …and each node's `-m recent` memory sends it to exactly one pod, so up to one pod per node.
    for (const n of result.byNode) expect(n.endpoints).toHaveLength(1);
    expect(result.endpoints.length).toBeLessThanOrEqual(result.byNode.length);
    expect(new Set(result.byNode.map((n) => n.endpoints[0])).size).toBe(result.endpoints.length);
    expect(result.note).toMatchObject({ key: 'spread.affinityPerNode', params: { service: 'default/web', nodes: 3, pods: result.endpoints.length, nodeNames: result.byNode.map((n) => n.node) } });
  });

  it('sessionAffinity ClientIP from a pod: one node chooses every time, so one pod', () => {
    const sticky = withSpec(base, { sessionAffinity: 'ClientIP' });
    const pod = base.pods.find((p) => p.status.podIP)!; // a web pod calling its own Service
    const fromPod = { from: { kind: 'pod', namespace: pod.metadata.namespace, name: pod.metadata.name } as const, to: { host: web(base).spec.clusterIP!, port: 80 } };
    const result = sendMany(sticky, fromPod, 40);
    expect(result.endpoints).toHaveLength(1);
    expect(result.endpoints[0]!.count).toBe(40);
    expect(result.byNode).toEqual([{ node: pod.spec.nodeName, count: 40, endpoints: [result.endpoints[0]] }]);
    expect(result.note).toMatchObject({ key: 'spread.affinityOneNode', params: { nodes: 1, pods: 1, nodeNames: [pod.spec.nodeName] } });
  });

  it('without affinity there is no note, and the node that chose is recorded for every delivered request', () => {
    const result = sendMany(base, request, 30);
    expect(result.note).toBeUndefined();
    expect(result.byNode.reduce((n, e) => n + e.count, 0)).toBe(30);
  });

  it('only reaches pods on nodes that have one under externalTrafficPolicy Local', () => {
    const local = withSpec(base, { externalTrafficPolicy: 'Local' });
    const result = sendMany(local, request, 60);
    expect(result.failed).toEqual({});
    const nodes = new Set(result.endpoints.map((e) => local.pods.find((p) => p.metadata.name === e.pod)!.spec.nodeName));
    expect([...nodes].every((n) => n === 'worker-1' || n === 'worker-2')).toBe(true);
  });
});
