/** Property tests: random valid clusters survive toManifests → parseManifests; allocation never repeats. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cluster } from '../cluster';
import { nodeExternalIP, nodeInternalIP } from '../cluster';
import { inCidr } from '../ip';
import { clusterFromObjects } from './fromObjects';
import { parseManifests } from './parse';
import { toManifests } from './toManifests';

const serviceArb = (i: number) => fc.record({
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless'),
  app: fc.constantFrom('a', 'b'),
  ports: fc.uniqueArray(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 3 }),
  nodePort: fc.option(fc.integer({ min: 30000, max: 30100 }), { nil: undefined }),
  etp: fc.constantFrom('Cluster', 'Local'),
}).map(({ type, app, ports, nodePort, etp }) => {
  const external = type === 'NodePort' || type === 'LoadBalancer';
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace: i % 3 === 2 ? 'prod' : 'default' },
    spec: type === 'ExternalName'
      ? { type, externalName: `db${i}.example.com` }
      : {
        type: type === 'Headless' ? 'ClusterIP' : type,
        ...(type === 'Headless' ? { clusterIP: 'None' } : {}),
        selector: { app },
        ports: ports.map((port, j) => ({ name: `p${j}`, port, targetPort: j === 0 ? 'http' : port, ...(external && j === 0 && nodePort ? { nodePort } : {}) })),
        ...(external ? { externalTrafficPolicy: etp } : {}),
      },
  };
});

const clusterArb = fc.record({
  provider: fc.constantFrom('cloud', 'bare-metal'),
  nodesPublic: fc.boolean(),
  nodes: fc.integer({ min: 0, max: 4 }),
  pods: fc.array(fc.record({ app: fc.constantFrom('a', 'b'), node: fc.option(fc.nat(4), { nil: undefined }), ready: fc.boolean() }), { maxLength: 8 }),
  services: fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(i)))),
  replicas: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  clients: fc.array(fc.constantFrom('internet', 'lan'), { maxLength: 2 }),
}).map(({ provider, nodesPublic, nodes, pods, services, replicas, clients }) => [
  { apiVersion: 'explainer.dev/v1alpha1', kind: 'ClusterSettings', metadata: { name: 'cluster' },
    spec: { provider, nodesPublic, clients: clients.map((location, i) => ({ name: `c${i}`, location })) } },
  ...Array.from({ length: nodes }, (_, i) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}` } })),
  ...pods.map((p, i) => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, labels: { app: p.app } },
    spec: { ...(p.node !== undefined && p.node < nodes ? { nodeName: `n${p.node}` } : {}), containers: [{ name: 'c', image: 'i', ports: [{ name: 'http', containerPort: 8080 }] }] },
    ...(p.ready ? {} : { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } }),
  })),
  ...(replicas ? [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas, selector: { matchLabels: { app: 'a' } },
    template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] } } } }] : []),
  ...services,
]);

function allocatedValues(c: Cluster) {
  const clusterIPs = c.services.map((s) => s.spec.clusterIP).filter((ip): ip is string => !!ip && ip !== 'None');
  const nodePorts = c.services.flatMap((s) => [...new Set(s.spec.ports.map((p) => p.nodePort).filter((p): p is number => !!p)), ...(s.spec.healthCheckNodePort ? [s.spec.healthCheckNodePort] : [])]);
  const podIPs = c.pods.map((p) => p.status.podIP).filter((ip): ip is string => !!ip);
  const nodeIPs = c.nodes.flatMap((n) => [nodeInternalIP(n), nodeExternalIP(n)]).filter((ip): ip is string => !!ip);
  const lbIPs = c.services.flatMap((s) => (s.status.loadBalancer.ingress ?? []).map((i) => i.ip!));
  const podCIDRs = c.nodes.map((n) => n.spec.podCIDR!);
  return { clusterIPs, nodePorts, podIPs, nodeIPs, lbIPs, podCIDRs };
}

describe('manifests round trip', () => {
  it('toManifests → parseManifests gives back an equal cluster', () => {
    fc.assert(fc.property(clusterArb, (objects) => {
      const first = clusterFromObjects(objects).cluster;
      const again = parseManifests(toManifests(first));
      expect(again.errors).toEqual([]);
      expect(again.cluster).toEqual(first);
    }), { numRuns: 150 });
  }, 60_000); // 150 YAML round trips: seconds on a shared, loaded machine

  it('allocation never hands out the same address or port twice, and stays in range', () => {
    fc.assert(fc.property(clusterArb, (objects) => {
      const c = clusterFromObjects(objects).cluster;
      const v = allocatedValues(c);
      for (const list of Object.values(v) as unknown[][]) expect(new Set(list).size).toBe(list.length);
      // dnsServiceIP belongs to cluster DNS alone.
      expect(c.services.filter((s) => s.spec.clusterIP === c.settings.dnsServiceIP).map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['kube-system/kube-dns']);
      for (const ip of v.clusterIPs) expect(inCidr(ip, c.settings.serviceCIDR)).toBe(true);
      for (const p of v.nodePorts) expect(p >= 30000 && p <= 32767).toBe(true);
      for (const pod of c.pods) {
        if (!pod.status.podIP) continue;
        const node = c.nodes.find((n) => n.metadata.name === pod.spec.nodeName)!;
        expect(inCidr(pod.status.podIP, node.spec.podCIDR!)).toBe(true);
      }
      if (c.settings.provider === 'bare-metal') expect(v.lbIPs).toEqual([]);
    }), { numRuns: 200 });
  });

  it('is deterministic: the same manifests give the same cluster', () => {
    fc.assert(fc.property(clusterArb, (objects) => {
      expect(clusterFromObjects(structuredClone(objects)).cluster).toEqual(clusterFromObjects(objects).cluster);
    }), { numRuns: 50 });
  });
});
