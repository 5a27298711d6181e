import { describe, expect, it } from 'vitest';
import { clusterFromObjects } from './fromObjects';
import { fitError, nodeFacts, schedulerRejects, tolerates } from './nodeFit';
import { readNode } from './readCore';

type Json = Record<string, unknown>;
const container = { name: 'app', image: 'nginx', ports: [{ containerPort: 80 }] };
const node = (name: string, extra: { labels?: Record<string, string>; taints?: Json[]; ready?: boolean; unschedulable?: boolean } = {}) => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) },
  spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
  ...(extra.ready === false ? { status: { conditions: [{ type: 'Ready', status: 'False' }] } } : {}),
});
const pod = (name: string, spec: Json = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [container], ...spec } });
const deployment = (replicas: number, spec: Json = {}) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container], ...spec } } } });
const placed = (objects: unknown[]) => {
  const r = clusterFromObjects(objects);
  expect(r.errors).toEqual([]);
  return Object.fromEntries(r.cluster.pods.filter((p) => p.metadata.namespace === 'default').map((p) => [p.metadata.name, p.spec.nodeName ?? null]));
};
const cp = node('cp', { labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });

describe('the scheduler on an empty cluster', () => {
  it('balances: fewest pods first, ties in node order, pods that name a node counted', () => {
    expect(placed([node('a'), node('b'), node('c'), pod('p0', { nodeName: 'a' }), pod('p1'), pod('p2'), pod('p3')])).toEqual({ p0: 'a', p1: 'b', p2: 'c', p3: 'a' });
  });

  it('keeps off the control plane (NoSchedule taint) unless tolerated', () => {
    expect(placed([cp, node('w'), pod('p1'), pod('p2')])).toEqual({ p1: 'w', p2: 'w' });
    const tolerant = { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] };
    expect(placed([cp, node('w'), pod('p1', tolerant), pod('p2', tolerant)])).toEqual({ p1: 'cp', p2: 'w' });
  });

  it('honours nodeSelector (kubelet labels included) and required node affinity', () => {
    const nodes = [node('a', { labels: { zone: 'x' } }), node('b', { labels: { zone: 'y', gpu: 'true' } }), node('c', { labels: { zone: 'z' } })];
    expect(placed([...nodes, pod('p', { nodeSelector: { zone: 'y' } })])).toEqual({ p: 'b' });
    expect(placed([...nodes, pod('p', { nodeSelector: { 'kubernetes.io/os': 'linux', 'kubernetes.io/hostname': 'c' } })])).toEqual({ p: 'c' });
    const affinity = (terms: Json[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
    expect(placed([...nodes, pod('p', affinity([{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['x', 'y'] }] }]))])).toEqual({ p: 'c' });
    expect(placed([...nodes, pod('p', affinity([{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }]))])).toEqual({ p: 'b' });
    expect(placed([...nodes, pod('p', affinity([{ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }, { key: 'zone', operator: 'In', values: ['y', 'z'] }] }]))])).toEqual({ p: 'c' });
    // Terms are ORed; matchFields reads metadata.name.
    expect(placed([...nodes, pod('p', affinity([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['nowhere'] }] }]))])).toEqual({ p: 'c' });
  });

  it('leaves a pod no node fits Pending, with the scheduler\'s FitError', () => {
    const r = clusterFromObjects([cp, node('w1', { unschedulable: true }), node('w2', { ready: false }), node('w3'), deployment(2, { nodeSelector: { disk: 'ssd' } })]);
    expect(r.errors).toEqual([]);
    const web = r.cluster.pods.filter((p) => p.metadata.namespace === 'default');
    expect(web.map((p) => [p.spec.nodeName, p.status.phase])).toEqual([[undefined, 'Pending'], [undefined, 'Pending']]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '2 pods of Deployment "web" stay Pending, as the scheduler finds no node for them: 0/4 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector, '
      + '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) were unschedulable.',
    ]);
  });

  it('NoExecute taints keep pods off too; PreferNoSchedule does not', () => {
    expect(placed([node('a', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] }), node('b', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }), pod('p1'), pod('p2')])).toEqual({ p1: 'b', p2: 'b' });
  });

  it('passes a Deployment template\'s placement, hostname and subdomain to its pods', () => {
    const r = clusterFromObjects([node('a'), node('b', { labels: { pool: 'web' } }), deployment(2, { nodeSelector: { pool: 'web' }, hostname: 'h', subdomain: 's', tolerations: [{ key: 'x', operator: 'Exists' }] })]);
    const web = r.cluster.pods.filter((p) => p.metadata.namespace === 'default');
    expect(web.map((p) => p.spec.nodeName)).toEqual(['b', 'b']);
    expect(web[0]!.spec).toMatchObject({ nodeSelector: { pool: 'web' }, hostname: 'h', subdomain: 's', tolerations: [{ key: 'x', operator: 'Exists' }] });
  });
});

describe('toleration and taint rules', () => {
  it('ToleratesTaint: effect, key, then Exists or an equal value', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' as const };
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ key: 'k', value: 'v' }, taint)).toBe(true);
    expect(tolerates({ key: 'k', value: 'w' }, taint)).toBe(false);
    expect(tolerates({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
  });

  it('schedulerRejects names the first failing filter; fitError sorts the reasons', () => {
    const facts = nodeFacts(readNode(node('n', { unschedulable: true, taints: [{ key: 't', effect: 'NoSchedule' }] })));
    expect(schedulerRejects({}, facts)).toBe('node(s) were unschedulable');
    expect(schedulerRejects({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }] }, facts)).toBe('node(s) had untolerated taint {t: }');
    expect(fitError(3, ['b', 'a', 'b'])).toBe('0/3 nodes are available: 1 a, 2 b.');
  });

  it('refuses invalid tolerations, affinity and taints with the API server\'s field paths', () => {
    const r = clusterFromObjects([
      node('n', { taints: [{ key: 'k', effect: 'Sometimes' }, { key: 'd', effect: 'NoSchedule' }, { key: 'd', effect: 'NoSchedule' }] }),
      pod('p', {
        tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', value: 'v' }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'z', operator: 'In' }], matchFields: [{ key: 'metadata.labels', operator: 'In', values: ['a'] }] }] } } },
      }),
    ]);
    expect(r.errors.map((e) => e.field)).toEqual([
      'spec.taints[0].effect', 'spec.taints[2]',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key',
      'spec.tolerations[0].operator', 'spec.tolerations[1].operator',
    ]);
  });

  it('refuses placement fields of the wrong JSON type before validation', () => {
    const r = clusterFromObjects([pod('p', { tolerations: [{ key: 'k', tolerationSeconds: 'long' }] })]);
    expect(r.errors[0]!.message).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Toleration.spec.tolerations.tolerationSeconds of type int64');
  });
});

describe('a template that names its node', () => {
  it('binds every pod there, past the scheduler', () => {
    const r = clusterFromObjects([node('a'), node('b'), deployment(2, { nodeName: 'b' })]);
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods.filter((p) => p.metadata.namespace === 'default').map((p) => [p.spec.nodeName, p.status.phase])).toEqual([['b', 'Running'], ['b', 'Running']]);
  });
});
