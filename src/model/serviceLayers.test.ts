import { describe, expect, it } from 'vitest';
import { ingressLayers, layersAtHop, serviceLayers } from './serviceLayers';
import { baseCluster } from './trace/testClusters';

const HTTP = [{ name: 'http', port: 80, targetPort: 8080 }];
function svc(spec: Record<string, unknown>) {
  return baseCluster().service('s', { ports: HTTP, ...spec }).build().services.find((s) => s.metadata.name === 's')!;
}

describe('serviceLayers', () => {
  it('a ClusterIP Service has no NodePort around it', () => {
    expect(serviceLayers(svc({}))).toEqual({ layers: ['ClusterIP'], bypassed: [] });
  });

  it('NodePort adds its nodePort around the ClusterIP', () => {
    expect(serviceLayers(svc({ type: 'NodePort' })).layers).toEqual(['NodePort', 'ClusterIP']);
  });

  it('LoadBalancer nests all three when nodePorts are allocated (the default)', () => {
    expect(serviceLayers(svc({ type: 'LoadBalancer' })).layers).toEqual(['LoadBalancer', 'NodePort', 'ClusterIP']);
  });

  it('allocateLoadBalancerNodePorts: false leaves the NodePort layer out', () => {
    expect(serviceLayers(svc({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }))).toEqual({
      layers: ['LoadBalancer', 'ClusterIP'], bypassed: [], missing: 'no-node-ports',
    });
  });

  it('a load balancer with pod targets bypasses the nodePorts it still has', () => {
    expect(serviceLayers(svc({ type: 'LoadBalancer' }), 'Pod')).toEqual({ layers: ['LoadBalancer', 'NodePort', 'ClusterIP'], bypassed: ['NodePort'] });
    expect(serviceLayers(svc({ type: 'LoadBalancer' }), 'VIP').bypassed).toEqual([]);
  });

  it('headless has no proxy layer; ExternalName is only a DNS alias', () => {
    expect(serviceLayers(svc({ clusterIP: 'None' }))).toEqual({ layers: [], bypassed: [], missing: 'headless' });
    expect(serviceLayers(svc({ type: 'ExternalName', externalName: 'db.example.com', ports: [] }))).toEqual({ layers: ['ExternalName'], bypassed: [], missing: 'external-name' });
  });

  it('an Ingress sits over its backend Service, whose layers the controller skips', () => {
    expect(ingressLayers(svc({}))).toEqual({ layers: ['Ingress', 'ClusterIP'], bypassed: ['ClusterIP'] });
    expect(ingressLayers(svc({ type: 'NodePort' })).layers).toEqual(['Ingress', 'NodePort', 'ClusterIP']);
    expect(ingressLayers(undefined)).toEqual({ layers: ['Ingress'], bypassed: [] });
  });
});

describe('layersAtHop', () => {
  it('the default LoadBalancer trace draws all three layers; a ClusterIP call draws one', async () => {
    const { defaultScenario } = await import('./scenarios/defaultScenario');
    const { trace } = await import('./trace/trace');
    const cluster = defaultScenario();
    const t = trace(cluster, { from: { kind: 'client', name: 'client' }, to: { host: 'lb:default/web', port: 80 } });
    expect(t.hops.map((_, i) => layersAtHop(cluster, t, i)?.layers)).toEqual(t.hops.map(() => ['LoadBalancer', 'NodePort', 'ClusterIP']));
    const pod = cluster.pods[0]!;
    const web = cluster.services.find((s) => s.metadata.name === 'web')!;
    const inside = trace(cluster, { from: { kind: 'pod', namespace: 'default', name: pod.metadata.name }, to: { host: web.spec.clusterIP!, port: 80 } });
    // Still the LoadBalancer Service: its rules handle the ClusterIP too, and it has all three layers.
    expect(layersAtHop(cluster, inside, 0)?.layers).toEqual(['LoadBalancer', 'NodePort', 'ClusterIP']);
  });

  it('a ClusterIP Service\'s hops draw only the ClusterIP; no Service, no layers', () => {
    const cluster = baseCluster().service('web', { clusterIP: '10.96.0.50', ports: HTTP }).build();
    const fromPod = { kind: 'pod', namespace: 'default', name: 'client' } as const;
    return import('./trace/trace').then(({ trace }) => {
      const t = trace(cluster, { from: fromPod, to: { host: '10.96.0.50', port: 80 } });
      expect(t.outcome).toBe('delivered');
      expect(t.hops.map((_, i) => layersAtHop(cluster, t, i)?.layers)).toEqual(t.hops.map(() => ['ClusterIP']));
      const direct = trace(cluster, { from: fromPod, to: { host: '10.244.1.2', port: 8080 } });
      expect(direct.hops.map((_, i) => layersAtHop(cluster, direct, i))).toEqual(direct.hops.map(() => undefined));
    });
  });
});

describe('layersAtHop on an Ingress trace', () => {
  it('the controller\'s LoadBalancer layers on the way in, then the Ingress over its backend ClusterIP Service', async () => {
    const { loadScenario } = await import('./scenarios/loadScenario');
    const { trace } = await import('./trace/trace');
    const loaded = await loadScenario('ingress');
    if ('error' in loaded) throw new Error(loaded.error);
    const t = trace(loaded.cluster, loaded.request);
    expect(t.outcome).toBe('delivered');
    const first = t.hops.findIndex((h) => h.docsLayer === 'Ingress');
    expect(first).toBeGreaterThan(0);
    expect(layersAtHop(loaded.cluster, t, 0)?.layers).toEqual(['LoadBalancer', 'NodePort', 'ClusterIP']);
    expect(layersAtHop(loaded.cluster, t, first)).toEqual({ layers: ['Ingress', 'ClusterIP'], bypassed: ['ClusterIP'] });
    expect(layersAtHop(loaded.cluster, t, t.hops.length - 1)?.layers).toEqual(['Ingress', 'ClusterIP']);
  });
});
