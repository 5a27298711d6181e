import { describe, expect, it } from 'vitest';
import type { Ingress } from '../cluster';
import { matchIngress } from './ingressMatch';
import { INTERNET_CLIENT, baseCluster } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const browser = { kind: 'client', name: 'browser' } as const;
const route = (t: Trace) => t.hops.map((h) => `${h.from} -> ${h.to} [${h.layer}]`);
const CONTROLLER_LABELS = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };

function ingress(name: string, spec: Ingress['spec']): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default' }, spec };
}

/** ingress-nginx's controller pod on worker-3 behind its LoadBalancer Service; `shop` routes /api and /. */
function ingressCluster() {
  return baseCluster()
    .pod('ingress-nginx-controller', CONTROLLER_LABELS, {
      node: 'worker-3', podIP: '10.244.2.2', ready: true, namespace: 'default',
      ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }],
    })
    .pod('api-1', { app: 'api' }, { node: 'worker-2', podIP: '10.244.1.3', ready: true })
    .service('ingress-nginx-controller', {
      type: 'LoadBalancer', selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 31080 }],
    })
    .service('web', { clusterIP: '10.96.0.50' })
    .service('api', { clusterIP: '10.96.0.51' })
    .object(ingress('shop', {
      ingressClassName: 'nginx',
      rules: [{
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
          ],
        },
      }],
    }))
    .build();
}

describe('Ingress', () => {
  const cluster = ingressCluster();
  const lbIP = cluster.services.find((s) => s.metadata.name === 'ingress-nginx-controller')!.status.loadBalancer.ingress![0]!.ip!;

  it('internet → controller LB → controller pod → host/path rule → a backend endpoint', () => {
    const t = trace(cluster, { from: browser, to: { host: 'shop.example.com', port: 80, path: '/api/orders' } }, { pick: { 'lb:default/ingress-nginx-controller': 'worker-3' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual([
      'client:browser -> lb:default/ingress-nginx-controller [load-balancer]',
      'lb:default/ingress-nginx-controller -> node:worker-3 [node-port]',
      'node:worker-3 -> svc:default/ingress-nginx-controller [node-port]',
      'svc:default/ingress-nginx-controller -> pod:default/ingress-nginx-controller [pod]',
      'pod:default/ingress-nginx-controller -> ingress:default/shop [ingress]',
      'ingress:default/shop -> pod:default/api-1 [ingress]',
    ]);
    expect(t.hops[0]!.packet.dst).toEqual({ ip: lbIP, port: 80 });
    expect(t.hops[4]!.explanation).toMatchObject({ key: 'hop.ingress.route', params: { host: 'shop.example.com', rule: '/api', pathType: 'Prefix', service: 'default/api' } });
    // nginx opens its own connection to the pod IP (not the ClusterIP).
    expect(t.hops[5]!.packet).toMatchObject({ src: { ip: '10.244.2.2' }, dst: { ip: '10.244.1.3', port: 8080 } });
    expect(t.service).toMatchObject({ name: 'api', port: 80 });
    expect(t.reply!.explanation.key).toBe('reply.ingress');
    // The verdict names the backend pod that answered, not the controller.
    expect(t.endpoint).toEqual({ podNamespace: 'default', podName: 'api-1', ip: '10.244.1.3', port: 8080 });
    expect(t.reply!.explanation.params).toMatchObject({ pod: 'default/api-1', backend: '10.244.1.3:8080', controller: 'default/ingress-nginx-controller', server: '10.244.2.2:80' });
    expect(t.reply!.arrives).toMatchObject({ src: { ip: lbIP, port: 80 }, dst: { ip: INTERNET_CLIENT } });
  });

  it('the longest matching prefix wins; "/" catches the rest', () => {
    const t = trace(cluster, { from: browser, to: { host: 'shop.example.com', port: 80, path: '/apiary' } });
    expect(t.outcome).toBe('delivered');
    expect(t.service).toMatchObject({ name: 'web' });
  });

  it('an unmatched host gets the controller\'s default backend: 404, an HTTP answer, not a refusal', () => {
    const t = trace(cluster, { from: browser, to: { host: lbIP, port: 80, httpHost: 'other.example.com' } });
    expect(t.outcome).toBe('http-error');
    expect(t.hops.at(-1)!.to).toBe('pod:default/ingress-nginx-controller');
    expect(t.reason).toMatchObject({ key: 'reason.ingress.notFound', params: { host: 'other.example.com', status: 404 } });
  });

  it('an Ingress defaultBackend takes unmatched requests', () => {
    const withDefault = baseCluster()
      .pod('ctl', CONTROLLER_LABELS, { node: 'worker-3', podIP: '10.244.2.2', ready: true, ports: [{ name: 'http', containerPort: 80 }] })
      .service('ctl', { type: 'LoadBalancer', selector: { 'app.kubernetes.io/name': 'ingress-nginx' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] })
      .service('web', {})
      .object(ingress('catch-all', { defaultBackend: { service: { name: 'web', port: { number: 80 } } } }))
      .build();
    const ip = withDefault.services[0]!.status.loadBalancer.ingress![0]!.ip!;
    const t = trace(withDefault, { from: browser, to: { host: ip, port: 80, path: '/anything' } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops.find((h) => h.layer === 'ingress')!.explanation.params.pathType).toBe('DefaultBackend');
  });
});

describe('matchIngress', () => {
  const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
  const ing = (rules: Ingress['spec']['rules']): Ingress => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec: { rules }, status: { loadBalancer: {} },
  });

  it('Prefix matches whole path elements; Exact beats Prefix at equal length', () => {
    const i = ing([{ host: 'foo.bar.com', http: { paths: [
      { path: '/foo', pathType: 'Prefix', backend: backend('prefix') },
      { path: '/foo', pathType: 'Exact', backend: backend('exact') },
    ] } }]);
    expect(matchIngress([i], 'foo.bar.com', '/foo')!.backend.service!.name).toBe('exact');
    expect(matchIngress([i], 'foo.bar.com', '/foo/')!.backend.service!.name).toBe('prefix');
    expect(matchIngress([i], 'foo.bar.com', '/foobar')).toBeUndefined();
  });

  it('a wildcard host matches exactly one label; an exact host wins over it', () => {
    const i = ing([
      { host: '*.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] } },
      { host: 'bar.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('exact') }] } },
    ]);
    expect(matchIngress([i], 'bar.foo.com', '/')!.backend.service!.name).toBe('exact');
    expect(matchIngress([i], 'baz.foo.com', '/')!.backend.service!.name).toBe('wild');
    expect(matchIngress([i], 'baz.bar.foo.com', '/')).toBeUndefined();
    expect(matchIngress([i], 'foo.com', '/')).toBeUndefined();
  });
});
