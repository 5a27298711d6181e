/**
 * Random clusters and requests for the trace's property tests (test helper, not used by the app):
 * up to three nodes, pods of two apps with or without ready containers and named ports, Services
 * of every type with both traffic policies and session affinity, and requests from every kind of
 * source to what the cluster exposes (plus some wrong ports).
 */
import fc from 'fast-check';
import { nodeExternalIP, nodeInternalIP, type Cluster } from '../cluster';
import { cluster as builder } from '../testing/clusterBuilder';
import type { TraceRequest, TraceSource } from './types';

const APPS = ['a', 'b'] as const;

const podArb = fc.record({
  app: fc.constantFrom(...APPS),
  node: fc.nat(2),
  ready: fc.boolean(),
  ports: fc.subarray([{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]),
});

const serviceArb = fc.record({
  kind: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'headless', 'ExternalName'),
  app: fc.option(fc.constantFrom(...APPS), { nil: undefined }),
  targetPort: fc.constantFrom<string | number>('http', 'metrics', 8080, 9090),
  etp: fc.constantFrom('Cluster', 'Local'),
  itp: fc.constantFrom('Cluster', 'Local'),
  affinity: fc.boolean(),
});

export const clusterArb = fc.record({
  nodes: fc.integer({ min: 1, max: 3 }),
  provider: fc.constantFrom('cloud', 'bare-metal'),
  nodesPublic: fc.boolean(),
  pods: fc.array(podArb, { maxLength: 5 }),
  services: fc.array(serviceArb, { minLength: 1, maxLength: 3 }),
}).map((spec) => {
  const b = builder().withSettings({
    provider: spec.provider, nodesPublic: spec.nodesPublic,
    clients: [{ name: 'net', location: 'internet' }, { name: 'lan', location: 'lan' }],
  });
  for (let i = 0; i < spec.nodes; i++) b.node(`n${i}`);
  spec.pods.forEach((p, i) => b.pod(`p${i}`, { app: p.app }, { node: `n${p.node % spec.nodes}`, ready: p.ready, ports: p.ports }));
  spec.services.forEach((s, i) => {
    const ports = [{ name: 'http', port: 80, targetPort: s.targetPort }];
    if (s.kind === 'ExternalName') {
      b.service(`s${i}`, { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: [] });
      return;
    }
    const spec2: Record<string, unknown> = { ports, selector: s.app ? { app: s.app } : undefined, internalTrafficPolicy: s.itp };
    if (s.affinity) spec2.sessionAffinity = 'ClientIP';
    if (s.kind === 'headless') spec2.clusterIP = 'None';
    else spec2.type = s.kind;
    if (s.kind === 'NodePort' || s.kind === 'LoadBalancer') spec2.externalTrafficPolicy = s.etp;
    b.service(`s${i}`, spec2);
  });
  return b.result();
}).filter((r) => r.errors.length === 0).map((r) => r.cluster);

/** A source and a destination drawn from what the cluster holds (plus some wrong ports). */
export function requestArb(cluster: Cluster): fc.Arbitrary<TraceRequest> {
  const sources: TraceSource[] = [
    { kind: 'client', name: 'net' }, { kind: 'client', name: 'lan' },
    ...cluster.pods.map((p) => ({ kind: 'pod' as const, namespace: p.metadata.namespace, name: p.metadata.name })),
    ...cluster.nodes.map((n) => ({ kind: 'node' as const, name: n.metadata.name })),
  ];
  const hosts: { host: string; port: number }[] = [{ host: '8.8.8.8', port: 53 }];
  for (const svc of cluster.services) {
    hosts.push({ host: svc.metadata.name, port: 80 }, { host: `${svc.metadata.name}.default`, port: 80 }, { host: `lb:default/${svc.metadata.name}`, port: 80 });
    const ip = svc.spec.clusterIP;
    for (const p of svc.spec.ports) {
      if (ip && ip !== 'None') hosts.push({ host: ip, port: p.port }, { host: ip, port: p.nodePort ?? 31000 });
      for (const ing of svc.status.loadBalancer.ingress ?? []) if (ing.ip) hosts.push({ host: ing.ip, port: p.port });
      for (const node of cluster.nodes) {
        for (const nip of [nodeInternalIP(node), nodeExternalIP(node)]) {
          if (nip) hosts.push({ host: nip, port: p.nodePort ?? 30000 }, { host: nip, port: p.port }, { host: nip, port: svc.spec.healthCheckNodePort ?? 30001 });
        }
      }
    }
  }
  for (const pod of cluster.pods) if (pod.status.podIP) hosts.push({ host: pod.status.podIP, port: 8080 });
  return fc.record({
    from: fc.constantFrom(...sources),
    to: fc.constantFrom(...hosts),
    protocol: fc.constantFrom('TCP', 'TCP', 'UDP'),
  }).map(({ from, to, protocol }) => ({ from, to: { ...to, protocol: protocol as 'TCP' | 'UDP' } }));
}

export const scenarioArb = clusterArb.chain((cluster) => fc.tuple(fc.constant(cluster), requestArb(cluster), fc.nat(1000)));
