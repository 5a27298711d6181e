import { describe, expect, it } from 'vitest';
import { iptablesSave, nodeVerdict } from '../kubeproxy';
import { CLIENT_POD_IP, CLUSTER_IP, N1, WEB_A_IP, WEB_B_IP, baseCluster, webCluster } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const fromClient = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const route = (t: Trace) => t.hops.map((h) => `${h.from} -> ${h.to} [${h.layer}]`);

describe('pod → ClusterIP:port', () => {
  const cluster = webCluster();

  it('DNATs on the client pod\'s own node and delivers to a pod on the same node', () => {
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 80 } }, { pick: { 'default/web:http': 'web-a' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual([
      'pod:default/client -> svc:default/web [cluster-ip]',
      'svc:default/web -> pod:default/web-a [pod]',
    ]);
    expect(t.hops[0]!.packet).toMatchObject({ src: { ip: CLIENT_POD_IP }, dst: { ip: CLUSTER_IP, port: 80 }, protocol: 'TCP' });
    expect(t.hops[0]!.node).toBe('worker-1');
    const dnat = t.hops[1]!.rewrites;
    expect(dnat).toHaveLength(1); // pod traffic (-s in the cluster CIDR) is not masqueraded
    expect(dnat[0]).toMatchObject({ kind: 'DNAT', node: 'worker-1', before: { ip: CLUSTER_IP, port: 80 }, after: { ip: WEB_A_IP, port: 8080 } });
    expect(dnat[0]!.rules[1]).toMatch(/^-A KUBE-SERVICES -m comment --comment "default\/web:http cluster IP" -m tcp -p tcp -d 10\.96\.0\.50 --dport 80 -j KUBE-SVC-/);
    expect(dnat[0]!.rules.at(-1)).toMatch(/-j DNAT --to-destination 10\.244\.0\.3:8080$/);
    expect(t.hops[1]!.packet).toMatchObject({ src: { ip: CLIENT_POD_IP }, dst: { ip: WEB_A_IP, port: 8080 } });
    expect(t.endpoint).toEqual({ podNamespace: 'default', podName: 'web-a', ip: WEB_A_IP, port: 8080 });
    expect(t.service).toEqual({ namespace: 'default', name: 'web', portName: 'http', port: 80 });
  });

  it('uses exactly the rules iptablesSave prints and nodeVerdict reports on that node', () => {
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 80 } });
    const saved = iptablesSave(cluster, 'worker-1');
    const rules = t.hops.flatMap((h) => h.rewrites.flatMap((r) => r.rules)).filter((r) => !r.startsWith('-A PREROUTING') && !r.startsWith('-A POSTROUTING'));
    for (const rule of rules) expect(saved).toContain(rule);
    const verdict = nodeVerdict(cluster, 'worker-1', { sourceIP: CLIENT_POD_IP, destIP: CLUSTER_IP, destPort: 80, protocol: 'TCP' });
    expect(verdict.output).toBe(`${WEB_A_IP}:8080, ${WEB_B_IP}:8080`);
    expect(verdict.output).toContain(`${t.endpoint!.ip}:${t.endpoint!.port}`);
  });

  it('crosses the pod network to a pod on another node', () => {
    const t = trace(cluster, { from: fromClient, to: { host: CLUSTER_IP, port: 80 } }, { pick: { 'default/web:http': `${WEB_B_IP}:8080` } });
    expect(route(t)).toEqual([
      'pod:default/client -> svc:default/web [cluster-ip]',
      'svc:default/web -> node:worker-2 [pod-network]',
      'node:worker-2 -> pod:default/web-b [pod]',
    ]);
    expect(t.hops[1]!.node).toBe('worker-1'); // DNAT happened on the client's node
    expect(t.hops[2]!.packet.dst).toEqual({ ip: WEB_B_IP, port: 8080 });
    expect(t.reply!.arrives).toMatchObject({ src: { ip: CLUSTER_IP, port: 80 }, dst: { ip: CLIENT_POD_IP } });
  });

  it('looks a name up in cluster DNS first, as its own hop', () => {
    const t = trace(cluster, { from: fromClient, to: { host: 'web', port: 80 } });
    expect(t.outcome).toBe('delivered');
    const [query, answer] = t.hops;
    expect(query).toMatchObject({ from: 'pod:default/client', layer: 'dns' });
    expect(query!.to).toMatch(/^pod:kube-system\/coredns-/);
    // Sent to the kube-dns ClusterIP; kube-proxy DNATs it to the CoreDNS pod.
    expect(query!.rewrites[0]).toMatchObject({ kind: 'DNAT', before: { ip: '10.96.0.10', port: 53 } });
    expect(query!.packet).toMatchObject({ src: { ip: CLIENT_POD_IP }, dst: { port: 53 }, protocol: 'UDP' });
    expect(answer!.packet).toMatchObject({ src: { ip: '10.96.0.10', port: 53 }, dst: { ip: CLIENT_POD_IP }, protocol: 'UDP' });
    expect(answer!.dns).toMatchObject({ resolvedName: 'web.default.svc.cluster.local.', answers: [{ type: 'A', value: CLUSTER_IP }] });
    expect(t.hops[2]).toMatchObject({ from: 'pod:default/client', to: 'svc:default/web' });
    for (const host of ['web.default', 'web.default.svc.cluster.local']) {
      expect(trace(cluster, { from: fromClient, to: { host, port: 80 } }).outcome).toBe('delivered');
    }
  });

  it('chooses deterministically: same seed same endpoint, every endpoint over seeds', () => {
    const req = { from: fromClient, to: { host: CLUSTER_IP, port: 80 } };
    expect(trace(cluster, req, { seed: 7 })).toEqual(trace(cluster, req, { seed: 7 }));
    const seen = new Set(Array.from({ length: 40 }, (_, seed) => trace(cluster, req, { seed }).endpoint!.podName));
    expect(seen).toEqual(new Set(['web-a', 'web-b']));
  });

  it('keeps a client on one endpoint with sessionAffinity ClientIP', () => {
    const sticky = webCluster({ sessionAffinity: 'ClientIP' });
    const req = { from: fromClient, to: { host: CLUSTER_IP, port: 80 } };
    const picks = new Set(Array.from({ length: 20 }, (_, seed) => trace(sticky, req, { seed }).endpoint!.podName));
    expect(picks.size).toBe(1);
    const t = trace(sticky, req);
    expect(t.hops[1]!.explanation.params.method).toBe('affinity');
    expect(t.hops[1]!.rewrites[0]!.rules.at(-1)).toMatch(/-m recent --name KUBE-SEP-\w+ --set -m tcp -p tcp -j DNAT/);
  });

  it('masquerades hairpin traffic: a pod reaching itself through its Service (source: the bridge)', () => {
    const t = trace(cluster, { from: { kind: 'pod', namespace: 'default', name: 'web-a' }, to: { host: CLUSTER_IP, port: 80 } }, { pick: { 'default/web': 'web-a' } });
    const [dnat, snat] = t.hops[1]!.rewrites;
    expect(dnat!.after).toEqual({ ip: WEB_A_IP, port: 8080 });
    expect(snat).toMatchObject({ kind: 'SNAT', masquerade: true, before: { ip: WEB_A_IP }, after: { ip: '10.244.0.1' } });
    expect(snat!.rules[0]).toMatch(/^-A KUBE-SEP-\w+ -m comment --comment default\/web:http -s 10\.244\.0\.3 -j KUBE-MARK-MASQ$/);
  });

  it('masquerades a node\'s own request to a ClusterIP (its source is not in the cluster CIDR)', () => {
    const t = trace(cluster, { from: { kind: 'node', name: 'worker-1' }, to: { host: CLUSTER_IP, port: 80 } }, { pick: { 'default/web:http': 'web-b' } });
    expect(t.outcome).toBe('delivered');
    const snat = t.hops[1]!.rewrites[1]!;
    expect(snat).toMatchObject({ kind: 'SNAT', before: { ip: N1 }, after: { ip: N1 } });
    expect(snat.rules[0]).toMatch(/-d 10\.96\.0\.50 --dport 80 ! -s 10\.244\.0\.0\/16 -j KUBE-MARK-MASQ$/);
  });
});

describe('headless and ExternalName', () => {
  it('headless: DNS returns pod IPs and the client connects to one directly, with no DNAT', () => {
    const cluster = baseCluster().service('web', { clusterIP: 'None' }).build();
    const t = trace(cluster, { from: fromClient, to: { host: 'web', port: 8080 } }, { pick: { 'dns:default/web': 'web-b' } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.dns!.answers.map((a) => a.value).sort()).toEqual([WEB_A_IP, WEB_B_IP].sort());
    const dnsServer = t.hops[0]!.to;
    expect(dnsServer).toMatch(/^pod:kube-system\/coredns-/);
    expect(route(t)).toEqual([
      `pod:default/client -> ${dnsServer} [dns]`,
      `${dnsServer} -> pod:default/client [dns]`,
      'pod:default/client -> node:worker-2 [pod-network]',
      'node:worker-2 -> pod:default/web-b [pod]',
    ]);
    // The connection to the pod IP is not translated; only the DNS query was (to CoreDNS).
    expect(t.hops.filter((h) => h.layer !== 'dns').every((h) => h.rewrites.length === 0)).toBe(true);
    expect(t.endpoint).toMatchObject({ ip: WEB_B_IP, port: 8080 });
  });

  it('ExternalName: a CNAME from cluster DNS, then straight out to the external host; no proxying, only the node\'s masquerade', () => {
    const cluster = baseCluster().service('api', { type: 'ExternalName', externalName: 'api.example.com', selector: undefined, ports: [] }).build();
    const t = trace(cluster, { from: fromClient, to: { host: 'api', port: 443 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]).toMatchObject({ layer: 'dns', explanation: { key: 'hop.dns.query' } });
    expect(t.hops[1]).toMatchObject({ to: 'pod:default/client', layer: 'dns', docsLayer: 'ExternalName', explanation: { key: 'hop.dns.cname', params: { target: 'api.example.com' } } });
    expect(t.hops[1]!.dns!.answers).toEqual([{ type: 'CNAME', value: 'api.example.com.' }]);
    expect(t.hops[2]).toMatchObject({ from: 'pod:default/client', to: 'external:api.example.com' });
    expect(t.hops[2]!.rewrites).toMatchObject([{ kind: 'SNAT', by: 'node-masquerade', before: { ip: CLIENT_POD_IP }, after: { ip: N1 } }]);
    expect(t.hops[2]!.packet).toMatchObject({ src: { ip: N1 }, dst: { ip: 'api.example.com', port: 443 } });
  });
});
