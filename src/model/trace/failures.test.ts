import { describe, expect, it } from 'vitest';
import { CLUSTER_IP, N1, WEB_NODE_PORTS, baseCluster, webCluster } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const fromClient = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const route = (t: Trace) => t.hops.map((h) => `${h.from} -> ${h.to} [${h.layer}]`);

describe('ClusterIP:nodePort (the nodePort on the ClusterIP)', () => {
  it('from a pod: no kube-proxy rule; the packet leaves by the default route and is lost', () => {
    const cluster = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 30080 } });
    expect(t.outcome).toBe('dropped');
    expect(route(t)).toEqual([`pod:default/client -> external:${CLUSTER_IP} [pod-network]`]);
    expect(t.reason).toEqual({
      key: 'reason.clusterIP.noSuchPort',
      params: { ip: CLUSTER_IP, port: 30080, service: 'default/web', ports: ['80/TCP'], nodePort: 30080, node: 'worker-1' },
    });
  });

  it('from the LAN: no route at all', () => {
    const cluster = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });
    expect(trace(cluster, { from: { kind: 'client', name: 'laptop' }, to: { host: CLUSTER_IP, port: 30080 } }).outcome).toBe('no-route');
  });

  it('NodeIP:port from a pod: the node itself answers RST', () => {
    const cluster = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });
    const t = trace(cluster, { from: fromClient, to: { host: '10.0.1.11', port: 80 } });
    expect(t.outcome).toBe('refused');
    expect(route(t)).toEqual(['pod:default/client -> node:worker-2 [pod-network]']);
    expect(t.reason).toMatchObject({ key: 'reason.node.nothingListening', params: { node: 'worker-2', nodePort: 30080 } });
  });
});

describe('no ready endpoints: kube-proxy REJECTs', () => {
  it('a selector that matches no pod: refused, with the label each pod lacks', () => {
    const cluster = baseCluster().service('web', { clusterIP: CLUSTER_IP, selector: { app: 'wbe' } }).build();
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.outcome).toBe('refused');
    expect(route(t)).toEqual(['pod:default/client -> svc:default/web [cluster-ip]']);
    expect(t.reason).toMatchObject({
      key: 'reason.kubeProxy.noEndpoints',
      params: { service: 'default/web', node: 'worker-1', rule: '-A KUBE-SERVICES -m comment --comment "default/web:http has no endpoints" -m tcp -p tcp -d 10.96.0.50 --dport 80 -j REJECT' },
    });
    expect(t.reason!.details).toContainEqual({ key: 'detail.endpoint.labelMismatch', params: { pod: 'web-a', key: 'app', expected: 'wbe', actual: 'web' } });
    expect(t.reason!.details).toHaveLength(3);
  });

  it('pods not ready: refused from the NodePort too, each pod "not ready"', () => {
    const cluster = baseCluster()
      .pod('web-c', { app: 'api' }, { node: 'worker-3', podIP: '10.244.2.2', ready: false })
      .service('api', { type: 'NodePort', clusterIP: '10.96.0.60', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30090 }] })
      .build();
    const t = trace(cluster, { from: { kind: 'client', name: 'laptop' }, to: { host: N1, port: 30090 } });
    expect(t.outcome).toBe('refused');
    expect(t.reason!.params.rule).toBe('-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/api:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30090 -j REJECT');
    expect(t.reason!.details).toContainEqual({ key: 'detail.endpoint.notReady', params: { pod: 'web-c' } });
  });

  it('a named targetPort no pod has: refused, "port name missing" per pod', () => {
    const cluster = baseCluster().service('web', { clusterIP: CLUSTER_IP, ports: [{ name: 'http', port: 80, targetPort: 'metrics' }] }).build();
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.outcome).toBe('refused');
    expect(t.reason!.details).toContainEqual({ key: 'detail.endpoint.portNameMissing', params: { pod: 'web-a', portName: 'metrics', protocol: 'TCP', servicePort: 'http' } });
  });
});

describe('a targetPort no container listens on', () => {
  it('the connection is refused at the pod', () => {
    const cluster = baseCluster().service('web', { clusterIP: CLUSTER_IP, ports: [{ name: 'http', port: 80, targetPort: 9090 }] }).build();
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 80 } }, { pick: { 'default/web:http': 'web-b' } });
    expect(t.outcome).toBe('refused');
    expect(t.hops.at(-1)).toMatchObject({ to: 'pod:default/web-b', packet: { dst: { ip: '10.244.1.2', port: 9090 } } });
    expect(t.reason).toEqual({ key: 'reason.pod.notListening', params: { pod: 'default/web-b', port: 9090, protocol: 'TCP', containerPorts: ['8080/TCP'] } });
  });
});

describe('names and addresses that do not exist', () => {
  it('NXDOMAIN from a pod after the search path', () => {
    const t = trace(webCluster(), { from: fromClient, to: { host: 'nope', port: 80 } });
    expect(t.outcome).toBe('nxdomain');
    expect(t.hops.map((h) => h.explanation.key)).toEqual(['hop.dns.query', 'hop.dns.answer']);
    expect(t.reason).toMatchObject({ key: 'reason.dns.nxdomain', params: { name: 'nope' } });
    expect(String(t.reason!.params.tried)).toContain('nope.default.svc.cluster.local.');
  });

  it('a cluster name from outside: NXDOMAIN, only pods use cluster DNS', () => {
    const t = trace(webCluster(), { from: { kind: 'client', name: 'laptop' }, to: { host: 'web.default.svc.cluster.local', port: 80 } });
    expect(t).toMatchObject({ outcome: 'nxdomain', hops: [], reason: { key: 'reason.dns.outsideCluster' } });
  });

  it('a pod IP from the LAN: no route to the pod network', () => {
    const t = trace(webCluster(), { from: { kind: 'host', ip: '10.0.1.201' }, to: { host: '10.244.0.3', port: 8080 } });
    expect(t).toMatchObject({ outcome: 'no-route', reason: { key: 'reason.route.podIPFromOutside', params: { location: 'lan' } } });
  });

  it('an unknown source says so', () => {
    const t = trace(webCluster(), { from: { kind: 'pod', namespace: 'default', name: 'ghost' }, to: { host: CLUSTER_IP, port: 80 } });
    expect(t).toMatchObject({ outcome: 'no-route', hops: [], reason: { key: 'reason.source.unknown' } });

  });
});
