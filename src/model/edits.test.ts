import { describe, expect, it } from 'vitest';
import { addObjects, deleteObject, dropTypeDependentFields, reschedulePod, uniqueName, updatePod, updateService, updateSettings } from './edits';
import { defaultScenario } from './scenarios/defaultScenario';
import { inCidr } from './ip';
import { endpointsFor } from './endpoints';
import type { Cluster, Service } from './cluster';

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
