/**
 * The words of IngressClass decisions and of an assumed container port, from real traces
 * (the facts themselves are pinned in src/model/trace/ingressClass.test.ts and deliver's tests).
 */
import { describe, expect, it } from 'vitest';
import { baseCluster, ingressClassCluster, ingressClassObject, ingressObject } from '../model/trace/testClusters';
import { trace } from '../model/trace/trace';
import type { Trace } from '../model/trace/types';
import { describeMessage, describeReason } from './traceWording';

const browser = { kind: 'client', name: 'browser' } as const;
const get = (c: ReturnType<typeof ingressClassCluster>, host: string): Trace =>
  trace(c, { from: browser, to: { host: 'lb:ingress-nginx/ingress-nginx-controller', port: 80, httpHost: host } });
const routeWords = (t: Trace): string => describeMessage(t.hops.find((h) => h.explanation.key === 'hop.ingress.route')!.explanation);
const NGINX = ingressClassObject('nginx', 'k8s.io/ingress-nginx');
const TRAEFIK = ingressClassObject('traefik', 'traefik.io/ingress-controller');

describe('IngressClass wording', () => {
  it('with no IngressClass in the cluster the route hop says which class was assumed', () => {
    const t = get(ingressClassCluster([ingressObject('shop', {})]), 'shop.example.com');
    expect(routeWords(t)).toContain('The cluster holds no IngressClass object, so the explainer assumes the one ingress-nginx\'s install creates, nginx (spec.controller k8s.io/ingress-nginx), and takes it as the default class');
  });

  it('names the class the Ingress was handled by, and how it got it', () => {
    const spec = get(ingressClassCluster([ingressObject('shop', { ingressClassName: 'nginx' })], [NGINX]), 'shop.example.com');
    expect(routeWords(spec)).toContain('Its spec.ingressClassName is nginx, an IngressClass whose spec.controller is k8s.io/ingress-nginx, so this controller handles it.');
    const byDefault = get(ingressClassCluster([ingressObject('shop', {})], [ingressClassObject('nginx', 'k8s.io/ingress-nginx', true)]), 'shop.example.com');
    expect(routeWords(byDefault)).toContain('It names no class; nginx is the cluster\'s default IngressClass (annotated ingressclass.kubernetes.io/is-default-class: "true")');
  });

  it('the 404 of an ignored Ingress says which Ingress, why, and what would fix it', () => {
    const other = get(ingressClassCluster([ingressObject('shop', { ingressClassName: 'traefik' })], [NGINX, TRAEFIK]), 'shop.example.com');
    const words = describeReason(other.reason!);
    expect(words.summary).toContain('Ingress default/shop has a rule for host shop.example.com and path /, but ingress controller ingress-nginx/ingress-nginx-controller ignores that Ingress: its class traefik belongs to the controller traefik.io/ingress-controller, not k8s.io/ingress-nginx');
    expect(words.summary).toContain('HTTP 404');
    expect(words.fix).toContain('Send the request to the address of the controller that owns that class');
    const none = describeReason(get(ingressClassCluster([ingressObject('shop', {})], [NGINX]), 'shop.example.com').reason!);
    expect(none.summary).toContain('it names no class and the cluster has no default IngressClass, and ingress-nginx by default takes only Ingresses of its own class (--watch-ingress-without-class=false)');
    expect(none.fix).toContain('Set spec.ingressClassName: nginx');
    const missing = describeReason(get(ingressClassCluster([ingressObject('shop', { ingressClassName: 'internal' })]), 'shop.example.com').reason!);
    expect(missing.summary).toContain('its spec.ingressClassName is internal, and no IngressClass of that name exists (the cluster holds none; the explainer assumes only ingress-nginx\'s own, nginx)');
  });
});

describe('assumed and declared ports', () => {
  const fromClient = { kind: 'pod', namespace: 'default', name: 'client' } as const;

  it('a pod without container ports: the delivery says the explainer assumed the app listens there', () => {
    const c = baseCluster().pod('bare', { app: 'bare' }, { node: 'worker-2', podIP: '10.244.1.5', ready: true, ports: [] }).build();
    const t = trace(c, { from: fromClient, to: { host: '10.244.1.5', port: 5432 } });
    expect(describeMessage(t.hops.at(-1)!.explanation)).toContain('The pod declares no container ports (Kubernetes does not require containerPort, and a numeric targetPort reaches the pod whatever is declared), so the explainer assumes the app listens on 5432');
  });

  it('a declared port list without this port: the refusal says the declared ports are taken as what the app listens on', () => {
    const t = trace(baseCluster().build(), { from: fromClient, to: { host: '10.244.1.2', port: 9090 } });
    const words = describeReason(t.reason!);
    expect(words.summary).toContain('no container there declares 9090/TCP (it declares 8080/TCP). The explainer takes the declared ports as what the app listens on');
    expect(words.fix).toContain('declare it in containers[].ports');
  });
});
