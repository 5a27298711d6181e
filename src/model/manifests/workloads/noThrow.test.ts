/** Whatever JSON a workload, Endpoints or placement field holds, reading it never throws and every kept pod is on a real node. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterFromObjects } from '../fromObjects';

const kinds = [['apps/v1', 'ReplicaSet'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['v1', 'Endpoints'], ['v1', 'Pod'], ['v1', 'Node'], ['apps/v1', 'Deployment']] as const;
const container = { name: 'c', image: 'i', ports: [{ containerPort: 80 }] };
const field = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
const objectArb = fc.record({
  kind: fc.constantFrom(...kinds),
  name: fc.constantFrom('a', 'web', 'x.y', ''),
  spec: fc.record({
    replicas: field, selector: fc.oneof(field, fc.constant({ matchLabels: { app: 'a' } })), serviceName: field, completions: field, parallelism: field,
    schedule: field, suspend: field, ordinals: field, completionMode: field,
    template: fc.oneof(field, fc.record({ metadata: fc.constant({ labels: { app: 'a' } }), spec: fc.record({ containers: fc.oneof(field, fc.constant([container])), nodeSelector: field, tolerations: field, affinity: field, restartPolicy: field, hostNetwork: field }) })),
    jobTemplate: field, containers: fc.constant([container]), nodeSelector: field, tolerations: field, affinity: field, taints: field, nodeName: field,
  }, { requiredKeys: [] }),
  subsets: field,
}).map(({ kind, name, spec, subsets }) => ({ apiVersion: kind[0], kind: kind[1], metadata: { name }, spec, subsets }));

describe('workload input never throws', () => {
  it('any JSON in the fields read', () => {
    fc.assert(fc.property(fc.array(objectArb, { maxLength: 6 }), (objects) => {
      const { cluster } = clusterFromObjects(objects);
      const nodes = new Set(cluster.nodes.map((n) => n.metadata.name));
      for (const p of cluster.pods) if (p.spec.nodeName) expect(nodes.has(p.spec.nodeName)).toBe(true);
    }), { numRuns: 400 });
  }, 60_000);
});

describe('the views over controller-made pods', () => {
  it('traces, kubectl and iptables run on Jobs, DaemonSets, StatefulSets, hostNetwork pods and kept objects, and the invariants hold', async () => {
    const { exerciseViews, roundTripDifference } = await import('../../fuzz/exercise');
    const { invariantViolations } = await import('../../fuzz/invariants');
    const t = (labels: Record<string, string>, spec: Record<string, unknown> = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i', ports: [{ name: 'http', containerPort: 80 }] }], ...spec } });
    const objects = [
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: t({ app: 'db' }) } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80, targetPort: 'http' }] } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: t({ app: 'agent' }) } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'agent' }, spec: { type: 'NodePort', selector: { app: 'agent' }, ports: [{ port: 80, targetPort: 80 }] } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { completions: 2, template: t({ app: 'once' }, { restartPolicy: 'Never' }) } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'once' }, spec: { selector: { app: 'once' }, ports: [{ port: 80, targetPort: 80 }] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } },
    ];
    const { cluster, errors } = clusterFromObjects(objects);
    expect(errors).toEqual([]);
    expect(invariantViolations(cluster)).toEqual([]);
    expect(() => exerciseViews(cluster)).not.toThrow();
    expect(roundTripDifference(cluster)).toBeUndefined();
    // hostNetwork pods (on their node's IP): the views run; fuzz/invariants.ts does not know them yet.
    const host = clusterFromObjects([objects[2]!, objects[3]!].map((o) => JSON.parse(JSON.stringify(o).replace('"containers"', '"hostNetwork":true,"containers"')) as unknown));
    expect(host.errors).toEqual([]);
    expect(host.cluster.pods.filter((p) => p.spec.hostNetwork).map((p) => p.status.podIP)).toEqual(['10.0.1.10', '10.0.1.11', '10.0.1.12']);
    expect(() => exerciseViews(host.cluster)).not.toThrow();
  });
});
