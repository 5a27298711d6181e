/** Property test: placement fields, taints, ownerReferences and controller-made pods survive toManifests → parseManifests. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterFromObjects } from './fromObjects';
import { parseManifests } from './parse';
import { toManifests } from './toManifests';

const container = { name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] };
const placementArb = fc.record({
  nodeSelector: fc.option(fc.constantFrom({ zone: 'a' }, { 'kubernetes.io/os': 'linux' }), { nil: undefined }),
  tolerations: fc.option(fc.constantFrom([{ operator: 'Exists' }], [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }]), { nil: undefined }),
  affinity: fc.option(fc.constantFrom(
    { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } },
    { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'x' } } } }] } },
  ), { nil: undefined }),
}, { requiredKeys: [] });

const objectsArb = fc.record({
  nodes: fc.array(fc.record({ zone: fc.constantFrom('a', 'b'), taint: fc.boolean(), ready: fc.boolean() }), { maxLength: 4 }),
  pods: fc.array(placementArb, { maxLength: 4 }),
  kind: fc.constantFrom('Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'),
  replicas: fc.integer({ min: 0, max: 3 }),
  template: placementArb,
}).map(({ nodes, pods, kind, replicas, template }) => [
  ...nodes.map((n, i) => ({
    apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}`, labels: { zone: n.zone } },
    spec: n.taint ? { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } : {},
    status: { conditions: [{ type: 'Ready', status: n.ready ? 'True' : 'False' }] },
  })),
  ...pods.map((p, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, ownerReferences: [{ apiVersion: 'v1', kind: 'Thing', name: 't', uid: 'u', controller: false }] }, spec: { containers: [container], ...p } })),
  {
    apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1', kind, metadata: { name: 'w' },
    spec: {
      ...(kind === 'DaemonSet' ? {} : kind === 'Job' ? { completions: replicas } : { replicas }),
      ...(kind === 'Job' ? {} : { selector: { matchLabels: { app: 'w' } } }),
      ...(kind === 'StatefulSet' ? { serviceName: 'w' } : {}),
      template: { metadata: { labels: { app: 'w' } }, spec: { containers: [container], ...template, ...(kind === 'Job' ? { restartPolicy: 'Never' } : {}) } },
    },
  },
]);

describe('placement round trip', () => {
  it('nodes and pods read back equal from the YAML written', () => {
    fc.assert(fc.property(objectsArb, (objects) => {
      const first = clusterFromObjects(objects);
      expect(first.errors).toEqual([]);
      const again = parseManifests(toManifests(first.cluster));
      expect(again.errors).toEqual([]);
      expect(again.cluster.nodes).toEqual(first.cluster.nodes);
      expect(again.cluster.pods).toEqual(first.cluster.pods);
    }), { numRuns: 60 });
  }, 60_000);
});
