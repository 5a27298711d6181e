/**
 * Every core and Ingress message key, checked against the trace that emits it: each parameter the
 * UI words must be a fact of that trace or cluster (an address a hop carries, the pod that answered,
 * the node whose rules acted, the rule kube-proxy wrote). So the wording cannot drift from the model.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster, Ingress, Pod } from '../cluster';
import { iptablesSave } from '../kubeproxy';
import { nftListRuleset } from '../kubeproxy/nftables';
import { CORE_MESSAGES } from './messageKeys/core';
import { INGRESS_MESSAGES } from './messageKeys/ingress';
import { CLIENT_POD_IP, CLUSTER_IP, LAPTOP, N1, N2, N3, WEB_A_IP, WEB_B_IP, WEB_NODE_PORTS, baseCluster, webCluster } from './testClusters';
import { trace } from './trace';
import type { Hop, Message, Trace, TraceRequest } from './types';

const fromClientPod = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const laptop = { kind: 'client', name: 'laptop' } as const;
const browser = { kind: 'client', name: 'browser' } as const;

const nameOf = (ref: string) => ref.slice(ref.indexOf(':') + 1);
const nsName = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
const podNamed = (c: Cluster, ns: string, name: string): Pod => c.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name)!;
const at = (a: { ip: string; port: number }) => `${a.ip}:${a.port}`;

function hopWith(t: Trace, key: string): Hop {
  const hop = t.hops.find((h) => h.explanation.key === key);
  if (!hop) throw new Error(`no ${key} hop in ${t.hops.map((h) => h.explanation.key).join(', ')}`);
  return hop;
}

/** The rule text must be a line kube-proxy wrote on that node. */
function expectRuleOn(c: Cluster, node: string, rule: unknown) {
  expect(iptablesSave(c, node).split('\n')).toContain(rule);
}

/** Every key a case below checks. */
const checked = new Set<string>();
function check(key: string, name: string, body: () => void) {
  checked.add(key);
  it(`${key}: ${name}`, body);
}

/** Keys the model lists but cannot emit in a trace today, with why. */
const NOT_EMITTED: Record<string, string> = {
  'hop.send': 'listed for a pod\'s or node\'s first packet, but no step emits it: the first hop is the capture or the route itself',
  'reason.loop': 'the hop budget is a safety net; no cluster this model builds loops',
  'reason.kubeProxy.drop': 'the fallback for a DROP rule of no known kind; every DROP kube-proxy writes that a trace can meet has its own key',
  'reply.conntrack': 'pinned by reply.test.ts / traceWording.test.ts with the reply path it summarises',
};

describe('core hop messages', () => {
  const nodePort = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });

  check('hop.node.receive', 'names the node the packet is addressed to, its address and port, and who sent it', () => {
    const t = trace(nodePort, { from: laptop, to: { host: N2, port: 30080 } });
    const hop = hopWith(t, 'hop.node.receive');
    expect(hop.explanation.params).toEqual({ node: nameOf(hop.to), nodeIP: hop.packet.dst.ip, port: hop.packet.dst.port, via: 'lan' });
    expect(hop.packet.dst.ip).toBe(N2);
    expect(hop.packet.src.ip).toBe(LAPTOP);
  });

  check('hop.externalIP.receive', 'names the Service whose spec.externalIPs hold the address, and the node it was routed to', () => {
    const c = webCluster({ externalIPs: ['10.0.1.100'] });
    const t = trace(c, { from: laptop, to: { host: '10.0.1.100', port: 80 } });
    expect(t.outcome).toBe('delivered');
    const hop = hopWith(t, 'hop.externalIP.receive');
    const svc = c.services.find((s) => s.metadata.name === 'web')!;
    expect(svc.spec.externalIPs).toContain(hop.explanation.params.externalIP);
    expect(hop.explanation.params).toEqual({ service: nsName(svc), externalIP: hop.packet.dst.ip, port: hop.packet.dst.port, node: nameOf(hop.to) });
    expect(hopWith(t, 'hop.service.capture').node).toBe(hop.explanation.params.node);
  });

  check('hop.service.capture', 'names the Service and port the rules matched, on the sender\'s node, and the address matched', () => {
    const t = trace(nodePort, { from: fromClientPod, to: { host: CLUSTER_IP, port: 80 } });
    const hop = hopWith(t, 'hop.service.capture');
    expect(hop.explanation.params).toEqual({
      service: `${t.service!.namespace}/${t.service!.name}`, servicePort: t.service!.portName, via: 'cluster-ip',
      node: podNamed(nodePort, 'default', 'client').spec.nodeName, dst: hop.packet.dst.ip, port: hop.packet.dst.port,
    });
    expect(hop.to).toBe(`svc:${t.service!.namespace}/${t.service!.name}`);
  });

  check('hop.service.dnat', 'names the endpoint that answered, its pod and node, the node that translated, and the masquerade it did', () => {
    const t = trace(nodePort, { from: laptop, to: { host: N1, port: 30080 } }, { pick: { 'default/web': 'web-b' } });
    const hop = hopWith(t, 'hop.service.dnat');
    const p = hop.explanation.params;
    expect(p.endpoint).toBe(at(t.endpoint!));
    expect(p.pod).toBe(`${t.endpoint!.podNamespace}/${t.endpoint!.podName}`);
    expect(p.endpointNode).toBe(podNamed(nodePort, 'default', 'web-b').spec.nodeName);
    expect(p.node).toBe(hop.node);
    expect(p.node).toBe(hopWith(t, 'hop.service.capture').node);
    expect(p.masquerade).toBe(hop.rewrites.some((r) => r.masquerade));
    expect(p.masquerade).toBe(true);
    expect(p.candidates).toBe(2);
    expect(p.method).toBe('pick');
    expect(hop.rewrites.find((r) => r.kind === 'DNAT')!.after).toEqual({ ip: WEB_B_IP, port: 8080 });
  });

  check('hop.podNetwork.cross', 'names the sender\'s node, the node owning the pod IP, and that IP', () => {
    const t = trace(nodePort, { from: fromClientPod, to: { host: WEB_B_IP, port: 8080 } });
    const hop = hopWith(t, 'hop.podNetwork.cross');
    expect(hop.explanation.params).toEqual({
      fromNode: podNamed(nodePort, 'default', 'client').spec.nodeName, toNode: podNamed(nodePort, 'default', 'web-b').spec.nodeName, dst: hop.packet.dst.ip,
    });
    expect(nameOf(hop.to)).toBe(hop.explanation.params.toNode);
  });

  check('hop.pod.deliver', 'names the pod that got the packet, its IP, port and node', () => {
    const t = trace(nodePort, { from: fromClientPod, to: { host: WEB_B_IP, port: 8080 } });
    const hop = hopWith(t, 'hop.pod.deliver');
    const pod = podNamed(nodePort, 'default', 'web-b');
    expect(hop.explanation.params).toEqual({ pod: nsName(pod), podIP: pod.status.podIP, port: hop.packet.dst.port, node: pod.spec.nodeName });
    expect(t.endpoint).toMatchObject({ podName: 'web-b', ip: pod.status.podIP, port: 8080 });
  });

  check('hop.node.forward', 'names both nodes and the node address and port sent to', () => {
    const t = trace(nodePort, { from: fromClientPod, to: { host: N2, port: 30080 } });
    const hop = hopWith(t, 'hop.node.forward');
    expect(hop.explanation.params).toEqual({ fromNode: 'worker-1', toNode: nameOf(hop.to), dst: N2, port: 30080 });
    expect(c2n(nodePort, N2)).toBe(hop.explanation.params.toNode);
  });

  check('hop.external.leave', 'names the outside host and port, the node it leaves from, and the masquerade that node made', () => {
    const t = trace(nodePort, { from: fromClientPod, to: { host: '93.184.216.34', port: 443 } });
    const hop = hopWith(t, 'hop.external.leave');
    const snat = hop.rewrites[0]!;
    expect(snat).toMatchObject({ kind: 'SNAT', by: 'node-masquerade', node: hop.node });
    expect(hop.explanation.params).toEqual({
      host: hop.packet.dst.ip, port: hop.packet.dst.port, node: podNamed(nodePort, 'default', 'client').spec.nodeName,
      masquerade: 'node', podIP: snat.before.ip, nodeIP: hop.packet.src.ip,
    });
    expect(snat.before.ip).toBe(podNamed(nodePort, 'default', 'client').status.podIP);
    expect(hop.to).toBe('external:93.184.216.34');
  });

  check('hop.node.local', 'names the node that owns the address, the address and port', () => {
    const t = trace(nodePort, { from: fromClientPod, to: { host: N1, port: 22 } });
    const hop = hopWith(t, 'hop.node.local');
    expect(hop.explanation.params).toEqual({ node: c2n(nodePort, N1), ip: hop.packet.dst.ip, port: hop.packet.dst.port });
  });
});

/** The node whose InternalIP is `ip`. */
function c2n(c: Cluster, ip: string): string | undefined {
  return c.nodes.find((n) => n.status.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip))?.metadata.name;
}

describe('core reasons', () => {
  const run = (c: Cluster, request: TraceRequest) => trace(c, request);
  const web = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });

  check('reason.source.unknown', 'names the source asked for', () => {
    const t = run(web, { from: { kind: 'pod', namespace: 'default', name: 'nope' }, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.reason).toEqual({ key: 'reason.source.unknown', params: { source: 'pod:default/nope' } });
    expect(t.hops).toEqual([]);
  });

  check('reason.source.podNotRunning', 'names the pod and its phase', () => {
    const c = baseCluster().pod('waiting', { app: 'x' }, { phase: 'Pending' }).build();
    const t = run(c, { from: { kind: 'pod', namespace: 'default', name: 'waiting' }, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.reason).toEqual({ key: 'reason.source.podNotRunning', params: { pod: 'default/waiting', phase: podNamed(c, 'default', 'waiting').status.phase } });
  });

  check('reason.route.clusterIPFromOutside', 'names the ClusterIP, its Service, the Service range and where the sender is', () => {
    const t = run(web, { from: laptop, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.reason).toEqual({ key: 'reason.route.clusterIPFromOutside', params: { ip: CLUSTER_IP, port: 80, location: 'lan', service: 'default/web', serviceCIDR: web.settings.serviceCIDR } });
  });

  check('reason.route.podIPFromOutside', 'names the pod IP and the pod network', () => {
    const t = run(web, { from: laptop, to: { host: WEB_A_IP, port: 8080 } });
    expect(t.reason).toEqual({ key: 'reason.route.podIPFromOutside', params: { ip: WEB_A_IP, location: 'lan', podCIDR: web.settings.podCIDR } });
  });

  check('reason.route.privateNodeFromInternet', 'names the node address and the private node subnet', () => {
    expect(web.settings.nodesPublic).toBe(false);
    const t = run(web, { from: browser, to: { host: N1, port: 30080 } });
    expect(t.reason).toMatchObject({ key: 'reason.route.privateNodeFromInternet', params: { ip: N1, nodeSubnet: web.settings.nodeSubnet } });
  });

  check('reason.route.noHost', 'names the address in the node subnet that nothing has', () => {
    const t = run(web, { from: laptop, to: { host: '10.0.1.99', port: 80 } });
    expect(c2n(web, '10.0.1.99')).toBeUndefined();
    expect(t.reason).toEqual({ key: 'reason.route.noHost', params: { ip: '10.0.1.99' } });
  });

  check('reason.route.unknownHost', 'names the address no element of the cluster has', () => {
    const t = run(web, { from: laptop, to: { host: '203.0.113.99', port: 80 } });
    expect(t.reason).toEqual({ key: 'reason.route.unknownHost', params: { ip: '203.0.113.99' } });
  });

  check('reason.kubeProxy.noEndpoints', 'names the Service, the sender\'s node and the REJECT rule written there', () => {
    const c = baseCluster().service('web', { clusterIP: CLUSTER_IP, selector: { app: 'wbe' } }).build();
    const t = run(c, { from: fromClientPod, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.noEndpoints', params: { service: 'default/web', servicePort: 'http', node: 'worker-1' } });
    expect(t.reason!.params.rule).toMatch(/-d 10\.96\.0\.50 --dport 80 -j REJECT$/);
    expectRuleOn(c, 'worker-1', t.reason!.params.rule);
  });

  check('reason.kubeProxy.noLocalEndpoints', 'names the policy, the node without a local pod and the DROP rule there', () => {
    const ext = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' });
    const t = run(ext, { from: laptop, to: { host: N3, port: 30080 } });
    expect(ext.pods.some((p) => p.metadata.labels?.app === 'web' && p.spec.nodeName === 'worker-3')).toBe(false);
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.noLocalEndpoints', params: { service: 'default/web', node: c2n(ext, N3), policy: 'externalTrafficPolicy' } });
    expectRuleOn(ext, 'worker-3', t.reason!.params.rule);

    const int = baseCluster().pod('client-3', { app: 'client' }, { node: 'worker-3', podIP: '10.244.2.5', ready: true })
      .service('web', { clusterIP: CLUSTER_IP, internalTrafficPolicy: 'Local' }).build();
    const fromW3 = run(int, { from: { kind: 'pod', namespace: 'default', name: 'client-3' }, to: { host: CLUSTER_IP, port: 80 } });
    expect(fromW3.reason).toMatchObject({ key: 'reason.kubeProxy.noLocalEndpoints', params: { node: 'worker-3', policy: 'internalTrafficPolicy' } });
    expectRuleOn(int, 'worker-3', fromW3.reason!.params.rule);
  });

  check('reason.kubeProxy.sourceRange', 'names the client outside loadBalancerSourceRanges, the node and the firewall rule', () => {
    const c = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, loadBalancerSourceRanges: ['203.0.113.0/24'] });
    const lbIP = c.services[0]!.status.loadBalancer.ingress![0]!.ip!;
    // From a pod kube-proxy short-circuits the LB IP on its own node, where its firewall applies.
    const t = run(c, { from: fromClientPod, to: { host: lbIP, port: 80 } });
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.sourceRange', params: { service: 'default/web', clientIP: CLIENT_POD_IP, node: 'worker-1' } });
    expectRuleOn(c, 'worker-1', t.reason!.params.rule);
  });

  check('reason.node.nothingListening', 'names the node, the address and port, and the nodePort that was meant', () => {
    const t = run(web, { from: laptop, to: { host: N2, port: 80 } });
    const svc = web.services[0]!;
    expect(t.reason).toEqual({
      key: 'reason.node.nothingListening',
      params: { node: c2n(web, N2), ip: N2, port: 80, protocol: 'TCP', service: nsName(svc), nodePort: svc.spec.ports[0]!.nodePort },
    });
  });

  check('reason.clusterIP.noSuchPort', 'names the ClusterIP, the ports the Service serves and its nodePort', () => {
    const t = run(web, { from: fromClientPod, to: { host: CLUSTER_IP, port: 30080 } });
    const svc = web.services[0]!;
    expect(t.reason).toEqual({
      key: 'reason.clusterIP.noSuchPort',
      params: {
        ip: svc.spec.clusterIP, port: 30080, service: nsName(svc), ports: svc.spec.ports.map((p) => `${p.port}/${p.protocol}`),
        nodePort: svc.spec.ports[0]!.nodePort, node: 'worker-1',
      },
    });
  });

  check('reason.clusterIP.unallocated', 'names the address in the Service range no Service has', () => {
    const t = run(web, { from: fromClientPod, to: { host: '10.96.0.99', port: 80 } });
    expect(web.services.some((s) => s.spec.clusterIP === '10.96.0.99')).toBe(false);
    expect(t.reason).toEqual({ key: 'reason.clusterIP.unallocated', params: { ip: '10.96.0.99', port: 80, node: 'worker-1' } });
  });

  check('reason.pod.notListening', 'names the pod, the port asked and the ports its containers declare', () => {
    const t = run(web, { from: fromClientPod, to: { host: WEB_A_IP, port: 9999 } });
    const pod = podNamed(web, 'default', 'web-a');
    const declared = pod.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`));
    expect(t.reason).toEqual({ key: 'reason.pod.notListening', params: { pod: nsName(pod), port: 9999, protocol: 'TCP', containerPorts: declared } });
  });

  check('reason.pod.noSuchIP', 'names the missing pod IP and the node whose pod range holds it', () => {
    const t = run(web, { from: fromClientPod, to: { host: '10.244.1.99', port: 80 } });
    const owner = web.nodes.find((n) => n.spec.podCIDR === '10.244.1.0/24')!;
    expect(t.reason).toEqual({ key: 'reason.pod.noSuchIP', params: { ip: '10.244.1.99', node: owner.metadata.name } });
  });
});

describe('per-pod details', () => {
  const details = (c: Cluster, port = 80): Message[] => trace(c, { from: fromClientPod, to: { host: CLUSTER_IP, port } }).reason?.details ?? [];
  const only = (c: Cluster, key: string, port = 80) => details(c, port).filter((d) => d.key === key);

  check('detail.endpoint.labelMismatch', 'names the pod, the label key, the value wanted and the value it has', () => {
    const c = baseCluster().service('web', { clusterIP: CLUSTER_IP, selector: { app: 'wbe' } }).build();
    const d = only(c, 'detail.endpoint.labelMismatch').find((m) => m.params.pod === 'web-a')!;
    expect(d.params).toEqual({ pod: 'web-a', key: 'app', expected: 'wbe', actual: podNamed(c, 'default', 'web-a').metadata.labels!.app });
  });

  const api = (pod: Parameters<ReturnType<typeof baseCluster>['pod']>[2], spec: Record<string, unknown> = {}) =>
    baseCluster().pod('api-1', { app: 'api' }, pod).service('api', { clusterIP: CLUSTER_IP, ...spec }).build();

  check('detail.endpoint.notReady', 'names the pod that is not Ready', () => {
    expect(only(api({ node: 'worker-3', podIP: '10.244.2.2', ready: false }), 'detail.endpoint.notReady')).toEqual([{ key: 'detail.endpoint.notReady', params: { pod: 'api-1' } }]);
  });
  check('detail.endpoint.terminating', 'names the pod that is shutting down (and no longer ready)', () => {
    expect(only(api({ node: 'worker-3', podIP: '10.244.2.2', ready: false, terminating: true }), 'detail.endpoint.terminating')).toEqual([{ key: 'detail.endpoint.terminating', params: { pod: 'api-1' } }]);
  });
  check('detail.endpoint.noPodIP', 'names the scheduled pod without an IP', () => {
    expect(only(api({ node: 'worker-3', phase: 'Pending' }), 'detail.endpoint.noPodIP')).toEqual([{ key: 'detail.endpoint.noPodIP', params: { pod: 'api-1' } }]);
  });
  check('detail.endpoint.notScheduled', 'names the pod with no node', () => {
    expect(only(api({ phase: 'Pending' }), 'detail.endpoint.notScheduled')).toEqual([{ key: 'detail.endpoint.notScheduled', params: { pod: 'api-1' } }]);
  });
  check('detail.endpoint.terminalPhase', 'names the finished pod and its phase', () => {
    const c = api({ node: 'worker-3', podIP: '10.244.2.2', phase: 'Succeeded' });
    expect(only(c, 'detail.endpoint.terminalPhase')).toEqual([{ key: 'detail.endpoint.terminalPhase', params: { pod: 'api-1', phase: podNamed(c, 'default', 'api-1').status.phase } }]);
  });
  check('detail.endpoint.portNameMissing', 'names the pod, the targetPort name it lacks, its protocol and the Service port', () => {
    const c = api({ node: 'worker-3', podIP: '10.244.2.2', ready: true }, { ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics' }] });
    const [d] = only(c, 'detail.endpoint.portNameMissing', 9090);
    expect(d).toEqual({ key: 'detail.endpoint.portNameMissing', params: { pod: 'api-1', portName: c.services.find((s) => s.metadata.name === 'api')!.spec.ports[0]!.targetPort, protocol: 'TCP', servicePort: 'metrics' } });
  });
  check('detail.endpoint.noSelector', 'names the Service that has no selector', () => {
    const c = baseCluster().service('api', { clusterIP: CLUSTER_IP, selector: undefined }).build();
    expect(c.services.find((s) => s.metadata.name === 'api')!.spec.selector).toBeUndefined();
    expect(details(c)).toEqual([{ key: 'detail.endpoint.noSelector', params: { service: 'default/api' } }]);
  });
  check('detail.endpoint.noPods', 'names the Service and its namespace, which has no pods', () => {
    const c = baseCluster().service('api', { clusterIP: CLUSTER_IP }, 'empty').build();
    expect(c.pods.some((p) => p.metadata.namespace === 'empty')).toBe(false);
    expect(details(c)).toContainEqual({ key: 'detail.endpoint.noPods', params: { service: 'empty/api', namespace: 'empty' } });
  });
});

describe('Ingress messages', () => {
  const CONTROLLER_LABELS = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const ingress = (name: string, spec: Ingress['spec']) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default' }, spec });
  const c = baseCluster()
    .pod('ingress-nginx-controller', CONTROLLER_LABELS, { node: 'worker-3', podIP: '10.244.2.2', ready: true, ports: [{ name: 'http', containerPort: 80 }] })
    .pod('api-1', { app: 'api' }, { node: 'worker-2', podIP: '10.244.1.3', ready: true })
    .service('ingress-nginx-controller', { type: 'LoadBalancer', selector: { 'app.kubernetes.io/name': 'ingress-nginx' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] })
    .service('api', { clusterIP: '10.96.0.51' })
    .service('empty', { clusterIP: '10.96.0.52', selector: { app: 'nobody' } })
    .object(ingress('shop', {
      rules: [{
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
            { path: '/gone', pathType: 'Prefix', backend: { service: { name: 'missing', port: { number: 80 } } } },
            { path: '/empty', pathType: 'Exact', backend: { service: { name: 'empty', port: { name: 'http' } } } },
          ],
        },
      }],
    }))
    .build();
  const controller = podNamed(c, 'default', 'ingress-nginx-controller');
  const lbIP = c.services.find((s) => s.metadata.name === 'ingress-nginx-controller')!.status.loadBalancer.ingress![0]!.ip!;
  const send = (path: string, httpHost = 'shop.example.com') => trace(c, { from: browser, to: { host: lbIP, port: 80, path, httpHost } });

  check('hop.ingress.route', 'names the Ingress, the host and path asked, the rule that matched, its backend and the controller', () => {
    const t = send('/api/orders');
    const hop = hopWith(t, 'hop.ingress.route');
    expect(hop.explanation.params).toEqual({
      ingress: 'default/shop', host: 'shop.example.com', path: '/api/orders', rule: '/api', pathType: 'Prefix',
      service: `${t.service!.namespace}/${t.service!.name}`, servicePort: '80', controller: nsName(controller),
      // No IngressClass in the cluster: ingress-nginx's own `nginx` is assumed, as the default class.
      ingressClass: 'nginx', classSource: 'default', classAssumed: true,
    });
    expect(c.kept ?? []).toEqual([]);
    expect(hop.from).toBe(`pod:${nsName(controller)}`);
  });

  check('hop.ingress.proxy', 'names the backend endpoint and pod the controller connects to', () => {
    const t = send('/api/orders');
    const hop = hopWith(t, 'hop.ingress.proxy');
    expect(hop.explanation.params).toEqual({
      controller: nsName(controller), service: 'default/api', endpoint: at(t.endpoint!), pod: `${t.endpoint!.podNamespace}/${t.endpoint!.podName}`,
      candidates: 1, method: 'only',
    });
    expect(hop.packet.src.ip).toBe(controller.status.podIP);
  });

  check('reply.ingress', 'names the backend pod that answered, the controller, and the client\'s own end', () => {
    const t = send('/api/orders');
    const p = t.reply!.explanation.params;
    expect(t.reply!.explanation.key).toBe('reply.ingress');
    expect(p.pod).toBe(`${t.endpoint!.podNamespace}/${t.endpoint!.podName}`);
    expect(p.backend).toBe(at(t.endpoint!));
    expect(p.controller).toBe(nsName(controller));
    expect(p.server).toBe(`${controller.status.podIP}:80`);
    expect(p.client).toBe(at(t.hops[0]!.packet.src));
    expect(t.hops.at(-1)!.reply).toBe(t.reply);
  });

  check('reason.ingress.notFound', 'an unmatched host: the controller\'s own HTTP 404, an http-error, not a refusal', () => {
    const t = send('/', 'www.example.com');
    expect(t.outcome).toBe('http-error');
    expect(t.reason).toEqual({ key: 'reason.ingress.notFound', params: { host: 'www.example.com', path: '/', controller: nsName(controller), status: 404 } });
    expect(t.hops.at(-1)!.to).toBe(`pod:${nsName(controller)}`);
  });

  check('reason.ingress.backendMissing', 'a backend Service that does not exist: HTTP 503', () => {
    const t = send('/gone');
    expect(c.services.some((s) => s.metadata.name === 'missing')).toBe(false);
    expect(t.outcome).toBe('http-error');
    expect(t.reason).toEqual({ key: 'reason.ingress.backendMissing', params: { ingress: 'default/shop', service: 'default/missing', servicePort: '80', status: 503 } });
  });

  check('reason.ingress.noEndpoints', 'a backend with no ready endpoint: HTTP 503, with each pod\'s reason', () => {
    const t = send('/empty');
    expect(t.outcome).toBe('http-error');
    expect(t.reason).toMatchObject({ key: 'reason.ingress.noEndpoints', params: { ingress: 'default/shop', service: 'default/empty', servicePort: 'http', status: 503 } });
    expect(t.reason!.details!.map((d) => d.key)).toContain('detail.endpoint.labelMismatch');
  });
});

describe('nftables-mode messages', () => {
  const web = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS }, { kubeProxyMode: 'nftables' });
  /** The rule text must be a rule line of the ruleset kube-proxy wrote on that node, as `nft list ruleset` prints it. */
  const expectNftRuleOn = (c: Cluster, node: string, rule: unknown) =>
    expect(nftListRuleset(c, node).split('\n').map((l) => l.trim())).toContain(rule);

  check('hop.kubeProxy.filter', 'names the node whose ruleset stopped the packet, the chain, its verdict and the address', () => {
    const t = trace(web, { from: fromClientPod, to: { host: CLUSTER_IP, port: 30080 } });
    const hop = hopWith(t, 'hop.kubeProxy.filter');
    expect(hop.explanation.params).toEqual({ node: 'worker-1', verdict: 'reject', chain: 'cluster-ips-check', dst: hop.packet.dst.ip, port: hop.packet.dst.port });
    expect(hop.to).toBe('node:worker-1');
    expect(hop.filter?.verdict).toBe('reject');
    for (const rule of hop.filter!.rules) expectNftRuleOn(web, 'worker-1', rule);
  });

  check('reason.kubeProxy.invalidClusterIPPort', 'names the ClusterIP, its ports, the nodePort and the cluster-ips-check rule', () => {
    const t = trace(web, { from: fromClientPod, to: { host: CLUSTER_IP, port: 30080 } });
    const svc = web.services[0]!;
    expect(t.outcome).toBe('refused');
    expect(t.reason).toMatchObject({
      key: 'reason.kubeProxy.invalidClusterIPPort',
      params: { ip: CLUSTER_IP, port: 30080, service: nsName(svc), ports: ['80/TCP'], nodePort: 30080, node: 'worker-1', chain: 'cluster-ips-check' },
    });
    expectNftRuleOn(web, 'worker-1', t.reason!.params.rule);
  });

  check('reason.kubeProxy.unallocatedClusterIP', 'names the unallocated address and the drop rule of cluster-ips-check', () => {
    const t = trace(web, { from: fromClientPod, to: { host: '10.96.0.99', port: 80 } });
    expect(t.outcome).toBe('dropped');
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.unallocatedClusterIP', params: { ip: '10.96.0.99', port: 80, node: 'worker-1', chain: 'cluster-ips-check' } });
    expectNftRuleOn(web, 'worker-1', t.reason!.params.rule);
  });

  check('reason.kubeProxy.localhostNodePort', 'names the loopback address, the nodePort\'s Service and the node', () => {
    const t = trace(web, { from: { kind: 'node', name: 'worker-1' }, to: { host: '127.0.0.1', port: 30080 } });
    expect(t.outcome).toBe('refused');
    expect(t.reason).toEqual({
      key: 'reason.kubeProxy.localhostNodePort',
      params: { ip: '127.0.0.1', port: 30080, protocol: 'TCP', service: nsName(web.services[0]!), node: 'worker-1' },
    });
  });
});

describe('coverage', () => {
  it('every core and Ingress key has a case above, or a stated reason it cannot be emitted', () => {
    const keys = [...Object.keys(CORE_MESSAGES), ...Object.keys(INGRESS_MESSAGES)];
    expect(keys.filter((k) => !checked.has(k) && !(k in NOT_EMITTED))).toEqual([]);
    expect(Object.keys(NOT_EMITTED).filter((k) => checked.has(k))).toEqual([]);
  });
});
