/**
 * IngressClass decides which Ingresses the ingress-nginx controller handles: spec.ingressClassName
 * naming a class of controller k8s.io/ingress-nginx, the cluster's default class for an Ingress
 * without one, the deprecated annotation; anything else is ignored and the request gets the
 * controller's 404, which names the Ingress it ignored and why. With no IngressClass at all in the
 * cluster, ingress-nginx's own `nginx` is assumed (as the default class) and the hop says so.
 * IngressClasses are read from `cluster.kept`, where the manifest reader keeps kinds it does not draw.
 * The wording of these facts is tested in src/panels/assumptionWording.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { classVerdict, ingressClasses } from './ingressClass';
import { ingressClassCluster as cluster, ingressClassObject as ingressClass, ingressObject as ingress } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const browser = { kind: 'client', name: 'browser' } as const;
const get = (c: Cluster, host: string): Trace => trace(c, { from: browser, to: { host: 'lb:ingress-nginx/ingress-nginx-controller', port: 80, httpHost: host } });
const routeHop = (t: Trace) => t.hops.find((h) => h.explanation.key === 'hop.ingress.route');

const NGINX = ingressClass('nginx', 'k8s.io/ingress-nginx');
const NGINX_DEFAULT = ingressClass('nginx', 'k8s.io/ingress-nginx', true);
const TRAEFIK = ingressClass('traefik', 'traefik.io/ingress-controller');

describe('no IngressClass in the cluster (today\'s scenarios): ingress-nginx\'s own nginx is assumed, as the default', () => {
  it('an Ingress without a class and one of class nginx are handled; the hop says the class was assumed', () => {
    const c = cluster([ingress('shop', {}), ingress('blog', { ingressClassName: 'nginx' })]);
    expect(ingressClasses(c)).toEqual([]);
    const shop = get(c, 'shop.example.com');
    expect(shop.outcome).toBe('delivered');
    expect(routeHop(shop)!.explanation.params).toMatchObject({ ingress: 'default/shop', ingressClass: 'nginx', classSource: 'default', classAssumed: true });
    const blog = get(c, 'blog.example.com');
    expect(blog.outcome).toBe('delivered');
    expect(routeHop(blog)!.explanation.params).toMatchObject({ ingressClass: 'nginx', classSource: 'spec', classAssumed: true });
  });

  it('an Ingress of another class is ignored: the controller\'s 404 names it and why', () => {
    const c = cluster([ingress('shop', { ingressClassName: 'traefik' })]);
    const t = get(c, 'shop.example.com');
    expect(t).toMatchObject({
      outcome: 'http-error',
      reason: { key: 'reason.ingress.notFound', params: { status: 404, ignored: 'default/shop', ignoredClass: 'traefik', ignoredWhy: 'noSuchClass', classAssumed: true } },
    });
    expect(t.hops.at(-1)!.to).toBe('pod:ingress-nginx/ingress-nginx-controller');
  });

  it('a host no Ingress names is the plain 404, with no ignored Ingress', () => {
    const t = get(cluster([ingress('shop', {})]), 'other.example.com');
    expect(t.reason).toEqual({ key: 'reason.ingress.notFound', params: { host: 'other.example.com', path: '/', controller: 'ingress-nginx/ingress-nginx-controller', status: 404 } });
  });
});

describe('IngressClass objects in the cluster', () => {
  it('ingressClassName naming a class of k8s.io/ingress-nginx: handled, and the hop names the class', () => {
    const c = cluster([ingress('shop', { ingressClassName: 'nginx' })], [NGINX]);
    expect(ingressClasses(c)).toEqual([{ name: 'nginx', controller: 'k8s.io/ingress-nginx', isDefault: false }]);
    const t = get(c, 'shop.example.com');
    expect(t.outcome).toBe('delivered');
    expect(routeHop(t)!.explanation.params).toMatchObject({ ingressClass: 'nginx', classSource: 'spec', classAssumed: false });
  });

  it('no class and no default IngressClass: ingress-nginx (--watch-ingress-without-class=false) ignores it', () => {
    const t = get(cluster([ingress('shop', {})], [NGINX]), 'shop.example.com');
    expect(t).toMatchObject({ outcome: 'http-error', reason: { params: { ignored: 'default/shop', ignoredWhy: 'noClass', classAssumed: false } } });
    expect(t.reason!.params.ignoredClass).toBeUndefined();
  });

  it('no class, nginx annotated is-default-class: "true": the Ingress takes the default class', () => {
    const t = get(cluster([ingress('shop', {})], [NGINX_DEFAULT, TRAEFIK]), 'shop.example.com');
    expect(t.outcome).toBe('delivered');
    expect(routeHop(t)!.explanation.params).toMatchObject({ ingressClass: 'nginx', classSource: 'default', classAssumed: false });
  });

  it('the default class belongs to another controller: an Ingress without a class is that controller\'s, not ingress-nginx\'s', () => {
    const t = get(cluster([ingress('shop', {})], [NGINX, ingressClass('traefik', 'traefik.io/ingress-controller', true)]), 'shop.example.com');
    expect(t.reason!.params).toMatchObject({ ignored: 'default/shop', ignoredClass: 'traefik', ignoredWhy: 'otherController', ignoredController: 'traefik.io/ingress-controller' });
  });

  it('a class of another controller: ignored, and the 404 names that controller', () => {
    const t = get(cluster([ingress('shop', { ingressClassName: 'traefik' })], [NGINX, TRAEFIK]), 'shop.example.com');
    expect(t).toMatchObject({
      outcome: 'http-error',
      reason: { key: 'reason.ingress.notFound', params: { ignored: 'default/shop', ignoredClass: 'traefik', ignoredWhy: 'otherController', ignoredController: 'traefik.io/ingress-controller', classAssumed: false } },
    });
  });

  it('a class name with no IngressClass object: ignored (noSuchClass)', () => {
    const t = get(cluster([ingress('shop', { ingressClassName: 'internal' })], [NGINX]), 'shop.example.com');
    expect(t.reason!.params).toMatchObject({ ignored: 'default/shop', ignoredClass: 'internal', ignoredWhy: 'noSuchClass', classAssumed: false });
  });

  it('the deprecated kubernetes.io/ingress.class annotation: nginx is honoured, another value ignored', () => {
    const c = cluster([
      ingress('shop', {}, { 'kubernetes.io/ingress.class': 'nginx' }),
      ingress('blog', {}, { 'kubernetes.io/ingress.class': 'traefik' }),
    ], [NGINX_DEFAULT]);
    const shop = get(c, 'shop.example.com');
    expect(shop.outcome).toBe('delivered');
    expect(routeHop(shop)!.explanation.params).toMatchObject({ ingressClass: 'nginx', classSource: 'annotation' });
    // The admission plugin leaves an Ingress with the annotation alone: the default class does not apply.
    expect(get(c, 'blog.example.com').reason!.params).toMatchObject({ ignored: 'default/blog', ignoredClass: 'traefik', ignoredWhy: 'annotationOther' });
  });

  it('a handled Ingress for the same host wins over an ignored one', () => {
    const mine = ingress('shop', { ingressClassName: 'nginx' });
    const theirs = { ...ingress('shop', { ingressClassName: 'traefik' }), metadata: { name: 'shop-traefik', namespace: 'default' } };
    const t = get(cluster([theirs, mine], [NGINX, TRAEFIK]), 'shop.example.com');
    expect(t.outcome).toBe('delivered');
    expect(routeHop(t)!.explanation.params.ingress).toBe('default/shop');
  });

  it('several default classes: the newest is the one the API server gives', () => {
    const older = { ...ingressClass('old', 'traefik.io/ingress-controller', true), metadata: { name: 'old', creationTimestamp: '2024-01-01T00:00:00Z', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } };
    const newer = { ...ingressClass('nginx', 'k8s.io/ingress-nginx', true), metadata: { name: 'nginx', creationTimestamp: '2025-01-01T00:00:00Z', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } };
    const c = cluster([ingress('shop', {})], [older, newer]);
    expect(classVerdict(ingressClasses(c), c.ingresses[0]!)).toEqual({ handled: true, className: 'nginx', source: 'default', assumed: false });
  });

  it('kept objects of other kinds or API versions are not IngressClasses', () => {
    const c = cluster([ingress('shop', {})], [{ ...NGINX, apiVersion: 'networking.k8s.io/v1beta1' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx' } }]);
    expect(ingressClasses(c)).toEqual([]);
    expect(get(c, 'shop.example.com').outcome).toBe('delivered');
  });
});

describe('the controller routes HTTP only on its HTTP ports', () => {
  it('a pod → the admission webhook Service → the controller\'s 8443 is delivered there, not routed by Ingress', () => {
    const c = cluster([]);
    const t = trace(c, { from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { host: 'ingress-nginx-controller-admission.ingress-nginx', port: 443 } });
    expect(t.outcome).toBe('delivered');
    expect(t.endpoint).toMatchObject({ podName: 'ingress-nginx-controller', port: 8443 });
    expect(t.hops.some((h) => h.layer === 'ingress')).toBe(false);
  });
});
