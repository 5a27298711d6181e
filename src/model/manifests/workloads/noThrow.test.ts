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
