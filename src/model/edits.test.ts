import { describe, expect, it } from 'vitest';
import { addObjects, deleteObject, dropTypeDependentFields, reschedulePod, uniqueName, updatePod, updateService, updateSettings } from './edits';
import { defaultScenario } from './scenarios/defaultScenario';
import { inCidr } from './ip';
import { endpointsFor } from './endpoints';
import type { Cluster, Service } from './cluster';
import { clusterFromObjects } from './manifests/fromObjects';
import { kubectl } from './kubectl/kubectl';

const web = (c: Cluster) => c.services.find((s) => s.metadata.name === 'web')!;
const ok = (r: ReturnType<typeof updateService>): Cluster => {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.cluster;
};
const withSpec = (s: Service, spec: Partial<Service['spec']>): Service => ({ ...s, spec: { ...s.spec, ...spec } });

describe('updateService', () => {
  const base = defaultScenario();
  const ref = { namespace: 'default', name: 'web' };

  it('refuses nodePort 80 with the allocator\'s field path and message, leaving the cluster alone', () => {
    const svc = web(base);
    const next = withSpec(svc, { ports: [{ ...svc.spec.ports[0]!, nodePort: 80 }] });
    const result = updateService(base, ref, next);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ field: 'spec.ports[0].nodePort' });
    expect(result.errors[0]!.message).toContain('provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(web(base).spec.ports[0]!.nodePort).toBe(30080);
  });

  it('switches LoadBalancer → ClusterIP, dropping nodePort, externalTrafficPolicy and the LB status', () => {
    const after = web(ok(updateService(base, ref, withSpec(web(base), { type: 'ClusterIP' }))));
    expect(after.spec.type).toBe('ClusterIP');
    expect(after.spec.ports[0]!.nodePort).toBeUndefined();
    expect(after.spec.externalTrafficPolicy).toBeUndefined();
    expect(after.status.loadBalancer.ingress ?? []).toEqual([]);
    expect(after.spec.clusterIP).toBe(web(base).spec.clusterIP);
  });

  it('switches ClusterIP → NodePort and allocates a nodePort in the range', () => {
    const asClusterIP = ok(updateService(base, ref, withSpec(web(base), { type: 'ClusterIP' })));
    const nodePort = web(ok(updateService(asClusterIP, ref, withSpec(web(asClusterIP), { type: 'NodePort' })))).spec.ports[0]!.nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
  });

  it('keeps a user-set nodePort when switching away from NodePort, so the API server rejects it', () => {
    const svc = web(base);
    const next = withSpec(svc, { type: 'ClusterIP', ports: [{ ...svc.spec.ports[0]!, nodePort: 30555 }] });
    expect(dropTypeDependentFields(svc, next).spec.ports[0]!.nodePort).toBe(30555);
    const result = updateService(base, ref, next);
    expect(result.ok).toBe(false);
  });
});

describe('pods', () => {
  const base = defaultScenario();
  const pod = base.pods.find((p) => p.spec.nodeName === 'worker-1')!;
  const ref = { namespace: pod.metadata.namespace, name: pod.metadata.name };

  it('reschedules onto another node with an IP from that node\'s pod CIDR', () => {
    const after = ok(reschedulePod(base, ref, 'worker-3'));
    const moved = after.pods.find((p) => p.metadata.name === pod.metadata.name)!;
    const node = after.nodes.find((n) => n.metadata.name === 'worker-3')!;
    expect(moved.spec.nodeName).toBe('worker-3');
    expect(inCidr(moved.status.podIP!, node.spec.podCIDR!)).toBe(true);
    expect(reschedulePod(base, ref, 'nope').ok).toBe(false);
  });

  it('changing a label takes the pod out of the Service, with the reason', () => {
    const after = ok(updatePod(base, ref, { labels: { app: 'wbe' } }));
    const result = endpointsFor(after, web(after));
    expect(result.ports[0]!.endpoints.map((e) => e.podName)).not.toContain(pod.metadata.name);
    expect(result.excluded).toContainEqual({ podName: pod.metadata.name, reason: { kind: 'label-mismatch', key: 'app', expected: 'web', actual: 'wbe' } });
  });

  it('a pod marked not ready stays listed but not ready', () => {
    const after = ok(updatePod(base, ref, { ready: false }));
    const endpoint = endpointsFor(after, web(after)).ports[0]!.endpoints.find((e) => e.podName === pod.metadata.name)!;
    expect(endpoint.ready).toBe(false);
  });
});

describe('adding, deleting and settings', () => {
  const base = defaultScenario();

  it('adds a NodePort Service with an allocated ClusterIP and nodePort', () => {
    const after = ok(addObjects(base, [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'api' }, ports: [{ port: 8080 }] } }]));
    const api = after.services.find((s) => s.metadata.name === 'api')!;
    expect(api.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    expect(api.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 8080, protocol: 'TCP' });
    expect(api.spec.ports[0]!.nodePort).not.toBe(30080);
  });

  it('deleting a node deletes its pods', () => {
    const after = ok(deleteObject(base, { kind: 'Node', name: 'worker-1' }));
    expect(after.nodes.map((n) => n.metadata.name)).toEqual(['worker-2', 'worker-3']);
    expect(after.pods.every((p) => p.spec.nodeName !== 'worker-1')).toBe(true);
  });

  it('on bare metal every LoadBalancer is pending; back on a cloud they get addresses again', () => {
    const bare = ok(updateSettings(base, { provider: 'bare-metal' }));
    expect(web(bare).status.loadBalancer.ingress ?? []).toEqual([]);
    expect(web(ok(updateSettings(bare, { provider: 'cloud' }))).status.loadBalancer.ingress?.[0]?.ip).toMatch(/^203\.0\.113\./);
    const after = ok(addObjects(bare, [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'edge' }, spec: { type: 'LoadBalancer', ports: [{ port: 443 }] } }]));
    expect(after.services.find((s) => s.metadata.name === 'edge')!.status.loadBalancer.ingress ?? []).toEqual([]);
  });

  it('finds a free name', () => {
    expect(uniqueName('web', ['web', 'web-2'])).toBe('web-3');
    expect(uniqueName('api', ['web'])).toBe('api');
  });
});

describe('deleting what a controller owns', () => {
  const t = (labels: Record<string, string>, extra = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra } });
  const objects = [
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: t({ app: 'web' }) } },
    { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: t({ app: 'db' }) } },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: t({ app: 'agent' }) } },
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: t({ app: 'once' }, { restartPolicy: 'Never' }) } },
  ];
  const built = clusterFromObjects(objects);
  const base = built.cluster;
  const mine = (c: Cluster, prefix: string) => c.pods.filter((p) => p.metadata.namespace === 'default' && p.metadata.name.startsWith(prefix));
  const del = (c: Cluster, name: string) => {
    const r = deleteObject(c, { kind: 'Pod', namespace: 'default', name });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    return r;
  };

  it('builds', () => expect(built.errors).toEqual([]));

  it("a Deployment's pod: its ReplicaSet makes a new one, with a new name and IP, created now", () => {
    const gone = mine(base, 'web-')[0]!;
    const r = del(base, gone.metadata.name);
    const pods = mine(r.cluster, 'web-');
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.name)).not.toContain(gone.metadata.name);
    const fresh = pods.find((p) => !mine(base, 'web-').some((q) => q.metadata.name === p.metadata.name))!;
    expect(fresh.metadata.name).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(fresh.status).toMatchObject({ phase: 'Running', ready: true });
    expect(fresh.metadata.creationTimestamp).toBe('2025-06-06T10:30:00Z');
    expect(r.notes).toEqual([{ kind: 'pod-recreated', controller: { kind: 'Deployment', name: 'web' }, deleted: { namespace: 'default', name: gone.metadata.name }, replacement: { namespace: 'default', name: fresh.metadata.name } }]);
    // Deleting every pod in turn still leaves two.
    const again = del(r.cluster, fresh.metadata.name);
    expect(mine(again.cluster, 'web-')).toHaveLength(2);
  });

  it("a StatefulSet's pod comes back under the same ordinal name; a DaemonSet's on the same node", () => {
    const r = del(base, 'db-1');
    expect(mine(r.cluster, 'db-').map((p) => p.metadata.name)).toEqual(['db-0', 'db-1']);
    expect(r.notes?.[0]).toMatchObject({ kind: 'pod-recreated', controller: { kind: 'StatefulSet', name: 'db' }, replacement: { name: 'db-1' } });
    const agent = mine(base, 'agent-')[0]!;
    const d = del(base, agent.metadata.name);
    const agents = mine(d.cluster, 'agent-');
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual(['n1', 'n2']);
    expect(agents.map((p) => p.metadata.name)).not.toContain(agent.metadata.name);
    expect(d.notes?.[0]).toMatchObject({ kind: 'pod-recreated', controller: { kind: 'DaemonSet', name: 'agent' } });
  });

  it("a complete Job's pod is not made again; a bare pod is just gone", () => {
    const job = mine(base, 'once-')[0]!;
    const r = del(base, job.metadata.name);
    expect(mine(r.cluster, 'once-')).toEqual([]);
    expect(r.notes).toEqual([{ kind: 'pod-not-recreated', controller: { kind: 'Job', name: 'once' }, deleted: { namespace: 'default', name: job.metadata.name }, reason: 'job-complete' }]);
    expect(kubectl(r.cluster, 'get job once').split('\n')[1]).toBe('once   Complete   1/1                      5d2h');
    const withBare = ok(addObjects(base, [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }]));
    const gone = del(withBare, 'solo');
    expect(mine(gone.cluster, 'solo')).toEqual([]);
    expect(gone.notes).toBeUndefined();
  });

  it('deleting a workload takes its pods, and says which', () => {
    const r = deleteObject(base, { kind: 'StatefulSet', namespace: 'default', name: 'db' });
    if (!r.ok) throw new Error('refused');
    expect(mine(r.cluster, 'db-')).toEqual([]);
    expect(r.cluster.workloads!.map((w) => w.kind)).toEqual(['DaemonSet', 'Job']);
    expect(r.notes).toEqual([{ kind: 'pods-deleted', owner: { kind: 'StatefulSet', name: 'db' }, pods: [{ namespace: 'default', name: 'db-0' }, { namespace: 'default', name: 'db-1' }] }]);
    const ds = deleteObject(base, { kind: 'DaemonSet', namespace: 'default', name: 'agent' });
    expect(ds.ok && mine(ds.cluster, 'agent-')).toEqual([]);
    const dep = deleteObject(base, { kind: 'Deployment', namespace: 'default', name: 'web' });
    expect(dep.ok && mine(dep.cluster, 'web-')).toEqual([]);
    expect(deleteObject(base, { kind: 'Job', namespace: 'default', name: 'nope' })).toEqual({ ok: false, errors: [{ message: 'jobs.batch "nope" not found' }] });
  });
});
