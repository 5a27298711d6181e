import { describe, expect, it } from 'vitest';
import { clusterFromObjects } from '../model/manifests/fromObjects';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { toFlow } from './toFlow';
import { SIZE } from './layoutMetrics';
import type { EndpointEdge } from './flowTypes';

type Json = Record<string, unknown>;
const slice = (name: string, service: string | undefined, endpoints: Json[], namespace = 'shop', port = 8080): Json => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name, namespace, labels: service ? { 'kubernetes.io/service-name': service } : {} },
  endpoints, ports: [{ name: 'http', port, protocol: 'TCP' }],
});
const ep = (ip: string, node: string | undefined, pod: string | undefined, conditions: Json = { ready: true, serving: true, terminating: false }): Json => ({
  addresses: [ip], conditions, ...(node ? { nodeName: node } : {}), ...(pod ? { targetRef: { kind: 'Pod', name: pod, namespace: 'shop', uid: 'x' } } : {}),
});
const dump = (...items: Json[]) => {
  const r = clusterFromObjects([{ apiVersion: 'v1', kind: 'List', items }]);
  expect(r.errors).toEqual([]);
  return r.cluster;
};

const slicesOnly = () => dump(
  slice('cart-abcde', 'cart', [
    ep('10.244.1.4', 'worker-a', 'cart-1'),
    ep('10.244.2.4', 'worker-b', 'cart-2', { ready: false, serving: false, terminating: false }),
    ep('10.244.2.5', 'worker-b', 'cart-3', { ready: false, serving: true, terminating: true }),
  ]),
  slice('external-db-1', 'external-db', [ep('10.30.5.20', undefined, undefined)], 'shop', 5432),
);

describe('toFlow: EndpointSlices with no pods behind them', () => {
  it('draws each endpoint on the node its slice names, and those of no node outside any node', () => {
    const { nodes } = toFlow(slicesOnly(), {});
    const cards = nodes.filter((n) => n.type === 'endpointAddress');
    expect(cards.map((c) => [c.id, c.parentId])).toEqual([
      ['endpoint:shop/cart/10.244.1.4', 'node:worker-a'],
      ['endpoint:shop/cart/10.244.2.4', 'node:worker-b'],
      ['endpoint:shop/cart/10.244.2.5', 'node:worker-b'],
      ['endpoint:shop/external-db/10.30.5.20', 'offnode'],
    ]);
    // Stacked inside their holder, which is tall enough for them.
    const b = nodes.find((n) => n.id === 'node:worker-b')!;
    const onB = cards.filter((c) => c.parentId === 'node:worker-b');
    expect(onB[1]!.position.y).toBe(onB[0]!.position.y + SIZE.endpoint.height + SIZE.worker.podGap);
    expect(onB[1]!.position.y + SIZE.endpoint.height).toBeLessThanOrEqual(b.height!);
    const off = nodes.find((n) => n.id === 'offnode')!;
    expect(off).toMatchObject({ type: 'offNode', parentId: 'cluster', data: { count: 1 } });
    // Parents come before their children.
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const c of cards) expect(index.get(c.parentId!)!).toBeLessThan(index.get(c.id)!);
    // Workers say whether they hold endpoints (no "no pods scheduled here" over them).
    expect(b.data).toMatchObject({ podCount: 0, endpointCount: 2 });
  });

  it('says each endpoint\'s conditions in words', () => {
    const { nodes } = toFlow(slicesOnly(), {});
    const label = (id: string) => nodes.find((n) => n.id === id)!.ariaLabel;
    expect(label('endpoint:shop/cart/10.244.1.4')).toBe('Endpoint 10.244.1.4 of cart, ready (ready: yes, serving: yes, terminating: no), pod cart-1');
    expect(label('endpoint:shop/cart/10.244.2.4')).toBe('Endpoint 10.244.2.4 of cart, not ready (ready: no, serving: no, terminating: no), pod cart-2');
    expect(label('endpoint:shop/cart/10.244.2.5')).toBe('Endpoint 10.244.2.5 of cart, terminating (ready: no, serving: yes, terminating: yes), pod cart-3');
    expect(label('endpoint:shop/external-db/10.30.5.20')).toBe('Endpoint 10.30.5.20 of external-db, ready (ready: yes, serving: yes, terminating: no)');
  });

  it('gives a Service only its slices name a ghost card in the band, with edges to its endpoints', () => {
    const { nodes, edges } = toFlow(slicesOnly(), {});
    const ghosts = nodes.filter((n) => n.type === 'sliceService');
    expect(ghosts.map((g) => [g.id, g.parentId, g.ariaLabel])).toEqual([
      ['slices:shop/cart', 'cluster', 'Service cart, not in the manifests: only its EndpointSlices are'],
      ['slices:shop/external-db', 'cluster', 'Service external-db, not in the manifests: only its EndpointSlices are'],
    ]);
    const workersTop = Math.min(...nodes.filter((n) => n.type === 'worker').map((n) => n.position.y));
    for (const g of ghosts) expect(g.position.y + g.height!).toBeLessThan(workersTop);
    expect(edges.map((e) => [e.source, e.target, (e as EndpointEdge).data?.status, (e as EndpointEdge).data?.reason])).toEqual([
      ['slices:shop/cart', 'endpoint:shop/cart/10.244.1.4', 'ready', undefined],
      ['slices:shop/cart', 'endpoint:shop/cart/10.244.2.4', 'not-ready', 'not ready: no traffic'],
      ['slices:shop/cart', 'endpoint:shop/cart/10.244.2.5', 'not-ready', 'terminating: no new traffic'],
      ['slices:shop/external-db', 'endpoint:shop/external-db/10.30.5.20', 'ready', undefined],
    ]);
    expect(edges[0]!.ariaLabel).toBe('cart sends to 10.244.1.4 at 10.244.1.4:8080/TCP');
    // Endpoint edges keep to the gutters, like those to pods.
    for (const e of edges) expect((e as EndpointEdge).data?.route).toBeDefined();
  });

  it('draws edges from a Service the cluster holds to its external endpoints, and no ghost for it', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'external-db', namespace: 'shop' }, spec: { ports: [{ name: 'http', port: 5432 }] } };
    const cluster = dump(service, slice('external-db-1', 'external-db', [ep('10.30.5.20', undefined, undefined)], 'shop', 5432));
    const { nodes, edges } = toFlow(cluster, {});
    expect(nodes.filter((n) => n.type === 'sliceService')).toEqual([]);
    expect(edges.filter((e) => e.target.startsWith('endpoint:')).map((e) => [e.source, e.target])).toEqual([['svc:shop/external-db', 'endpoint:shop/external-db/10.30.5.20']]);
  });

  it('draws no card for an endpoint whose pod the cluster holds', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'cart-1', namespace: 'shop' }, spec: { nodeName: 'worker-a', containers: [{ name: 'c', image: 'i' }] }, status: { podIP: '10.244.0.4', phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    const cluster = dump(pod, slice('cart-abcde', 'cart', [ep('10.244.0.4', 'worker-a', 'cart-1')]));
    const { nodes } = toFlow(cluster, {});
    expect(nodes.filter((n) => n.type === 'endpointAddress' || n.type === 'sliceService' || n.type === 'offNode')).toEqual([]);
  });

  it('folds kube-system slices away with the rest of kube-system', () => {
    const cluster = dump(slice('kube-dns-x', 'kube-dns', [ep('10.244.0.3', 'worker-a', 'coredns-1')], 'kube-system', 53));
    expect(toFlow(cluster, {}).nodes.filter((n) => n.type === 'endpointAddress')).toEqual([]);
    expect(toFlow(cluster, {}, null, { showSystem: true }).nodes.filter((n) => n.type === 'endpointAddress').map((n) => n.id)).toEqual(['endpoint:kube-system/kube-dns/10.244.0.3']);
  });

  it('draws a slice without the service-name label as endpoints with no Service and no edge', () => {
    const { nodes, edges } = toFlow(dump(slice('loose', undefined, [ep('10.30.0.9', undefined, undefined)])), {});
    expect(nodes.filter((n) => n.type === 'endpointAddress').map((n) => n.id)).toEqual(['endpoint:shop//10.30.0.9']);
    expect(nodes.filter((n) => n.type === 'sliceService')).toEqual([]);
    expect(edges).toEqual([]);
  });

  it('leaves a cluster without such endpoints as it was drawn', () => {
    const { nodes } = toFlow(defaultScenario(), {});
    expect(nodes.filter((n) => n.type === 'endpointAddress' || n.type === 'sliceService' || n.type === 'offNode')).toEqual([]);
    for (const n of nodes.filter((x) => x.type === 'worker')) expect(n.data).not.toHaveProperty('endpointCount');
  });
});

describe('the kube-system fold and slice endpoints', () => {
  it('counts kube-system endpoint cards in the fold, drawn or not', () => {
    const cluster = dump(slice('kube-dns-x', 'kube-dns', [ep('10.244.0.3', 'worker-a', 'coredns-1')], 'kube-system', 53));
    const box = (showSystem: boolean) => toFlow(cluster, {}, null, { showSystem }).nodes[0]!.data;
    expect(box(false)).toMatchObject({ system: { endpoints: 1, shown: false } });
    expect(box(true)).toMatchObject({ system: { endpoints: 1, shown: true } });
    expect(toFlow(defaultScenario(), {}).nodes[0]!.data).not.toHaveProperty('system.endpoints');
  });
});
