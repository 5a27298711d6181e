import { describe, expect, it } from 'vitest';
import { CLIENT_POD_IP, CLUSTER_IP, INTERNET_CLIENT, N2, WEB_NODE_PORTS, webCluster } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const browser = { kind: 'client', name: 'browser' } as const;
const route = (t: Trace) => t.hops.map((h) => `${h.from} -> ${h.to} [${h.layer}]`);
const LB_IP = '203.0.113.10';

describe('internet → LB-IP:port', () => {
  const cluster = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS });

  it('on a cloud: the LB picks a node, sends to NodeIP:nodePort, kube-proxy DNATs and masquerades', () => {
    expect(cluster.services[0]!.status.loadBalancer.ingress).toEqual([{ ip: LB_IP, ipMode: 'VIP' }]);
    const t = trace(cluster, { from: browser, to: { host: LB_IP, port: 80 } }, { pick: { 'lb:default/web': 'worker-3', 'default/web:http': 'web-b' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual([
      'client:browser -> lb:default/web [load-balancer]',
      'lb:default/web -> node:worker-3 [node-port]',
      'node:worker-3 -> svc:default/web [node-port]',
      'svc:default/web -> node:worker-2 [pod-network]',
      'node:worker-2 -> pod:default/web-b [pod]',
    ]);
    expect(t.hops.map((h) => h.docsLayer)).toEqual(['LoadBalancer', 'NodePort', 'NodePort', 'ClusterIP', undefined]);
    expect(t.hops[1]!.rewrites[0]).toMatchObject({ by: 'load-balancer', before: { ip: LB_IP, port: 80 }, after: { ip: '10.0.1.12', port: 30080 } });
    expect(t.hops[1]!.packet.src.ip).toBe(INTERNET_CLIENT); // the LB keeps the client's address
    expect(t.reply!.arrives).toMatchObject({ src: { ip: LB_IP, port: 80 }, dst: { ip: INTERNET_CLIENT } });
    expect(t.reply!.reversed.map((r) => r.by)).toEqual(['kube-proxy', 'kube-proxy', 'load-balancer']);
  });

  it('externalTrafficPolicy Local: only nodes passing the healthCheckNodePort get traffic; the client IP is kept', () => {
    const local = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' });
    expect(local.services[0]!.spec.healthCheckNodePort).toBeGreaterThan(0);
    const nodes = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const t = trace(local, { from: browser, to: { host: LB_IP, port: 80 } }, { seed });
      expect(t.outcome).toBe('delivered');
      nodes.add(t.hops[1]!.to);
      expect(t.hops[1]!.explanation.params).toMatchObject({ healthyNodes: 2, readyNodes: 3, failOpen: false });
      expect(t.hops.at(-1)!.packet.src.ip).toBe(INTERNET_CLIENT);
      expect(t.hops.at(-1)!.to.endsWith(t.hops[1]!.to === 'node:worker-1' ? 'web-a' : 'web-b')).toBe(true);
    }
    expect(nodes).toEqual(new Set(['node:worker-1', 'node:worker-2']));
  });

  it('bare metal: the LoadBalancer stays <pending>; there is nowhere to send', () => {
    const bare = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { provider: 'bare-metal' });
    expect(bare.services[0]!.status.loadBalancer.ingress ?? []).toEqual([]);
    const t = trace(bare, { from: browser, to: { host: 'lb:default/web', port: 80 } });
    expect(t).toMatchObject({ outcome: 'no-route', hops: [], reason: { key: 'reason.lb.pending', params: { service: 'default/web', provider: 'bare-metal' } } });
    // Its NodePort still works from the LAN.
    expect(trace(bare, { from: { kind: 'client', name: 'laptop' }, to: { host: N2, port: 30080 } }).outcome).toBe('delivered');
  });

  it('loadBalancerSourceRanges: a client outside the ranges is dropped at the load balancer', () => {
    const ranged = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, loadBalancerSourceRanges: ['192.0.2.0/24'] });
    const t = trace(ranged, { from: browser, to: { host: LB_IP, port: 80 } });
    expect(t).toMatchObject({ outcome: 'dropped', reason: { key: 'reason.lb.sourceRange', params: { clientIP: INTERNET_CLIENT, ranges: ['192.0.2.0/24'] } } });
    expect(route(t)).toEqual(['client:browser -> lb:default/web [load-balancer]']);
  });

  it('a port the LB does not listen on: dropped at the LB', () => {
    const t = trace(cluster, { from: browser, to: { host: LB_IP, port: 8080 } });
    expect(t).toMatchObject({ outcome: 'dropped', reason: { key: 'reason.lb.noListener', params: { ports: ['80/TCP'] } } });
  });

  it('a pod asking the LB IP is short-circuited by kube-proxy on its own node (ipMode VIP)', () => {
    const t = trace(cluster, { from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { host: LB_IP, port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]).toMatchObject({ from: 'pod:default/client', to: 'svc:default/web', layer: 'load-balancer', node: 'worker-1' });
    expect(t.hops[0]!.explanation.params.via).toBe('load-balancer-ip');
    expect(t.hops[0]!.packet.src.ip).toBe(CLIENT_POD_IP);
  });
});

describe('internet → ClusterIP:port', () => {
  it('no route: the ClusterIP exists only in the nodes\' rules', () => {
    const cluster = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS });
    for (const from of [browser, { kind: 'client', name: 'laptop' } as const]) {
      const t = trace(cluster, { from, to: { host: CLUSTER_IP, port: 80 } });
      expect(t).toMatchObject({ outcome: 'no-route', hops: [], reason: { key: 'reason.route.clusterIPFromOutside', params: { ip: CLUSTER_IP, service: 'default/web' } } });
    }
  });
});
