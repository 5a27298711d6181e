import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeExternalIP, nodeInternalIP, type Cluster } from '../cluster';
import { findPort, selectorMatches } from '../endpoints';
import { cluster as builder } from '../testing/clusterBuilder';
import { TRACE_MESSAGES } from './messages';
import { trace } from './trace';
import type { Message, Trace, TraceRequest, TraceSource } from './types';

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

const clusterArb = fc.record({
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
function requestArb(cluster: Cluster): fc.Arbitrary<TraceRequest> {
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
          if (nip) hosts.push({ host: nip, port: p.nodePort ?? 30000 }, { host: nip, port: p.port });
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

const scenarioArb = clusterArb.chain((cluster) => fc.tuple(fc.constant(cluster), requestArb(cluster), fc.nat(1000)));

function messages(t: Trace): Message[] {
  return [
    ...t.hops.map((h) => h.explanation),
    ...(t.reply ? [t.reply.explanation] : []),
    ...(t.reason ? [t.reason, ...(t.reason.details ?? [])] : []),
  ];
}

describe('trace properties', () => {
  it('never throws, always explains a failure, and uses only listed message keys', { timeout: 20000 }, () => {
    fc.assert(fc.property(scenarioArb, ([cluster, request, seed]) => {
      const t = trace(cluster, request, { seed });
      if (t.outcome !== 'delivered') expect(t.reason, JSON.stringify(request)).toBeDefined();
      for (const m of messages(t)) {
        const allowed = TRACE_MESSAGES[m.key as keyof typeof TRACE_MESSAGES] as readonly string[] | undefined;
        expect(allowed, m.key).toBeDefined();
        for (const param of Object.keys(m.params)) expect(allowed, `${m.key}.${param}`).toContain(param);
      }
      expect(trace(cluster, request, { seed })).toEqual(t);
    }), { numRuns: 300 });
  });

  it('every delivery through a Service ends at a ready pod it selects, on the resolved targetPort', () => {
    fc.assert(fc.property(scenarioArb, ([cluster, request, seed]) => {
      const t = trace(cluster, request, { seed });
      if (t.outcome !== 'delivered' || !t.service || !t.endpoint?.podName) return;
      const service = cluster.services.find((s) => s.metadata.name === t.service!.name && s.metadata.namespace === t.service!.namespace)!;
      const pod = cluster.pods.find((p) => p.metadata.name === t.endpoint!.podName && p.metadata.namespace === t.endpoint!.podNamespace)!;
      const port = service.spec.ports.find((p) => (p.name ?? '') === t.service!.portName)!;
      expect(t.hops.at(-1)!.to).toBe(`pod:${pod.metadata.namespace}/${pod.metadata.name}`);
      expect(pod.status.ready).toBe(true);
      expect(selectorMatches(service.spec.selector ?? {}, pod.metadata.labels)).toBe(true);
      expect(t.endpoint!.port).toBe(findPort(pod, port));
      expect(t.endpoint!.ip).toBe(pod.status.podIP);
    }), { numRuns: 300 });
  });
});
