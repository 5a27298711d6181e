import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { cluster } from '../model/testing/clusterBuilder';
import { TRACE_MESSAGES, type ParamValue } from '../model/trace/messages';
import { trace } from '../model/trace/trace';
import type { Message, Trace, TraceSource } from '../model/trace/types';
import { fallbackWording } from './wording/params';
import { LAYER_LABEL, OUTCOME_LABEL, describeMessage, describeReason, hasWording } from './traceWording';
import { hopLayerLabel } from './traceWording';

const KEYS = Object.keys(TRACE_MESSAGES) as (keyof typeof TRACE_MESSAGES)[];

/** Parameters that are numbers in real traces. */
const NUMERIC = new Set(['port', 'nodePort', 'candidates', 'healthyNodes', 'readyNodes', 'failOpen', 'masquerade', 'reversed', 'hops', 'status']);
/** Parameters that switch the wording: every value the model emits. */
const VARIANTS: Record<string, ParamValue[]> = {
  method: ['pick', 'seed', 'affinity', 'only'],
  via: ['cluster-ip', 'node-port', 'load-balancer-ip', 'external-ip', 'internet', 'lan', 'pod', 'node'],
  policy: ['Cluster', 'Local', 'externalTrafficPolicy', 'internalTrafficPolicy'],
  masquerade: [false, true],
  failOpen: [false, true],
  reversed: [0, 2],
  answer: [['10.96.0.50'], ['10.244.0.3', '10.244.1.2']],
  tried: [[], ['web.default.svc.cluster.local.', 'web.svc.cluster.local.']],
  nodes: [[], ['worker-1', 'worker-2']],
  cloudNat: [[], ['worker-1']],
  ports: [[], ['80/TCP', '443/TCP']],
  containerPorts: [[], ['8080/TCP']],
  ranges: [['203.0.113.0/24']],
  portAssumed: [false, true],
  hostname: [false, true],
  standIn: [false, true],
  inCluster: [false, true],
  classAssumed: [false, true],
  classSource: ['spec', 'default', 'annotation'],
  ignoredWhy: ['noSuchClass', 'otherController', 'noClass', 'annotationOther'],
};

/** Every combination of the switching parameters, the others filled with plausible values. */
function paramSets(key: keyof typeof TRACE_MESSAGES): Record<string, ParamValue>[] {
  const names = TRACE_MESSAGES[key] as readonly string[];
  let sets: Record<string, ParamValue>[] = [{}];
  for (const name of names) {
    const values = VARIANTS[name] ?? [NUMERIC.has(name) ? 30080 : `${name}-x`];
    sets = sets.flatMap((s) => values.map((value) => ({ ...s, [name]: value })));
  }
  return sets;
}

const BAD = /undefined|NaN|\[object Object\]|\?/;

describe('every message key has its own wording', () => {
  it.each(KEYS)('%s', (key) => {
    expect(hasWording(key)).toBe(true);
    for (const params of paramSets(key)) {
      const message: Message = { key, params };
      const text = describeMessage(message);
      expect(text).not.toBe(fallbackWording(message));
      expect(text).not.toMatch(BAD);
      expect(text.length).toBeGreaterThan(20);
      if (key.startsWith('reason.')) {
        const words = describeReason({ ...message, details: [{ key: 'detail.endpoint.notReady', params: { pod: 'web-a' } }] });
        expect(words.summary).not.toMatch(BAD);
        if (words.fix !== undefined) expect(words.fix).not.toMatch(BAD);
        expect(words.details).toEqual(['Pod web-a is not Ready (still starting, or its readiness probe fails), so it gets no traffic.']);
      }
    }
  });

  it('missing parameters never print "undefined" or "NaN"', () => {
    for (const key of KEYS) {
      const text = describeMessage({ key, params: {} });
      expect(text, key).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it('an unknown key falls back to a readable key and parameters instead of failing', () => {
    expect(describeMessage({ key: 'hop.futureThing.happen', params: { node: 'worker-1', port: 80 } }))
      .toBe('hop future thing happen (node: worker-1, port: 80)');
    expect(describeReason({ key: 'reason.new.kind', params: {}, details: [{ key: 'detail.new', params: { pod: 'a' } }] }))
      .toEqual({ summary: 'reason new kind', details: ['detail new (pod: a)'] });
  });

  it('labels every layer and outcome', () => {
    expect(LAYER_LABEL['cluster-ip']).toBe('ClusterIP (kube-proxy rules)');
    expect(Object.values(LAYER_LABEL).every(Boolean)).toBe(true);
    expect(OUTCOME_LABEL['no-route']).toBe('No route');
  });
});

// --- the words of real traces ---------------------------------------------------------------------

const N2 = '10.0.1.11';
const CLUSTER_IP = '10.96.0.50';
const fromPod: TraceSource = { kind: 'pod', namespace: 'default', name: 'client' };
const laptop: TraceSource = { kind: 'client', name: 'laptop' };

/** Three workers, a LAN laptop, a client pod and two `app: web` pods; `web` is added by each test. */
function base() {
  return cluster()
    .withSettings({ provider: 'cloud', clients: [{ name: 'laptop', location: 'lan', ip: '10.0.1.200' }] })
    .node('worker-1', { internalIP: '10.0.1.10', podCIDR: '10.244.0.0/24' })
    .node('worker-2', { internalIP: N2, podCIDR: '10.244.1.0/24' })
    .node('worker-3', { internalIP: '10.0.1.12', podCIDR: '10.244.2.0/24' })
    .pod('client', { app: 'client' }, { node: 'worker-1', podIP: '10.244.0.2', ready: true })
    .pod('web-a', { app: 'web' }, { node: 'worker-1', podIP: '10.244.0.3', ready: true })
    .pod('web-b', { app: 'web' }, { node: 'worker-2', podIP: '10.244.1.2', ready: true });
}
const NODE_PORTS = [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }];
const words = (t: Trace): string[] => t.hops.map((h) => describeMessage(h.explanation));

describe('the default scenario, internet → load balancer', () => {
  const scenario = defaultScenario();
  const web = scenario.services.find((s) => s.metadata.name === 'web')!;
  const lbIP = web.status.loadBalancer.ingress![0]!.ip!;

  it('words every hop of the delivered trace with its addresses', () => {
    const t = trace(scenario, { from: { kind: 'client', name: 'client' }, to: { host: lbIP, port: 80 } }, { pick: { 'lb:default/web': 'worker-3' } });
    expect(t.outcome).toBe('delivered');
    const [receive, toNode, capture, dnat] = words(t);
    expect(receive).toBe(`The client sends to ${lbIP}:80, the load balancer the cloud created for default/web. It is a machine outside the cluster that listens on the Service's port.`);
    expect(toNode).toContain('node worker-3 (node chosen for this trace) at 10.0.1.12:30080, the Service\'s nodePort');
    expect(toNode).toContain('externalTrafficPolicy: Cluster every ready node passes the health check (3 of 3), even one without a pod of the Service: depending on the cloud it probes the nodePort itself or kube-proxy\'s /healthz on port 10256');
    expect(capture).toBe('Port 30080 is the nodePort of default/web (port "http"). kube-proxy writes a rule for it on every node, so the rules on worker-3 catch 10.0.1.12:30080 whether or not a pod of the Service runs there.');
    const endpoint = t.endpoint!;
    expect(dnat).toContain(`kube-proxy's rules on worker-3 rewrite the destination from the Service address to pod default/${endpoint.podName} at ${endpoint.ip}:8080, picked at random from 3 endpoints`);
    expect(dnat).toContain('(masquerade)');
    // Each translation is undone where it was made: kube-proxy's on worker-3, the LB's at the LB.
    expect(describeMessage(t.reply!.explanation)).toMatch(/^10\.244\.\d+\.\d+:8080 answers the address it saw; on the way back conntrack on worker-3 undoes kube-proxy's 2 rewrites on the node that made them, then the load balancer of default\/web undoes its own translation, so the reply leaves it from the load balancer's address\. So 198\.51\.100\.10:\d+ gets its reply/);
  });

  it('the ClusterIP from the internet: not a machine; use NodePort, LoadBalancer or Ingress', () => {
    const t = trace(scenario, { from: { kind: 'client', name: 'client' }, to: { host: web.spec.clusterIP!, port: 80 } });
    const reason = describeReason(t.reason!);
    expect(reason.summary).toBe(`${web.spec.clusterIP} is the ClusterIP of default/web (10.96.0.0/12). A ClusterIP is not a machine: it exists only as kube-proxy rules inside each node, `
      + 'and nothing on the internet routes that range (unless the network is set up to, as some BGP setups announce it), so the packet has nowhere to go.');
    expect(reason.fix).toContain('NodePort Service (any NodeIP:nodePort), a LoadBalancer Service, or an Ingress');
    expect(reason.fix).toContain(`${web.spec.clusterIP}:80 works as it is`);
  });
});

describe('the failures people ask about', () => {
  it('ClusterIP:nodePort from a pod: the nodePort is never on the ClusterIP', () => {
    const t = trace(base().service('web', { type: 'NodePort', clusterIP: CLUSTER_IP, ports: NODE_PORTS }).build(), { from: fromPod, to: { host: CLUSTER_IP, port: 30080 } });
    expect(words(t)).toEqual(['No kube-proxy rule matches 10.96.0.50:30080, so node worker-1 sends the packet out by its default route, out of the cluster.']);
    const reason = describeReason(t.reason!);
    expect(reason.summary).toContain('10.96.0.50 is the ClusterIP of default/web, but the Service only serves 80/TCP there');
    expect(reason.summary).toContain('30080 is the Service\'s nodePort, which exists only on the nodes\' own addresses, never on the ClusterIP.');
    expect(reason.fix).toBe('Use a port the Service has on the ClusterIP (10.96.0.50:80), or the nodePort on a node\'s own address (<NodeIP>:30080).');
  });

  it('NodeIP:port from the LAN: use the nodePort', () => {
    const t = trace(base().service('web', { type: 'NodePort', clusterIP: CLUSTER_IP, ports: NODE_PORTS }).build(), { from: laptop, to: { host: N2, port: 80 } });
    expect(t.outcome).toBe('refused');
    expect(words(t)[0]).toMatch(/^A host on the nodes' LAN sends to node worker-2's own address, 10\.0\.1\.11:80\./);
    const reason = describeReason(t.reason!);
    expect(reason.summary).toContain('Node worker-2 has nothing on 10.0.1.11:80/TCP');
    expect(reason.summary).toContain('nodePort, 30080');
    expect(reason.fix).toBe('Use the nodePort: 10.0.1.11:30080 instead of 10.0.1.11:80.');
  });

  it('no endpoints: refused, with each pod\'s reason and the selector/readiness fix', () => {
    const t = trace(base().service('web', { clusterIP: CLUSTER_IP, selector: { app: 'wbe' } }).build(), { from: fromPod, to: { host: CLUSTER_IP, port: 80 } });
    expect(words(t)[0]).toContain('10.96.0.50:80 is the ClusterIP of default/web (port "http"). No machine owns that address');
    const reason = describeReason(t.reason!);
    expect(reason.summary).toBe('Service default/web (port http) has no ready endpoints, so in iptables mode kube-proxy\'s rules on worker-1 hold only a REJECT for it (nftables mode rejects too): the client gets "connection refused".');
    expect(reason.fix).toContain('selector matches the pods\' labels and that those pods are Running and Ready');
    expect(reason.fix).toContain('kubectl get endpointslices -n default -l kubernetes.io/service-name=web');
    expect(reason.details).toContain('Pod web-a: the selector wants app=wbe, but the pod has app=web.');
    expect(reason.details).toHaveLength(3);
  });

  it('externalTrafficPolicy Local on a node without a local pod: dropped there', () => {
    const c = base().service('web', { type: 'NodePort', clusterIP: CLUSTER_IP, ports: NODE_PORTS, externalTrafficPolicy: 'Local' }).build();
    const t = trace(c, { from: laptop, to: { host: '10.0.1.12', port: 30080 } });
    expect(t.outcome).toBe('dropped');
    const reason = describeReason(t.reason!);
    expect(reason.summary).toContain('externalTrafficPolicy: Local and node worker-3 runs no ready pod of it');
    expect(reason.fix).toContain('externalTrafficPolicy: Cluster');
    // On a node with a pod, the client's IP is kept.
    const kept = trace(c, { from: laptop, to: { host: N2, port: 30080 } });
    expect(words(kept).at(-1)).toContain('the pod sees the client\'s IP, as it arrived at this node');
  });
});

describe('cluster DNS', () => {
  const c = base().service('web', { clusterIP: CLUSTER_IP }).build();

  it('names the nameserver, the CoreDNS pod the query is DNATed to, the expanded name and the answer', () => {
    const t = trace(c, { from: fromPod, to: { host: 'web', port: 80 } });
    const [query, answer] = t.hops;
    const server = query!.to.slice('pod:'.length);
    const serverIP = query!.rewrites[0]!.after.ip;
    expect(words(t)[0]).toBe('The pod sends a DNS query over UDP to 10.96.0.10:53, the nameserver in its resolv.conf (the kube-dns Service\'s ClusterIP), '
      + `asking for the address of "web", which its search path turns into web.default.svc.cluster.local. kube-proxy's rules on ${query!.node} DNAT it to the CoreDNS pod ${server} (${serverIP}:53), as they do for any Service.`);
    expect(answer!.packet.src).toEqual({ ip: '10.96.0.10', port: 53 });
    expect(words(t)[1]).toBe(`CoreDNS (${server}) answers from the cluster's Services and pods. The answer is 10.96.0.50. `
      + 'conntrack undoes the DNAT on the way back, so the answer comes from 10.96.0.10:53, the address the pod asked. The application\'s connection is a new packet.');
  });

  it('says a public name is forwarded upstream, whose address the explainer cannot know', () => {
    const t = trace(c, { from: fromPod, to: { host: 'example.com', port: 443 } });
    expect(t.hops[1]!.explanation.params).toMatchObject({ answeredBy: 'upstream', external: true });
    expect(words(t)[1]).toContain('forwards this name to the upstream resolver');
    expect(words(t)[1]).toContain('Upstream DNS answers with the name\'s public address, which the explainer cannot know.');
  });

  it('words NOERROR with no data as the client\'s own error, not as NXDOMAIN', () => {
    const t = trace(c, { from: fromPod, to: { host: 'svc.cluster.local', port: 80 } });
    expect(t.outcome).toBe('nodata');
    expect(words(t)[1]).toContain('The name exists, but has no A record: the answer is NOERROR with no data.');
    const summary = describeReason(t.reason!).summary;
    expect(summary).toContain('"svc.cluster.local" exists in cluster DNS but has no A record');
    expect(summary).not.toContain('NXDOMAIN');
  });

  it('NXDOMAIN lists the names the search path tried', () => {
    const t = trace(c, { from: fromPod, to: { host: 'nope', port: 80 } });
    expect(describeReason(t.reason!).summary).toBe('Cluster DNS has no record for "nope": it tried nope.default.svc.cluster.local, nope.svc.cluster.local, '
      + 'nope.cluster.local and nope, following the pod\'s search path for namespace default, and every answer was NXDOMAIN.');
  });
});

describe('hopLayerLabel', () => {
  it('names the public DNS a client outside asks apart from cluster DNS', () => {
    expect(hopLayerLabel({ layer: 'dns', explanation: { key: 'hop.dns.public', params: {} } })).toBe('Public DNS');
    expect(hopLayerLabel({ layer: 'dns', explanation: { key: 'hop.dns.query', params: {} } })).toBe('Cluster DNS');
  });
});
