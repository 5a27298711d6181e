import { describe, expect, it } from 'vitest';
import type { Cluster } from './cluster';
import { defaultRequestFor, destinationsFor, DESTINATION_GROUPS, MISTAKES_PER_KIND, parseHostPort, sourcesFor, type DestinationOption } from './requestOptions';
import { defaultScenario } from './scenarios/defaultScenario';
import { cluster } from './testing/clusterBuilder';
import { trace } from './trace/trace';
import type { TraceSource } from './trace/types';

const internetClient = { kind: 'client', name: 'client' } as const;
const clusterIPOf = (c: Cluster, name: string): string => c.services.find((s) => s.metadata.name === name)!.spec.clusterIP!;
const firstPod = (c: Cluster): TraceSource => ({ kind: 'pod', namespace: 'default', name: c.pods[0]!.metadata.name });
const find = (options: DestinationOption[], host: string, port: number, group?: string) =>
  options.find((o) => o.to.host === host && o.to.port === port && (group === undefined || o.group === group));

/** Nodes on 10.0.1.0/24 with fixed pod CIDRs; a LAN laptop, an internet browser; `app: web` pods. */
function base(settings: Record<string, unknown> = {}) {
  return cluster()
    .withSettings({
      provider: 'cloud',
      clients: [{ name: 'laptop', location: 'lan', ip: '10.0.1.200' }, { name: 'browser', location: 'internet', ip: '198.51.100.7' }],
      ...settings,
    })
    .node('worker-1', { internalIP: '10.0.1.10', podCIDR: '10.244.0.0/24' })
    .node('worker-2', { internalIP: '10.0.1.11', podCIDR: '10.244.1.0/24' })
    .pod('client', { app: 'client' }, { node: 'worker-1', podIP: '10.244.0.2', ready: true })
    .pod('web-a', { app: 'web' }, { node: 'worker-1', podIP: '10.244.0.3', ready: true })
    .pod('web-b', { app: 'web' }, { node: 'worker-2', podIP: '10.244.1.2', ready: true });
}
const laptop = { kind: 'client', name: 'laptop' } as const;
const browser = { kind: 'client', name: 'browser' } as const;
const clientPod = { kind: 'pod', namespace: 'default', name: 'client' } as const;

describe('sourcesFor', () => {
  it('lists the clients, the running pods and the nodes of the default scenario, with canvas ids', () => {
    const c = defaultScenario();
    const sources = sourcesFor(c);
    expect(sources.map((s) => [s.group, s.id])).toEqual([
      ['Clients', 'client:client'],
      // kube-system (cluster DNS) is left out, as the canvas folds it away.
      ...c.pods.filter((p) => p.metadata.namespace === 'default').map((p) => ['Pods', `pod:default/${p.metadata.name}`]),
      ['Nodes', 'node:worker-1'], ['Nodes', 'node:worker-2'], ['Nodes', 'node:worker-3'],
    ]);
    expect(sources[0]).toEqual({ id: 'client:client', label: 'client · internet · 198.51.100.10', group: 'Clients', source: internetClient });
    expect(sources[1]!.label).toBe(`${c.pods[0]!.metadata.name} · 10.244.0.2 · worker-1`);
    expect(sources[1]!.source).toEqual(firstPod(c));
    expect(sources.at(-1)).toEqual({ id: 'node:worker-3', label: 'worker-3 · 10.0.1.12', group: 'Nodes', source: { kind: 'node', name: 'worker-3' } });
  });

  it('leaves out pods that are not running; names pods outside default with their namespace', () => {
    const c = base()
      .pod('pending', { app: 'x' }, { phase: 'Pending' })
      .pod('tool', {}, { node: 'worker-2', namespace: 'ops', ready: true })
      .build();
    const pods = sourcesFor(c).filter((s) => s.group === 'Pods');
    expect(pods.map((s) => s.id)).toEqual(['pod:default/client', 'pod:default/web-a', 'pod:default/web-b', 'pod:ops/tool']);
    expect(pods[3]!.label).toMatch(/^ops\/tool · 10\.244\.1\.\d+ · worker-2$/);
    expect(sourcesFor(c).filter((s) => s.group === 'Clients').map((s) => s.label)).toEqual(['laptop · node LAN · 10.0.1.200', 'browser · internet · 198.51.100.7']);
  });
});

describe('destinationsFor: the default scenario', () => {
  const c = defaultScenario();
  const cip = clusterIPOf(c, 'web');

  it('lists every address the cluster exposes, grouped from the outside in, and the two source-independent mistakes', () => {
    const options = destinationsFor(c);
    expect(options.map((o) => [o.group, o.label])).toEqual([
      ['Load balancer', '203.0.113.10:80 · web load balancer'],
      ['NodeIP:nodePort', '10.0.1.10:30080 · web nodePort on worker-1'],
      ['NodeIP:nodePort', '10.0.1.11:30080 · web nodePort on worker-2'],
      ['NodeIP:nodePort', '10.0.1.12:30080 · web nodePort on worker-3'],
      ['ClusterIP', `${cip}:80 · web ClusterIP`],
      ['DNS name', 'web.default.svc.cluster.local:80 · web Service'],
      ...c.pods.filter((p) => p.metadata.namespace === 'default').map((p) => ['Pod IP', `${p.status.podIP}:8080 · pod ${p.metadata.name} (http)`]),
      ['Common mistakes', `${cip}:30080 · web ClusterIP:nodePort`],
      ['Common mistakes', '10.0.1.10:80 · web NodeIP:port on worker-1'],
    ]);
    expect(options[0]).toEqual({
      id: 'lb:203.0.113.10:80/TCP', label: '203.0.113.10:80 · web load balancer', group: 'Load balancer',
      to: { host: '203.0.113.10', port: 80, protocol: 'TCP' },
    });
    expect(options.every((o) => o.expect === undefined)).toBe(true);
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
    const mistakes = options.filter((o) => o.group === 'Common mistakes');
    expect(mistakes.map((m) => m.mistakeKind)).toEqual(['clusterip-nodeport', 'nodeip-port']);
    expect(mistakes.every((m) => m.mistake && m.mistake.length > 20)).toBe(true);
    expect(options.filter((o) => o.group !== 'Common mistakes').every((o) => o.mistake === undefined)).toBe(true);
  });

  it('lists each kind of mistake for the first few Services only', () => {
    const b = cluster().node('worker-1');
    for (let i = 0; i < MISTAKES_PER_KIND + 3; i++) b.service(`svc-${i}`, { type: 'NodePort' });
    const options = destinationsFor(b.build(), { kind: 'client', name: 'client' });
    const listed = options.filter((o) => o.mistakeKind === 'clusterip-nodeport');
    expect(listed).toHaveLength(MISTAKES_PER_KIND);
    listed.forEach((o, i) => expect(o.label).toContain(`svc-${i} ClusterIP:nodePort`));
  });

  it("judging only the mistakes: the same list, with the others' outcome left unsaid", () => {
    const all = destinationsFor(c, internetClient);
    const judged = destinationsFor(c, internetClient, { judge: 'mistakes' });
    expect(judged.map((o) => o.label)).toEqual(all.map((o) => o.label));
    expect(judged.filter((o) => o.mistake !== undefined).map((o) => o.expect)).toEqual(all.filter((o) => o.mistake !== undefined).map((o) => o.expect));
    expect(judged.filter((o) => o.mistake === undefined).every((o) => o.expect === undefined)).toBe(true);
  });

  it('from the internet client: only the load balancer works; every mistake is listed and fails', () => {
    const options = destinationsFor(c, internetClient);
    expect(find(options, '203.0.113.10', 80)!.expect).toBe('works');
    expect(find(options, '10.0.1.10', 30080, 'NodeIP:nodePort')!.expect).toBe('fails'); // private subnet
    expect(find(options, cip, 80, 'ClusterIP')!.expect).toBe('fails');
    expect(find(options, 'web.default.svc.cluster.local', 80)!.expect).toBe('fails');
    expect(options.filter((o) => o.expect === 'works').map((o) => o.label)).toEqual(['203.0.113.10:80 · web load balancer']);
    // Short DNS names only make sense from a pod.
    expect(options.filter((o) => o.group === 'DNS name').map((o) => o.to.host)).toEqual(['web.default.svc.cluster.local']);

    const mistakes = options.filter((o) => o.group === 'Common mistakes');
    expect(mistakes.map((m) => [m.mistakeKind, `${m.to.host}:${m.to.port}`, m.expect])).toEqual([
      ['clusterip-nodeport', `${cip}:30080`, 'fails'],
      ['nodeip-port', '10.0.1.10:80', 'fails'],
      ['clusterip-from-outside', `${cip}:80`, 'fails'],
      ['private-node-from-internet', '10.0.1.10:30080', 'fails'],
      ['podip-from-outside', `${c.pods[0]!.status.podIP}:8080`, 'fails'],
    ]);
    expect(mistakes.find((m) => m.mistakeKind === 'private-node-from-internet')!.mistake).toContain('10.0.1.0/24');
  });

  it('from a pod: the DNS names (short ones too), the ClusterIP, nodePorts and pod IPs work; ClusterIP:nodePort fails', () => {
    const options = destinationsFor(c, firstPod(c));
    const dns = options.filter((o) => o.group === 'DNS name');
    expect(dns.map((o) => [o.to.host, o.expect])).toEqual([
      ['web.default.svc.cluster.local', 'works'], ['web.default', 'works'], ['web', 'works'],
    ]);
    expect(find(options, cip, 80, 'ClusterIP')!.expect).toBe('works');
    expect(find(options, cip, 30080)!).toMatchObject({ group: 'Common mistakes', mistakeKind: 'clusterip-nodeport', expect: 'fails' });
    expect(find(options, '10.0.1.10', 80)!).toMatchObject({ mistakeKind: 'nodeip-port', expect: 'fails' });
    expect(find(options, '10.0.1.12', 30080)!.expect).toBe('works');
    expect(find(options, '203.0.113.10', 80)!.expect).toBe('works');
    // Mistakes that depend on being outside are not offered to a pod.
    expect(options.filter((o) => o.group === 'Common mistakes')).toHaveLength(2);
  });

  it('from a node: everything but cluster DNS works (the node resolver does not use CoreDNS)', () => {
    const options = destinationsFor(c, { kind: 'node', name: 'worker-3' });
    expect(options.filter((o) => o.expect === 'fails').map((o) => o.group)).toEqual(['DNS name', 'Common mistakes', 'Common mistakes']);
  });

  it('expect is what trace says with seed 0, for every option and source', () => {
    for (const { source } of sourcesFor(c)) {
      for (const o of destinationsFor(c, source)) {
        const delivered = trace(c, { from: source, to: o.to }, { seed: 0 }).outcome === 'delivered';
        expect(o.expect, `${JSON.stringify(source)} → ${o.label}`).toBe(delivered ? 'works' : 'fails');
      }
    }
  });

  it('an unknown source fails everywhere rather than throwing', () => {
    const options = destinationsFor(c, { kind: 'pod', namespace: 'default', name: 'gone' });
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.expect === 'fails')).toBe(true);
  });
});

describe('destinationsFor: other Service shapes', () => {
  it('NodePort from the LAN: NodeIP:nodePort works; ClusterIP and pod IPs from outside are the mistakes', () => {
    const c = base().service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }).build();
    const cip = clusterIPOf(c, 'web');
    const options = destinationsFor(c, laptop);
    expect(find(options, '10.0.1.11', 30080)!.expect).toBe('works');
    expect(options.filter((o) => o.group === 'Load balancer')).toEqual([]);
    expect(options.filter((o) => o.group === 'Common mistakes').map((m) => [m.mistakeKind, `${m.to.host}:${m.to.port}`])).toEqual([
      ['clusterip-nodeport', `${cip}:30080`],
      ['nodeip-port', '10.0.1.10:80'],
      ['clusterip-from-outside', `${cip}:80`],
      // The pod a Service selects, not the client pod.
      ['podip-from-outside', '10.244.0.3:8080'],
    ]);
  });

  it('public nodes: each node on its ExternalIP too, which works from the internet; no private-subnet mistake', () => {
    const c = base({ nodesPublic: true }).service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }).build();
    const options = destinationsFor(c, browser);
    const nodePorts = options.filter((o) => o.group === 'NodeIP:nodePort');
    expect(nodePorts).toHaveLength(4);
    const external = nodePorts.filter((o) => o.label.includes('(ExternalIP)'));
    expect(external).toHaveLength(2);
    expect(external.every((o) => o.expect === 'works')).toBe(true);
    expect(nodePorts.filter((o) => !o.label.includes('(ExternalIP)')).every((o) => o.expect === 'fails')).toBe(true);
    expect(options.some((o) => o.mistakeKind === 'private-node-from-internet')).toBe(false);
  });

  it('a ClusterIP Service: no NodeIP:nodePort and no nodePort mistakes; a pod in another namespace gets svc.ns but not svc', () => {
    const c = base().pod('tool', {}, { node: 'worker-2', namespace: 'ops', ready: true }).service('web').build();
    const options = destinationsFor(c, { kind: 'pod', namespace: 'ops', name: 'tool' });
    expect(options.filter((o) => o.group === 'NodeIP:nodePort' || o.group === 'Common mistakes')).toEqual([]);
    expect(options.filter((o) => o.group === 'DNS name').map((o) => [o.to.host, o.expect])).toEqual([
      ['web.default.svc.cluster.local', 'works'], ['web.default', 'works'],
    ]);
  });

  it('a LoadBalancer on bare metal is listed as its pending load balancer, which fails', () => {
    const c = base({ provider: 'bare-metal' }).service('web', { type: 'LoadBalancer' }).build();
    const options = destinationsFor(c, browser);
    const lb = options.filter((o) => o.group === 'Load balancer');
    expect(lb).toEqual([{
      id: 'lb:lb:default/web:80/TCP', label: '<pending>:80 · web load balancer, no external IP', group: 'Load balancer',
      to: { host: 'lb:default/web', port: 80, protocol: 'TCP' }, expect: 'fails',
    }]);
  });

  it('headless: by DNS name on the port the pods listen on; no ClusterIP, no mistakes', () => {
    const c = base().service('web', { clusterIP: 'None' }).build();
    const options = destinationsFor(c, clientPod);
    expect(options.filter((o) => o.group === 'DNS name').map((o) => [o.label, o.expect])).toEqual([
      ['web.default.svc.cluster.local:8080 · web headless: answers pod IPs', 'works'],
      ['web.default:8080 · web headless: answers pod IPs', 'works'],
      ['web:8080 · web headless: answers pod IPs', 'works'],
    ]);
    expect(options.filter((o) => o.group === 'ClusterIP' || o.group === 'Common mistakes')).toEqual([]);
  });

  it('ExternalName: its DNS names, answered with a CNAME; they work from a pod and fail from outside', () => {
    const c = base().service('database', { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: [] }).build();
    const fromPod = destinationsFor(c, clientPod).filter((o) => o.group === 'External name');
    expect(fromPod.map((o) => [o.label, o.expect])).toEqual([
      ['database.default.svc.cluster.local:80 · CNAME → db.example.com', 'works'],
      ['database.default:80 · CNAME → db.example.com', 'works'],
      ['database:80 · CNAME → db.example.com', 'works'],
    ]);
    expect(destinationsFor(c, laptop).filter((o) => o.group === 'External name').map((o) => o.expect)).toEqual(['fails']);
    expect(destinationsFor(c).some((o) => o.group === 'Common mistakes' || o.group === 'ClusterIP')).toBe(false);
  });

  it('spec.externalIPs, a UDP port and several ports', () => {
    const c = base().service('web', {
      externalIPs: ['192.0.2.50'],
      ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'dns', port: 53, targetPort: 5353, protocol: 'UDP' }],
    }).build();
    const options = destinationsFor(c);
    expect(options.filter((o) => o.group === 'External IP').map((o) => o.label)).toEqual([
      '192.0.2.50:80 · web externalIPs (http)', '192.0.2.50:53/UDP · web externalIPs (dns)',
    ]);
    const udp = options.find((o) => o.group === 'ClusterIP' && o.to.protocol === 'UDP')!;
    expect(udp.id).toBe(`clusterip:${clusterIPOf(c, 'web')}:53/UDP`);
    expect(udp.label).toBe(`${clusterIPOf(c, 'web')}:53/UDP · web ClusterIP (dns)`);
  });

  it('Ingress hosts: port 80, path / and each rule path, with the Host header; routed from the internet', () => {
    const controller = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
    const c = base()
      .pod('ingress-nginx-controller', controller, { node: 'worker-2', podIP: '10.244.1.9', ready: true, ports: [{ name: 'http', containerPort: 80 }] })
      .pod('api-1', { app: 'api' }, { node: 'worker-2', podIP: '10.244.1.3', ready: true })
      .service('ingress-nginx-controller', { type: 'LoadBalancer', selector: { 'app.kubernetes.io/name': 'ingress-nginx' } })
      .service('web')
      .service('api')
      .object({
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'default' },
        spec: {
          ingressClassName: 'nginx',
          rules: [{ host: 'shop.example.com', http: { paths: [
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
          ] } }],
        },
      })
      .build();
    const ingress = destinationsFor(c, browser).filter((o) => o.group === 'Ingress host');
    expect(ingress.map((o) => [o.label, o.to, o.expect])).toEqual([
      ['shop.example.com:80/ · Ingress shop', { host: 'shop.example.com', port: 80, protocol: 'TCP', path: '/', httpHost: 'shop.example.com' }, 'works'],
      ['shop.example.com:80/api · Ingress shop', { host: 'shop.example.com', port: 80, protocol: 'TCP', path: '/api', httpHost: 'shop.example.com' }, 'works'],
    ]);
    expect(destinationsFor(c).findIndex((o) => o.group === 'Ingress host')).toBe(1); // right after the load balancer
  });

  it('lists groups in DESTINATION_GROUPS order', () => {
    const c = base().service('web', { type: 'LoadBalancer', externalIPs: ['192.0.2.50'] }).service('db', { clusterIP: 'None' }).build();
    const groups = destinationsFor(c, browser).map((o) => DESTINATION_GROUPS.indexOf(o.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });
});

describe('parseHostPort', () => {
  it('reads host:port, a protocol suffix, a path and URLs', () => {
    expect(parseHostPort('203.0.113.10:80')).toEqual({ host: '203.0.113.10', port: 80, protocol: 'TCP' });
    expect(parseHostPort('  Web.Default:80 ')).toEqual({ host: 'web.default', port: 80, protocol: 'TCP' });
    expect(parseHostPort('kube-dns.kube-system.svc.cluster.local.:53/udp')).toEqual({ host: 'kube-dns.kube-system.svc.cluster.local.', port: 53, protocol: 'UDP' });
    expect(parseHostPort('10.96.0.10:53/SCTP')).toEqual({ host: '10.96.0.10', port: 53, protocol: 'SCTP' });
    expect(parseHostPort('10.96.0.10:53/TCP')).toEqual({ host: '10.96.0.10', port: 53, protocol: 'TCP' });
    expect(parseHostPort('shop.example.com:80/api/orders')).toEqual({ host: 'shop.example.com', port: 80, protocol: 'TCP', path: '/api/orders' });
    expect(parseHostPort('shop.example.com:80/')).toEqual({ host: 'shop.example.com', port: 80, protocol: 'TCP', path: '/' });
    expect(parseHostPort('http://shop.example.com/api?x=1')).toEqual({ host: 'shop.example.com', port: 80, protocol: 'TCP', path: '/api' });
    expect(parseHostPort('https://shop.example.com')).toEqual({ host: 'shop.example.com', port: 443, protocol: 'TCP' });
    expect(parseHostPort('http://10.0.1.10:30080/udp')).toEqual({ host: '10.0.1.10', port: 30080, protocol: 'TCP', path: '/udp' });
    expect(parseHostPort('web:65535')).toEqual({ host: 'web', port: 65535, protocol: 'TCP' });
  });

  it('explains what is wrong', () => {
    const error = (text: string) => {
      const r = parseHostPort(text);
      return 'error' in r ? r.error : undefined;
    };
    expect(error('')).toMatch(/host:port/);
    expect(error('web')).toBe('Add a port: web:80, for example.');
    expect(error('web:')).toMatch(/is not a port/);
    expect(error('web:http')).toBe('"http" is not a port: use a number from 1 to 65535.');
    expect(error('web:0')).toMatch(/out of range/);
    expect(error('web:65536')).toMatch(/out of range/);
    expect(error(':80')).toMatch(/host is missing/);
    expect(error('10.0.1.300:80')).toBe('"10.0.1.300" is not a valid IPv4 address.');
    expect(error('web_app:80')).toMatch(/neither an IPv4 address nor a DNS name/);
    expect(error('-web:80')).toMatch(/neither/);
    expect(error('a..b:80')).toMatch(/neither/);
    expect(error('[fd00::1]:80')).toMatch(/IPv6/);
    expect(error('fd00::1')).toMatch(/IPv6/);
    expect(error('web :80')).toMatch(/no spaces/);
    expect(error('ftp://example.com:21')).toMatch(/Only http/);
  });

  it('round-trips what destinationsFor offers', () => {
    const c = defaultScenario();
    for (const o of destinationsFor(c, firstPod(c))) {
      const text = `${o.to.host}:${o.to.port}${o.to.protocol === 'TCP' ? '' : `/${o.to.protocol}`}`;
      expect(parseHostPort(text)).toEqual({ host: o.to.host, port: o.to.port, protocol: o.to.protocol });
    }
  });
});

describe('defaultRequestFor', () => {
  it('the default scenario: the internet client to the load balancer, which is delivered', () => {
    const c = defaultScenario();
    const request = defaultRequestFor(c)!;
    expect(request).toEqual({ from: internetClient, to: { host: '203.0.113.10', port: 80, protocol: 'TCP' } });
    expect(trace(c, request, { seed: 0 }).outcome).toBe('delivered');
  });

  it('no load balancer address: a LAN client to the first node on the nodePort', () => {
    const c = base({ provider: 'bare-metal' }).service('web', { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 31000 }] }).build();
    const request = defaultRequestFor(c)!;
    expect(request).toEqual({ from: laptop, to: { host: '10.0.1.10', port: 31000, protocol: 'TCP' } });
    expect(trace(c, request, { seed: 0 }).outcome).toBe('delivered');
  });

  it('only a ClusterIP Service: a pod it does not select, by the short DNS name', () => {
    const c = base().service('web').build();
    const request = defaultRequestFor(c)!;
    expect(request).toEqual({ from: clientPod, to: { host: 'web', port: 80, protocol: 'TCP' } });
    expect(trace(c, request, { seed: 0 }).outcome).toBe('delivered');
  });

  it('a Service in another namespace is named svc.ns', () => {
    const c = cluster().node('n1')
      .pod('tool', {}, { node: 'n1', ready: true })
      .pod('api-1', { app: 'api' }, { node: 'n1', ready: true, namespace: 'shop' })
      .service('api', {}, 'shop')
      .build();
    expect(defaultRequestFor(c)).toEqual({ from: { kind: 'pod', namespace: 'default', name: 'tool' }, to: { host: 'api.shop', port: 80, protocol: 'TCP' } });
  });

  it('nothing to suggest but cluster DNS: the kube-dns Service; no node, so no running pod: undefined', () => {
    expect(defaultRequestFor(cluster().build())).toBeUndefined();
    // A pod and no Service of its own: cluster DNS is the one Service there is.
    expect(defaultRequestFor(cluster().node('n1').pod('p', {}, { node: 'n1', ready: true }).build())).toEqual({
      from: { kind: 'pod', namespace: 'default', name: 'p' }, to: { host: 'kube-dns.kube-system', port: 53, protocol: 'UDP' },
    });
    expect(defaultRequestFor(base().build())).toEqual({
      from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { host: 'kube-dns.kube-system', port: 53, protocol: 'UDP' },
    });
  });
});
