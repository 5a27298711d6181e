/**
 * A port assumed rather than declared. Kubernetes does not require containers[].ports, and a
 * numeric targetPort reaches the pod whatever is declared. A pod that declares no port at all is
 * taken to listen on the port it is sent to (the hop that reaches it says `portAssumed: true`); a pod
 * that declares ports listens on those only, and anything else is refused as before.
 * Test cluster (testClusters.ts): web-a 10.244.0.3 on worker-1, web-b 10.244.1.2 on worker-2, the
 * client pod 10.244.0.2 on worker-1.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_POD_IP, CLUSTER_IP, baseCluster, ingressClassCluster, ingressObject } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const fromClient = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const browser = { kind: 'client', name: 'browser' } as const;
const last = (t: Trace) => t.hops[t.hops.length - 1]!;

/** `bare` pods (app: bare) declaring no ports, on worker-1 (10.244.0.5) and worker-2 (10.244.1.5), behind `bare` → targetPort 9090. */
function bareCluster(spec: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  return baseCluster(settings)
    .pod('bare-a', { app: 'bare' }, { node: 'worker-1', podIP: '10.244.0.5', ready: true, ports: [] })
    .pod('bare-b', { app: 'bare' }, { node: 'worker-2', podIP: '10.244.1.5', ready: true, ports: [] })
    .service('bare', { clusterIP: '10.96.0.60', ports: [{ name: 'http', port: 80, targetPort: 9090 }], ...spec })
    .build();
}

describe('a pod that declares no container port', () => {
  it('across nodes: delivered on the targetPort, and hop.pod.deliver says the port was assumed', () => {
    const t = trace(bareCluster(), { from: fromClient, to: { host: '10.96.0.60', port: 80 } }, { pick: { 'default/bare:http': 'bare-b' } });
    expect(t.outcome).toBe('delivered');
    expect(t.endpoint).toMatchObject({ podName: 'bare-b', port: 9090 });
    expect(last(t).explanation).toMatchObject({ key: 'hop.pod.deliver', params: { pod: 'default/bare-b', port: 9090, portAssumed: true } });
    // Only the hop that reaches the pod carries it.
    expect(t.hops.slice(0, -1).some((h) => 'portAssumed' in h.explanation.params)).toBe(false);
  });

  it('on the same node: the DNAT hop reaches the pod, and says so', () => {
    const t = trace(bareCluster(), { from: fromClient, to: { host: '10.96.0.60', port: 80 } }, { pick: { 'default/bare:http': 'bare-a' } });
    expect(t.outcome).toBe('delivered');
    expect(last(t).explanation).toMatchObject({ key: 'hop.service.dnat', params: { pod: 'default/bare-a', portAssumed: true } });
  });

  it('straight to the pod IP on any port, UDP too', () => {
    const tcp = trace(bareCluster(), { from: fromClient, to: { host: '10.244.1.5', port: 5432 } });
    expect(tcp.outcome).toBe('delivered');
    expect(last(tcp).explanation.params).toMatchObject({ port: 5432, portAssumed: true });
    const udp = trace(bareCluster(), { from: fromClient, to: { host: '10.244.1.5', port: 514, protocol: 'UDP' } });
    expect(udp.outcome).toBe('delivered');
  });

  it('load-balancer Pod targets: hop.lb.toPod says so', () => {
    const c = bareCluster({ type: 'LoadBalancer' }, { loadBalancerTargets: 'Pod' });
    const t = trace(c, { from: browser, to: { host: 'lb:default/bare', port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(last(t).explanation).toMatchObject({ key: 'hop.lb.toPod', params: { portAssumed: true } });
  });

  it('an ingress backend: hop.ingress.proxy says so', () => {
    const c = ingressClassCluster([ingressObject('shop', {})]);
    const withBare = {
      ...c,
      pods: c.pods.map((p) => (p.metadata.labels?.app === 'web' ? { ...p, spec: { ...p.spec, containers: p.spec.containers.map((k) => ({ name: k.name, image: k.image })) } } : p)),
    };
    // web's targetPort is the name "http", which a pod without ports lacks: use a numeric one.
    const numeric = { ...withBare, services: withBare.services.map((s) => (s.metadata.name === 'web' ? { ...s, spec: { ...s.spec, ports: [{ ...s.spec.ports[0]!, targetPort: 8080 }] } } : s)) };
    const t = trace(numeric, { from: browser, to: { host: 'lb:ingress-nginx/ingress-nginx-controller', port: 80, httpHost: 'shop.example.com' } });
    expect(t.outcome).toBe('delivered');
    expect(last(t).explanation).toMatchObject({ key: 'hop.ingress.proxy', params: { portAssumed: true } });
  });

  it('a named targetPort still needs a container port of that name: no endpoint, refused by kube-proxy', () => {
    const t = trace(bareCluster({ ports: [{ name: 'http', port: 80, targetPort: 'http' }] }), { from: fromClient, to: { host: '10.96.0.60', port: 80 } });
    expect(t).toMatchObject({ outcome: 'refused', reason: { key: 'reason.kubeProxy.noEndpoints' } });
  });
});

describe('a pod that declares ports', () => {
  it('is delivered on a declared port without any assumption', () => {
    const t = trace(baseCluster().service('web', { clusterIP: CLUSTER_IP }).build(), { from: fromClient, to: { host: CLUSTER_IP, port: 80 } }, { pick: { 'default/web:http': 'web-b' } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops.some((h) => 'portAssumed' in h.explanation.params)).toBe(false);
  });

  it('refuses a port it does not declare, as before', () => {
    const t = trace(baseCluster().build(), { from: fromClient, to: { host: '10.244.1.2', port: 9090 } });
    expect(t).toMatchObject({ outcome: 'refused', reason: { key: 'reason.pod.notListening', params: { pod: 'default/web-b', port: 9090, containerPorts: ['8080/TCP'] } } });
    expect(CLIENT_POD_IP).toBe(t.hops[0]!.packet.src.ip);
  });
});
