/**
 * The three data paths of a cloud load balancer (ClusterSettings.loadBalancerTargets), ipMode and
 * hostname-only balancers, with the test cluster's fixed addresses (testClusters.ts): LB IP
 * 203.0.113.10, nodes 10.0.1.10–12, web-a 10.244.0.3 on worker-1, web-b 10.244.1.2 on worker-2.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster, LoadBalancerIngress } from '../cluster';
import { loadBalancerHostnameAddresses, resolveDns } from '../dns';
import { inCidr } from '../ip';
import { CLIENT_POD_IP, CLUSTER_IP, INTERNET_CLIENT, N1, N3, WEB_A_IP, WEB_B_IP, WEB_NODE_PORTS, baseCluster, webCluster } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const browser = { kind: 'client', name: 'browser' } as const;
const clientPod = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const route = (t: Trace) => t.hops.map((h) => `${h.from} -> ${h.to} [${h.layer}]`);
const LB_IP = '203.0.113.10';
const ELB = 'a1b2-123.us-east-1.elb.amazonaws.com';

/** A copy of `cluster` whose `web` Service reports `ingress` (as a cloud controller would write it). */
function withIngress(cluster: Cluster, ingress: LoadBalancerIngress[]): Cluster {
  return {
    ...cluster,
    services: cluster.services.map((s) => (s.metadata.name === 'web' ? { ...s, status: { loadBalancer: { ingress } } } : s)),
  };
}

describe('VIP targets (GCP/Azure passthrough, MetalLB)', () => {
  const cluster = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { loadBalancerTargets: 'VIP' });

  it('the LB hands a node the packet still addressed to the LB IP; kube-proxy\'s loadbalancer-IP rule catches it', () => {
    const t = trace(cluster, { from: browser, to: { host: LB_IP, port: 80 } }, { pick: { 'lb:default/web': 'worker-3', 'default/web:http': 'web-b' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual([
      'client:browser -> lb:default/web [load-balancer]',
      'lb:default/web -> node:worker-3 [load-balancer]',
      'node:worker-3 -> svc:default/web [load-balancer]',
      'svc:default/web -> node:worker-2 [pod-network]',
      'node:worker-2 -> pod:default/web-b [pod]',
    ]);
    expect(t.hops[1]!.rewrites).toEqual([]);
    expect(t.hops[1]!.packet).toMatchObject({ src: { ip: INTERNET_CLIENT }, dst: { ip: LB_IP, port: 80 } });
    expect(t.hops[1]!.explanation).toMatchObject({ key: 'hop.lb.toNodeVip', params: { node: 'worker-3', lbIP: LB_IP, port: 80, targets: 'VIP', policy: 'Cluster', healthyNodes: 3, readyNodes: 3 } });
    expect(t.hops[2]!.explanation.params.via).toBe('load-balancer-ip');
    // Every translation was kube-proxy's on worker-3 (DNAT + masquerade): undone there.
    expect(t.reply!.undoneAt).toEqual(['node:worker-3', 'node:worker-3']);
    expect(t.reply!.arrives).toMatchObject({ src: { ip: LB_IP, port: 80 }, dst: { ip: INTERNET_CLIENT } });
    // A passthrough balancer made no translation: the reply leaves the node straight for the client.
    expect(t.reply!.path).toEqual(['pod:default/web-b', 'node:worker-2', 'svc:default/web', 'node:worker-3', 'client:browser']);
  });

  it('Local: the healthCheckNodePort check keeps the LB on nodes with a ready pod; the message names that port', () => {
    const local = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' }, { loadBalancerTargets: 'VIP' });
    const hc = local.services[0]!.spec.healthCheckNodePort!;
    for (let seed = 0; seed < 20; seed++) {
      const t = trace(local, { from: browser, to: { host: LB_IP, port: 80 } }, { seed });
      expect(t.outcome).toBe('delivered');
      expect(['node:worker-1', 'node:worker-2']).toContain(t.hops[1]!.to);
      expect(t.hops[1]!.explanation.params).toMatchObject({ policy: 'Local', healthCheckNodePort: hc, healthyNodes: 2, readyNodes: 3 });
    }
  });

  it('ipMode Proxy: kube-proxy has no rule for the LB IP, so the handed-over packet is lost on the node', () => {
    const proxied = withIngress(cluster, [{ ip: LB_IP, ipMode: 'Proxy' }]);
    const t = trace(proxied, { from: browser, to: { host: LB_IP, port: 80 } }, { pick: { 'lb:default/web': 'worker-3' } });
    expect(t).toMatchObject({ outcome: 'dropped', reason: { key: 'reason.lb.vipNotCaught', params: { node: 'worker-3', lbIP: LB_IP, port: 80, cause: 'ipModeProxy' } } });
  });

  it('a hostname-only balancer gives kube-proxy no IP to catch', () => {
    const named = withIngress(cluster, [{ hostname: ELB }]);
    const t = trace(named, { from: browser, to: { host: ELB, port: 80 } }, { pick: { 'lb:default/web': 'worker-1' } });
    const standIn = loadBalancerHostnameAddresses(named).get(ELB)!;
    expect(t).toMatchObject({ outcome: 'dropped', reason: { key: 'reason.lb.vipNotCaught', params: { node: 'worker-1', lbIP: standIn, cause: 'hostname' } } });
  });
});

describe('NodePort (instance) targets', () => {
  it('allocateLoadBalancerNodePorts: false leaves the instance-target LB without a target', () => {
    const cluster = webCluster({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false });
    expect(cluster.services[0]!.spec.ports[0]!.nodePort).toBeUndefined();
    const t = trace(cluster, { from: browser, to: { host: LB_IP, port: 80 } });
    expect(t).toMatchObject({ outcome: 'dropped', reason: { key: 'reason.lb.noNodePort', params: { service: 'default/web', lbIP: LB_IP, port: 80, protocol: 'TCP' } } });
    expect(route(t)).toEqual(['client:browser -> lb:default/web [load-balancer]']);
  });

  it('each translation is undone where it was made: kube-proxy\'s on the node, the LB\'s at the LB', () => {
    const cluster = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS });
    const t = trace(cluster, { from: browser, to: { host: LB_IP, port: 80 } }, { pick: { 'lb:default/web': 'worker-3', 'default/web:http': 'web-b' } });
    expect(t.reply!.reversed.map((r) => `${r.by}:${r.kind}`)).toEqual(['kube-proxy:SNAT', 'kube-proxy:DNAT', 'load-balancer:DNAT']);
    expect(t.reply!.undoneAt).toEqual(['node:worker-3', 'node:worker-3', 'lb:default/web']);
    expect(t.reply!.explanation).toMatchObject({ key: 'reply.conntrack', params: { nodes: ['worker-3'], reversed: 3, kubeProxy: 2, lb: 'default/web', server: `${WEB_B_IP}:8080` } });
    expect(t.reply!.path).toEqual(['pod:default/web-b', 'node:worker-2', 'svc:default/web', 'node:worker-3', 'lb:default/web', 'client:browser']);
  });
});

describe('Pod (IP) targets (AWS LB Controller IP targets, GKE NEG)', () => {
  const cluster = webCluster({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }, { loadBalancerTargets: 'Pod' });

  it('the LB sends straight to a ready pod: no nodePort, no kube-proxy; the reply goes pod → LB → client', () => {
    const t = trace(cluster, { from: browser, to: { host: LB_IP, port: 80 } }, { pick: { 'lb:default/web': 'web-b' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual(['client:browser -> lb:default/web [load-balancer]', 'lb:default/web -> pod:default/web-b [pod]']);
    expect(t.hops[1]!.rewrites).toMatchObject([{ by: 'load-balancer', kind: 'DNAT', before: { ip: LB_IP, port: 80 }, after: { ip: WEB_B_IP, port: 8080 } }]);
    expect(t.hops[1]!.packet.src.ip).toBe(INTERNET_CLIENT);
    expect(t.hops[1]!.explanation).toMatchObject({ key: 'hop.lb.toPod', params: { pod: 'default/web-b', endpoint: `${WEB_B_IP}:8080`, node: 'worker-2', candidates: 2, method: 'pick', affinity: false } });
    expect(t.hops.flatMap((h) => h.rewrites).some((r) => r.by === 'kube-proxy')).toBe(false);
    expect(t.reply!.path).toEqual(['pod:default/web-b', 'lb:default/web', 'client:browser']);
    expect(t.reply!.undoneAt).toEqual(['lb:default/web']);
    expect(t.reply!.arrives).toMatchObject({ src: { ip: LB_IP, port: 80 }, dst: { ip: INTERNET_CLIENT } });
    expect(t.endpoint).toMatchObject({ podName: 'web-b', ip: WEB_B_IP, port: 8080 });
  });

  it('externalTrafficPolicy plays no part: pods on every node are reached', () => {
    const local = webCluster({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }, { loadBalancerTargets: 'Pod' });
    const reached = new Set<string>();
    for (let seed = 0; seed < 20; seed++) reached.add(trace(local, { from: browser, to: { host: LB_IP, port: 80 } }, { seed }).endpoint!.ip);
    expect(reached).toEqual(new Set([WEB_A_IP, WEB_B_IP]));
  });

  it('no ready endpoint: the LB has no target', () => {
    const empty = webCluster({ type: 'LoadBalancer', selector: { app: 'nothing' } }, { loadBalancerTargets: 'Pod' });
    const t = trace(empty, { from: browser, to: { host: LB_IP, port: 80 } });
    expect(t).toMatchObject({ outcome: 'dropped', reason: { key: 'reason.lb.noPodTargets', params: { service: 'default/web', lbIP: LB_IP, port: 80 } } });
  });
});

describe('ipMode Proxy from inside the cluster', () => {
  it('no short-circuit on the sender\'s node: the packet goes out to the LB and back in through a nodePort', () => {
    const cluster = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), [{ ip: LB_IP, ipMode: 'Proxy' }]);
    const t = trace(cluster, { from: clientPod, to: { host: LB_IP, port: 80 } }, { pick: { 'lb:default/web': 'worker-3' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t).slice(0, 3)).toEqual([
      'pod:default/client -> lb:default/web [load-balancer]',
      'lb:default/web -> node:worker-3 [node-port]',
      'node:worker-3 -> svc:default/web [node-port]',
    ]);
    expect(t.hops[0]!.explanation).toMatchObject({ key: 'hop.lb.receive', params: { lbIP: LB_IP, ipMode: 'Proxy', inCluster: true, hostname: false } });
    // Leaving the cluster for the LB, the pod's packet is masqueraded by its node (egress.ts).
    expect(t.hops[0]!.rewrites).toMatchObject([{ kind: 'SNAT', by: 'node-masquerade', before: { ip: CLIENT_POD_IP }, after: { ip: N1 } }]);
    expect(t.hops[1]!.rewrites[0]).toMatchObject({ by: 'load-balancer', after: { ip: N3, port: 30080 } });
  });

  it('ipMode VIP (the default) is short-circuited on the sender\'s node', () => {
    const t = trace(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), { from: clientPod, to: { host: LB_IP, port: 80 } });
    expect(t.hops[0]).toMatchObject({ from: 'pod:default/client', to: 'svc:default/web', node: 'worker-1' });
    expect(t.hops[0]!.packet.src.ip).toBe(CLIENT_POD_IP);
  });
});

describe('a load balancer known only by its hostname (AWS ELB)', () => {
  const cluster = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), [{ hostname: ELB }]);
  const STAND_IN = loadBalancerHostnameAddresses(cluster).get(ELB)!;

  it('the explainer stands in for public DNS with a documentation address, stable per hostname', () => {
    expect(inCidr(STAND_IN, '203.0.113.128/25')).toBe(true);
    expect(STAND_IN).not.toBe('203.0.113.255');
    // The same name gets the same address in another cluster; another name (most likely) another one.
    const other = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { provider: 'cloud' }), [{ hostname: ELB }]);
    expect(loadBalancerHostnameAddresses(other).get(ELB)).toBe(STAND_IN);
    expect(resolveDns(cluster, ELB, { inCluster: false })).toMatchObject({
      rcode: 'NOERROR', external: true, standIn: true, answers: [{ type: 'A', value: STAND_IN, ttl: 60 }],
    });
  });

  it('an address already in use is skipped: a stand-in never shadows a real one', () => {
    const taken = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, externalIPs: [STAND_IN] }), [{ hostname: ELB }]);
    const address = loadBalancerHostnameAddresses(taken).get(ELB)!;
    expect(address).not.toBe(STAND_IN);
    expect(inCidr(address, '203.0.113.128/25')).toBe(true);
  });

  it('is traced through that name from the internet: public DNS (the stand-in), then the LB at that address', () => {
    const t = trace(cluster, { from: browser, to: { host: ELB, port: 80 } }, { pick: { 'lb:default/web': 'worker-3' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t).slice(0, 2)).toEqual(['client:browser -> client:browser [dns]', 'client:browser -> lb:default/web [load-balancer]']);
    expect(t.hops[0]!.explanation).toEqual({
      key: 'hop.dns.public',
      params: { name: ELB, qtype: 'A', answer: STAND_IN, service: 'default/web', standIn: true, range: '203.0.113.0/24', ttl: 60 },
    });
    expect(t.hops[0]!.dns).toMatchObject({ question: ELB, rcode: 'NOERROR', answers: [{ type: 'A', value: STAND_IN }] });
    expect(t.hops[0]!.packet.dst).toEqual({ ip: STAND_IN, port: 80 });
    expect(t.hops[1]!.explanation).toMatchObject({ key: 'hop.lb.receive', params: { lbIP: STAND_IN, hostname: true, lbHostname: ELB, ipMode: '', inCluster: false } });
    expect(t.hops[2]!.rewrites[0]).toMatchObject({ by: 'load-balancer', before: { ip: STAND_IN, port: 80 }, after: { ip: N3, port: 30080 } });
    expect(t.reply!.arrives.src).toEqual({ ip: STAND_IN, port: 80 });
  });

  it('`lb:<ns>/<svc>` means that name, looked up the same way', () => {
    const t = trace(cluster, { from: browser, to: { host: 'lb:default/web', port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.explanation).toMatchObject({ key: 'hop.dns.public', params: { name: ELB, answer: STAND_IN } });
    expect(t.hops[1]!.packet.dst.ip).toBe(STAND_IN);
  });

  it('from a node: its own resolver asks public DNS, then the packet leaves for the LB', () => {
    const t = trace(cluster, { from: { kind: 'node', name: 'worker-1' }, to: { host: ELB, port: 80 } }, { pick: { 'lb:default/web': 'worker-2' } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]).toMatchObject({ from: 'node:worker-1', to: 'node:worker-1', layer: 'dns', node: 'worker-1', explanation: { key: 'hop.dns.public' } });
    expect(t.hops[1]!.explanation).toMatchObject({ key: 'hop.lb.receive', params: { lbIP: STAND_IN, inCluster: true } });
  });

  it('from a pod: cluster DNS forwards the name upstream and passes the stand-in on; no kube-proxy rule exists for it, and the packet goes out to the LB', () => {
    const t = trace(cluster, { from: clientPod, to: { host: ELB, port: 80 } }, { pick: { 'lb:default/web': 'worker-2' } });
    expect(t.outcome).toBe('delivered');
    // The name is looked up through cluster DNS first (query and answer), then the connection starts.
    expect(t.hops.slice(0, 2).map((h) => h.layer)).toEqual(['dns', 'dns']);
    expect(t.hops[1]!.explanation).toMatchObject({ key: 'hop.dns.answer', params: { answer: [STAND_IN], answeredBy: 'upstream', standIn: true } });
    expect(route(t)[2]).toBe('pod:default/client -> lb:default/web [load-balancer]');
    expect(t.hops[2]!.explanation.params).toMatchObject({ hostname: true, lbHostname: ELB, lbIP: STAND_IN, inCluster: true });
    expect(t.hops[2]!.rewrites.map((r) => r.by)).toEqual(['node-masquerade']);
  });

  it('a pod asking `lb:<ns>/<svc>` looks the name up through cluster DNS too', () => {
    const t = trace(cluster, { from: clientPod, to: { host: 'lb:default/web', port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[1]!.explanation).toMatchObject({ key: 'hop.dns.answer', params: { name: ELB, answer: [STAND_IN] } });
  });

  it('a balancer with both an IP and a hostname is reached at its IP, with no DNS hop', () => {
    const both = withIngress(cluster, [{ ip: LB_IP }, { hostname: ELB }]);
    const t = trace(both, { from: browser, to: { host: 'lb:default/web', port: 80 } });
    expect(t.hops[0]).toMatchObject({ layer: 'load-balancer', packet: { dst: { ip: LB_IP } } });
  });

  it('a public name that is no load balancer of the cluster is still unknown', () => {
    const t = trace(cluster, { from: browser, to: { host: 'b2c3-456.us-east-1.elb.amazonaws.com', port: 80 } });
    expect(t).toMatchObject({ outcome: 'no-route', hops: [], reason: { key: 'reason.dns.unknownExternal' } });
  });
});

describe('an ingress controller behind a hostname-only balancer (ingress-nginx on AWS)', () => {
  it('an Ingress host is sent to the stand-in address of the controller\'s balancer hostname', () => {
    const labels = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
    const built = baseCluster()
      .pod('ingress-nginx-controller', labels, { node: 'worker-3', podIP: '10.244.2.2', ready: true, ports: [{ name: 'http', containerPort: 80 }] })
      .service('ingress-nginx-controller', { type: 'LoadBalancer', selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 31080 }] })
      .service('web', { clusterIP: CLUSTER_IP })
      .object({
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'default' },
        spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
      })
      .build();
    const c: Cluster = {
      ...built,
      services: built.services.map((s) => (s.metadata.name === 'ingress-nginx-controller' ? { ...s, status: { loadBalancer: { ingress: [{ hostname: ELB }] } } } : s)),
    };
    const standIn = loadBalancerHostnameAddresses(c).get(ELB)!;
    const t = trace(c, { from: browser, to: { host: 'shop.example.com', port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.explanation).toMatchObject({ key: 'hop.lb.receive', params: { lbIP: standIn, hostname: true, lbHostname: ELB } });
  });
});

describe('an ExternalName alias of a hostname-only balancer', () => {
  it('a pod follows the CNAME to the balancer at the hostname\'s stand-in address', () => {
    const built = baseCluster().service('web', { type: 'LoadBalancer', clusterIP: CLUSTER_IP, ports: WEB_NODE_PORTS })
      .service('shop', { type: 'ExternalName', externalName: ELB, selector: undefined, ports: [] }).build();
    const c: Cluster = { ...built, services: built.services.map((s) => (s.metadata.name === 'web' ? { ...s, status: { loadBalancer: { ingress: [{ hostname: ELB }] } } } : s)) };
    const standIn = loadBalancerHostnameAddresses(c).get(ELB)!;
    const t = trace(c, { from: clientPod, to: { host: 'shop', port: 80 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops.find((h) => h.explanation.key === 'hop.lb.receive')!.explanation.params).toMatchObject({ lbIP: standIn, lbHostname: ELB });
  });
});
