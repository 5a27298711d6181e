import { describe, expect, it } from 'vitest';
import { isHeadless } from '../cluster';
import { endpointsFor } from '../endpoints';
import { parseManifests } from '../manifests/parse';
import { destinationsFor } from '../requestOptions';
import { trace } from '../trace/trace';
import type { Trace, TraceRequest } from '../trace/types';
import { DEFAULT_SCENARIO_ID, SCENARIOS, scenarioById } from './catalog';
import { defaultScenario } from './defaultScenario';
import { loadScenario } from './loadScenario';

type Loaded = { cluster: ReturnType<typeof defaultScenario>; request: TraceRequest };

async function load(id: string): Promise<Loaded> {
  const result = await loadScenario(id);
  if ('error' in result) throw new Error(result.error);
  return result;
}

async function run(id: string, request?: TraceRequest): Promise<Trace> {
  const { cluster, request: suggested } = await load(id);
  return trace(cluster, request ?? suggested);
}

const keys = (t: Trace) => t.hops.map((h) => h.explanation.key);

describe('scenario catalog', () => {
  it('has eleven scenarios with unique ids, a title and a one-line purpose each', () => {
    expect(SCENARIOS).toHaveLength(11);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(11);
    for (const s of SCENARIOS) {
      expect(s.title.length, s.id).toBeGreaterThan(0);
      expect(s.purpose, s.id).not.toContain('\n');
      expect(s.purpose.length, s.id).toBeLessThanOrEqual(120);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s parses with no errors and no warnings', async (_id, entry) => {
    const { errors, warnings } = parseManifests(await entry.load());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  // The picker lists no per-pod names of a headless Service (db-0.db); it shows that one as typed.
  const listed = SCENARIOS.filter((s) => s.id !== 'headless');
  it.each(listed.map((s) => [s.id, s] as const))('%s: the suggested request is one the request picker lists', async (id) => {
    const { cluster, request } = await load(id);
    const options = destinationsFor(cluster, request.from);
    expect(options.map((o) => JSON.stringify(o.to))).toContain(JSON.stringify(request.to));
  });

  it('the default scenario is the first screen, the same cluster as its manifest file', async () => {
    const { cluster } = await load(DEFAULT_SCENARIO_ID);
    expect(cluster).toEqual(defaultScenario());
  });

  it('unknown ids and broken manifests come back as errors, not exceptions', async () => {
    expect(await loadScenario('nope')).toMatchObject({ error: expect.stringContaining('nope') });
    const entry = { ...scenarioById('clusterip')!, load: () => Promise.resolve('kind: Service\napiVersion: v1\nmetadata: {name: x}\nspec: {ports: [{port: 99999}]}') };
    const { loadEntry } = await import('./loadScenario');
    const result = await loadEntry(entry);
    expect(result).toMatchObject({ error: expect.stringContaining('do not parse') });
  });
});

describe('each suggested request gives the outcome its scenario is about', () => {
  it('ClusterIP: a frontend pod reaches an api pod through DNS and kube-proxy on its own node', async () => {
    const t = await run('clusterip');
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.layer).toBe('dns');
    expect(t.endpoint?.podName).toMatch(/^api-/);
    expect(t.endpoint?.port).toBe(8080);
    const dnat = t.hops.flatMap((h) => h.rewrites).find((r) => r.kind === 'DNAT');
    expect(dnat?.node).toBe('worker-1');
  });

  it('NodePort: worker-3 has no web pod but serves the nodePort by forwarding to another node', async () => {
    const { cluster, request } = await load('nodeport');
    // Only cluster DNS (a CoreDNS pod in kube-system) may run there.
    expect(cluster.pods.some((p) => p.spec.nodeName === 'worker-3' && p.metadata.namespace !== 'kube-system')).toBe(false);
    const t = trace(cluster, request);
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.to).toBe('node:worker-3');
    expect(t.endpoint?.podName).toMatch(/^web-/);
    // The same port on the ClusterIP is no address at all.
    const clusterIP = cluster.services[0]!.spec.clusterIP!;
    expect(trace(cluster, { ...request, to: { host: clusterIP, port: 30080 } }).outcome).not.toBe('delivered');
  });

  it('LoadBalancer on a cloud: internet → load balancer → nodePort → pod', async () => {
    const t = await run('loadbalancer-cloud');
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.layer).toBe('load-balancer');
    expect(t.hops.at(-1)!.layer).toBe('pod');
  });

  it('LoadBalancer on bare metal: the address stays pending, the nodePort still works', async () => {
    const { cluster, request } = await load('loadbalancer-bare-metal');
    expect(cluster.services[0]!.status.loadBalancer.ingress ?? []).toEqual([]);
    const t = trace(cluster, request);
    expect(t.outcome).not.toBe('delivered');
    expect(t.reason?.key).toBe('reason.lb.pending');
    const nodePort = cluster.services[0]!.spec.ports[0]!.nodePort!;
    expect(trace(cluster, { ...request, to: { host: '192.168.10.10', port: nodePort } }).outcome).toBe('delivered');
  });

  it('ExternalName: a CNAME from cluster DNS, then straight out to the database; no proxy, only the node\'s masquerade', async () => {
    const t = await run('externalname');
    expect(t.outcome).toBe('delivered');
    expect(keys(t).slice(0, 2)).toEqual(['hop.dns.query', 'hop.dns.cname']);
    expect(t.hops.at(-1)!.to).toBe('external:orders.c7kq2m9xz4pd.eu-west-1.rds.amazonaws.com');
    // Only the DNS query is DNATed (to a CoreDNS pod); the connection to the database is only masqueraded by the node.
    expect(t.hops.filter((h) => h.layer !== 'dns').flatMap((h) => h.rewrites).map((r) => r.by)).toEqual(['node-masquerade']);
  });

  it('headless: db-0.db answers db-0’s own IP and the client connects to it with no DNAT', async () => {
    const { cluster, request } = await load('headless');
    const db = cluster.services.find((s) => s.metadata.name === 'db')!;
    expect(isHeadless(db)).toBe(true);
    const t = trace(cluster, request);
    expect(t.outcome).toBe('delivered');
    const db0 = cluster.pods.find((p) => p.metadata.name === 'db-0')!;
    expect(t.hops[0]!.dns!.answers).toEqual([{ type: 'A', value: db0.status.podIP }]);
    expect(t.endpoint).toMatchObject({ podName: 'db-0', port: 5432 });
    // kube-proxy DNATs only the DNS query (to a CoreDNS pod), never the connection to db-0.
    expect(t.hops.filter((h) => h.layer !== 'dns').every((h) => h.rewrites.every((r) => r.by !== 'kube-proxy'))).toBe(true);
  });

  it('Ingress: one load balancer, the controller routes each host to its own Service', async () => {
    const { cluster, request } = await load('ingress');
    const blog = trace(cluster, request);
    expect(blog.outcome).toBe('delivered');
    expect(keys(blog)).toContain('hop.ingress.route');
    expect(blog.endpoint?.podName).toMatch(/^blog-/);
    const shop = trace(cluster, { ...request, to: { ...request.to, host: 'shop.example.com', httpHost: 'shop.example.com' } });
    expect(shop.outcome).toBe('delivered');
    expect(shop.endpoint?.podName).toMatch(/^shop-/);
    expect(shop.hops[0]!.packet.dst.ip).toBe(blog.hops[0]!.packet.dst.ip);
  });

  it('externalTrafficPolicy: same client, same node without a pod — Local drops, Cluster delivers', async () => {
    const { cluster, request } = await load('traffic-policy');
    expect(cluster.pods.some((p) => p.spec.nodeName === 'worker-3' && p.metadata.namespace !== 'kube-system')).toBe(false);
    const local = trace(cluster, request);
    expect(local.outcome).toBe('dropped');
    expect(local.reason?.key).toBe('reason.kubeProxy.noLocalEndpoints');
    const viaCluster = trace(cluster, { ...request, to: { ...request.to, port: 30080 } });
    expect(viaCluster.outcome).toBe('delivered');
    expect(viaCluster.hops[0]!.to).toBe(local.hops[0]!.to);
    // Cluster policy masquerades: the pod sees worker-3, not the laptop.
    expect(viaCluster.hops.flatMap((h) => h.rewrites).some((r) => r.masquerade)).toBe(true);
  });

  it('no endpoints: the selector’s typo leaves the Service empty and kube-proxy rejects', async () => {
    const { cluster, request } = await load('no-endpoints');
    const payments = cluster.services.find((s) => s.metadata.name === 'payments')!;
    expect(endpointsFor(cluster, payments).ports.flatMap((p) => p.endpoints)).toEqual([]);
    const t = trace(cluster, request);
    expect(t.outcome).toBe('refused');
    expect(t.reason?.key).toBe('reason.kubeProxy.noEndpoints');
    expect(t.reason?.details?.map((d) => d.key)).toContain('detail.endpoint.labelMismatch');
    const mismatch = t.reason?.details?.find((d) => d.key === 'detail.endpoint.labelMismatch' && String(d.params.pod).startsWith('payments-'));
    expect(mismatch?.params).toMatchObject({ key: 'app', expected: 'payment', actual: 'payments' });
  });

  it('connection refused: DNAT to port 80 of a pod that listens on 8080, refused at the pod', async () => {
    const t = await run('connection-refused');
    expect(t.outcome).toBe('refused');
    expect(t.reason?.key).toBe('reason.pod.notListening');
    expect(t.reason?.params).toMatchObject({ port: 80 });
    expect(t.hops.at(-1)!.to).toMatch(/^pod:default\/web-/);
  });

  it('internalTrafficPolicy: Local drops a call from a node with no local endpoint; a node with one is served locally', async () => {
    const { cluster, request } = await load('external-ips');
    const t = trace(cluster, request);
    expect(t.outcome).toBe('dropped');
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.noLocalEndpoints', params: { service: 'default/node-cache', node: 'worker-3', policy: 'internalTrafficPolicy' } });
    const fromW1 = trace(cluster, { ...request, from: { kind: 'pod', namespace: 'default', name: 'reporter-w1' } });
    expect(fromW1.outcome).toBe('delivered');
    expect(fromW1.endpoint).toMatchObject({ podName: 'node-cache-w1', port: 6379 });
  });

  it('externalIPs: the LAN routes 10.0.1.100 to a node, whose kube-proxy rules serve it like the ClusterIP', async () => {
    const { cluster } = await load('external-ips');
    const status = cluster.services.find((s) => s.metadata.name === 'status')!;
    expect(status.spec.externalIPs).toEqual(['10.0.1.100']);
    const t = trace(cluster, { from: { kind: 'client', name: 'laptop' }, to: { host: '10.0.1.100', port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.explanation).toMatchObject({ key: 'hop.externalIP.receive', params: { service: 'default/status', externalIP: '10.0.1.100', port: 80 } });
    expect(t.hops.find((h) => h.explanation.key === 'hop.service.capture')!.explanation.params.via).toBe('external-ip');
    expect(t.endpoint).toMatchObject({ podName: 'status-page', port: 8080 });
  });
});
