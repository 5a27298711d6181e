/**
 * Real manifests from well-known public projects (fixtures/real/, each naming its source, commit
 * and licence), taken verbatim: they parse without errors, every long-running workload has its
 * pods Running on Nodes, and requests through them are traced to the pod that answers — from
 * outside through the LoadBalancer or NodePort the manifests declare, and from a pod to a Service
 * by its DNS name. The manifests carry no Node objects (the dump's pods name theirs): the
 * controllers and the scheduler are expected to place the pods, as a fresh cluster would.
 */
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { nodeInternalIP, type Cluster, type Pod } from '../cluster';
import { trace } from '../trace/trace';
import type { Trace, TraceRequest } from '../trace/types';
import { parseManifests } from './parse';

const TEXTS = import.meta.glob('./fixtures/real/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
function read(file: string): string {
  const text = TEXTS[`./fixtures/real/${file}`];
  if (text === undefined) throw new Error(`no fixture ${file}`);
  return text;
}

type Obj = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string }; spec?: Record<string, unknown> };

/** The objects of the text, Lists unwrapped (read here directly, not through the model). */
function objects(text: string): Obj[] {
  const out: Obj[] = [];
  for (const doc of loadAll(text) as Obj[]) {
    if (!doc || typeof doc !== 'object') continue;
    if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray((doc as { items?: unknown }).items)) {
      out.push(...((doc as { items: Obj[] }).items));
    } else out.push(doc);
  }
  return out;
}

/** Controllers whose pods run until deleted (Jobs' pods run to completion, so they are left out). */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

const INTERNET = { kind: 'host', ip: '198.51.100.7', location: 'internet' } as const;
const LAN = { kind: 'host', ip: '10.0.1.200', location: 'lan' } as const;

function podsOf(cluster: Cluster, namespace: string, matchLabels: Record<string, string>): Pod[] {
  return cluster.pods.filter((p) => p.metadata.namespace === namespace
    && Object.entries(matchLabels).every(([k, v]) => p.metadata.labels?.[k] === v));
}

function podWith(cluster: Cluster, namespace: string, labels: Record<string, string>): Pod {
  const pod = podsOf(cluster, namespace, labels).find((p) => p.status.phase === 'Running');
  expect(pod, `a Running pod in ${namespace} with ${JSON.stringify(labels)}`).toBeDefined();
  return pod!;
}

const fromPod = (pod: Pod): TraceRequest['from'] => ({ kind: 'pod', namespace: pod.metadata.namespace, name: pod.metadata.name });

/** The last hop's element and the outcome, with the reason when it failed (for a readable diff). */
function summary(t: Trace): { outcome: string; at: string | undefined; reason?: string } {
  return { outcome: t.outcome, at: t.hops.at(-1)?.to, ...(t.reason ? { reason: t.reason.key } : {}) };
}

function expectDeliveredTo(t: Trace, pods: Pod[], port: number): void {
  expect(summary(t)).toMatchObject({ outcome: 'delivered' });
  const names = pods.map((p) => `pod:${p.metadata.namespace}/${p.metadata.name}`);
  expect(names).toContain(t.hops.at(-1)!.to);
  expect(t.endpoint?.port).toBe(port);
}

/** A node's InternalIP, for NodePort requests. */
function someNodeIP(cluster: Cluster): string {
  const ip = cluster.nodes.map(nodeInternalIP).find((a) => a !== undefined);
  expect(ip, 'a Node with an InternalIP').toBeDefined();
  return ip!;
}

const FIXTURES = [
  'microservices-demo.yaml',
  'ingress-nginx-cloud.yaml',
  'guestbook-all-in-one.yaml',
  'website-statefulset-web.yaml',
  'kubectl-get-pods-list.yaml',
  'website-daemonset.yaml',
];

it('every fixture in fixtures/real is tested', () => {
  expect(Object.keys(TEXTS).map((k) => k.replace('./fixtures/real/', '')).sort()).toEqual([...FIXTURES].sort());
});

describe.each(FIXTURES)('%s', (file) => {
  const text = read(file);
  const result = parseManifests(text);
  const { cluster } = result;
  const given = objects(text);

  it('is reasonably small and names its source and licence', () => {
    expect(text.length).toBeLessThan(200_000);
    expect(text).toMatch(/^# Source: https:\/\/github\.com\//);
    expect(text).toMatch(/# Licence: /);
  });

  it('parses without errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('every long-running workload has its pods Running on Nodes of the cluster', () => {
    const nodes = new Set(cluster.nodes.map((n) => n.metadata.name));
    const workloads = given.filter((o) => LONG_RUNNING.has(o.kind ?? ''));
    for (const w of workloads) {
      const namespace = w.metadata?.namespace ?? 'default';
      const spec = w.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
      const pods = podsOf(cluster, namespace, spec.selector?.matchLabels ?? {});
      const id = `${w.kind} ${namespace}/${w.metadata?.name}`;
      const expected = w.kind === 'DaemonSet' ? Math.max(1, nodes.size) : (spec.replicas ?? 1);
      expect(pods.length, `${id}: pods`).toBeGreaterThanOrEqual(expected);
      if (w.kind === 'DaemonSet') {
        // One pod on every Ready node (the model has no taints; the DaemonSet controller tolerates unschedulable).
        const ready = cluster.nodes.filter((n) => n.status.ready).map((n) => n.metadata.name);
        expect([...new Set(pods.map((p) => p.spec.nodeName))].sort(), `${id}: one pod per Ready node`).toEqual(expect.arrayContaining(ready));
      }
      for (const pod of pods) {
        expect({ id, pod: pod.metadata.name, phase: pod.status.phase }).toEqual({ id, pod: pod.metadata.name, phase: 'Running' });
        expect(nodes.has(pod.spec.nodeName ?? ''), `${id}: pod ${pod.metadata.name} on a Node of the cluster (${pod.spec.nodeName})`).toBe(true);
        expect(pod.status.podIP, `${id}: pod ${pod.metadata.name} has an IP`).toBeDefined();
      }
    }
    // Pods given as such (a `kubectl get pods` dump) are kept Running on their nodes too.
    for (const p of given.filter((o) => o.kind === 'Pod')) {
      const pod = cluster.pods.find((q) => q.metadata.name === p.metadata?.name && q.metadata.namespace === (p.metadata?.namespace ?? 'default'));
      expect(pod?.status.phase, `Pod ${p.metadata?.name}`).toBe('Running');
      expect(nodes.has(pod?.spec.nodeName ?? ''), `Pod ${p.metadata?.name} on a Node`).toBe(true);
    }
    // The cluster DNS add-on runs as well (every pod-to-Service-name request goes through it).
    expect(podsOf(cluster, 'kube-system', { 'k8s-app': 'kube-dns' }).every((p) => p.status.phase === 'Running')).toBe(true);
  });
});

describe('requests through real manifests', () => {
  it('microservices-demo: internet → the frontend-external LoadBalancer → a frontend pod on 8080', () => {
    const { cluster } = parseManifests(read('microservices-demo.yaml'));
    const t = trace(cluster, { from: INTERNET, to: { host: 'lb:default/frontend-external', port: 80 } });
    expect(t.hops[0]).toMatchObject({ to: 'lb:default/frontend-external', layer: 'load-balancer' });
    expectDeliveredTo(t, podsOf(cluster, 'default', { app: 'frontend' }), 8080);
  });

  it('microservices-demo: frontend pod → productcatalogservice:3550 by its Service name, through cluster DNS', () => {
    const { cluster } = parseManifests(read('microservices-demo.yaml'));
    const frontend = podWith(cluster, 'default', { app: 'frontend' });
    const t = trace(cluster, { from: fromPod(frontend), to: { host: 'productcatalogservice', port: 3550 } });
    expect(t.hops[0]).toMatchObject({ layer: 'dns' });
    expectDeliveredTo(t, podsOf(cluster, 'default', { app: 'productcatalogservice' }), 3550);
    // and cartservice → redis-cart:6379
    const cart = podWith(cluster, 'default', { app: 'cartservice' });
    const redis = trace(cluster, { from: fromPod(cart), to: { host: 'redis-cart.default.svc.cluster.local', port: 6379 } });
    expectDeliveredTo(redis, podsOf(cluster, 'default', { app: 'redis-cart' }), 6379);
  });

  it('ingress-nginx: internet → the controller LoadBalancer → the controller pod, whose default backend answers 404 (no Ingress yet)', () => {
    const { cluster } = parseManifests(read('ingress-nginx-cloud.yaml'));
    const controllers = podsOf(cluster, 'ingress-nginx', { 'app.kubernetes.io/component': 'controller' });
    const t = trace(cluster, { from: INTERNET, to: { host: 'lb:ingress-nginx/ingress-nginx-controller', port: 80 } });
    expect(t.hops[0]).toMatchObject({ to: 'lb:ingress-nginx/ingress-nginx-controller', layer: 'load-balancer' });
    expect(controllers.map((p) => `pod:ingress-nginx/${p.metadata.name}`)).toContain(t.hops.at(-1)!.to);
    expect(t).toMatchObject({ outcome: 'http-error', reason: { key: 'reason.ingress.notFound', params: { status: 404 } } });
  });

  it('ingress-nginx: controller pod → the admission webhook Service by DNS name → the controller on 8443', () => {
    const { cluster } = parseManifests(read('ingress-nginx-cloud.yaml'));
    const controllers = podsOf(cluster, 'ingress-nginx', { 'app.kubernetes.io/component': 'controller' });
    const t = trace(cluster, { from: fromPod(podWith(cluster, 'ingress-nginx', { 'app.kubernetes.io/component': 'controller' })), to: { host: 'ingress-nginx-controller-admission.ingress-nginx.svc', port: 443 } });
    expect(t.hops[0]).toMatchObject({ layer: 'dns' });
    expectDeliveredTo(t, controllers, 8443);
  });

  it('guestbook: a LAN host → NodeIP:nodePort of frontend → a frontend pod on 80', () => {
    const { cluster } = parseManifests(read('guestbook-all-in-one.yaml'));
    const frontend = cluster.services.find((s) => s.metadata.name === 'frontend')!;
    expect(frontend.spec.type).toBe('NodePort');
    const nodePort = frontend.spec.ports[0]!.nodePort!;
    // A private node subnet (the default) is reached from the nodes' LAN, not from the internet.
    const t = trace(cluster, { from: LAN, to: { host: someNodeIP(cluster), port: nodePort } });
    expect(t.hops[0]).toMatchObject({ layer: 'node-port' });
    expectDeliveredTo(t, podsOf(cluster, 'default', { app: 'guestbook', tier: 'frontend' }), 80);
  });

  it('guestbook: frontend pod → redis-master:6379 and redis-replica:6379 by name', () => {
    const { cluster } = parseManifests(read('guestbook-all-in-one.yaml'));
    const frontend = podWith(cluster, 'default', { app: 'guestbook', tier: 'frontend' });
    const master = trace(cluster, { from: fromPod(frontend), to: { host: 'redis-master', port: 6379 } });
    expectDeliveredTo(master, podsOf(cluster, 'default', { app: 'redis', role: 'master' }), 6379);
    const replica = trace(cluster, { from: fromPod(frontend), to: { host: 'redis-replica', port: 6379 } });
    expectDeliveredTo(replica, podsOf(cluster, 'default', { app: 'redis', role: 'replica' }), 6379);
  });

  it('website web.yaml: the StatefulSet makes web-0 and web-1; web-1 → nginx:80 (headless) and → web-0.nginx:80 (its own name)', () => {
    const { cluster } = parseManifests(read('website-statefulset-web.yaml'));
    const web = podsOf(cluster, 'default', { app: 'nginx' });
    expect(web.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1']);
    const web1 = web.find((p) => p.metadata.name === 'web-1')!;
    const headless = trace(cluster, { from: fromPod(web1), to: { host: 'nginx', port: 80 } });
    expect(headless.hops[0]).toMatchObject({ layer: 'dns' });
    expectDeliveredTo(headless, web, 80);
    const own = trace(cluster, { from: fromPod(web1), to: { host: 'web-0.nginx.default.svc.cluster.local', port: 80 } });
    expectDeliveredTo(own, web.filter((p) => p.metadata.name === 'web-0'), 80);
  });

  it('website daemonset.yaml: a fluentd pod (no Service of its own) → kube-dns.kube-system:53/UDP by name → a CoreDNS pod', () => {
    const { cluster } = parseManifests(read('website-daemonset.yaml'));
    const fluentd = podWith(cluster, 'kube-system', { name: 'fluentd-elasticsearch' });
    const t = trace(cluster, { from: fromPod(fluentd), to: { host: 'kube-dns.kube-system', port: 53, protocol: 'UDP' } });
    expectDeliveredTo(t, podsOf(cluster, 'kube-system', { 'k8s-app': 'kube-dns' }), 53);
  });

  it('kubectl get pods dump: pod t1 → kube-dns.kube-system:53/UDP by name → a CoreDNS pod', () => {
    const { cluster } = parseManifests(read('kubectl-get-pods-list.yaml'));
    const t1 = cluster.pods.find((p) => p.metadata.name === 't1')!;
    const t = trace(cluster, { from: fromPod(t1), to: { host: 'kube-dns.kube-system', port: 53, protocol: 'UDP' } });
    expectDeliveredTo(t, podsOf(cluster, 'kube-system', { 'k8s-app': 'kube-dns' }), 53);
  });
});
