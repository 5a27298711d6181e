/**
 * The trace in kube-proxy's nftables mode (settings.kubeProxyMode), one case per way the issue
 * lists the modes to differ or to need their own rules: each stops or passes at the hop a real node
 * would, names the nft rules that did it (lines of the node's `nft list ruleset`), and the same
 * request in iptables mode is traced beside it. Expectations follow pkg/proxy/nftables/proxier.go
 * (setupNFTables, syncProxyRules, writeServiceToEndpointRules).
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { nftablesRulesFor, nftListRuleset } from '../kubeproxy/nftables';
import { CLIENT_POD_IP, CLUSTER_IP, LAPTOP, N1, N3, WEB_A_IP, WEB_NODE_PORTS, baseCluster, webCluster } from './testClusters';
import { trace } from './trace';
import type { Hop, Rewrite, Trace, TraceRequest } from './types';

const clientPod = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const laptop = { kind: 'client', name: 'laptop' } as const;
const NFT = { kubeProxyMode: 'nftables' };

/** The same cluster in the other mode (a new object: the trace caches per cluster). */
const inMode = (c: Cluster, mode: 'iptables' | 'nftables'): Cluster => ({ ...c, settings: { ...c.settings, kubeProxyMode: mode } });

const lines = (c: Cluster, node: string): string[] => nftListRuleset(c, node).split('\n').map((l) => l.trim());

/** Every rule a rewrite or filter names is a rule line kube-proxy wrote on its node, and its id is that rule's. */
function expectNftRules(c: Cluster, shown: Pick<Rewrite, 'rules' | 'nftRuleIds'> & { node?: string }) {
  const node = shown.node!;
  const printed = lines(c, node);
  for (const rule of shown.rules) expect(printed).toContain(rule);
  const byId = new Map(nftablesRulesFor(c, node).chains.flatMap((ch) => ch.rules).map((r) => [r.id, r]));
  expect(shown.nftRuleIds).toHaveLength(shown.rules.length);
  for (const id of shown.nftRuleIds ?? []) expect(byId.has(id)).toBe(true);
}

const kubeProxyRewrites = (t: Trace): Rewrite[] => t.hops.flatMap((h) => h.rewrites).filter((r) => r.by === 'kube-proxy');
const filterHop = (t: Trace): Hop => t.hops.find((h) => h.filter !== undefined)!;
const summaryOf = (t: Trace) => ({ outcome: t.outcome, endpoint: t.endpoint, service: t.service, hops: t.hops.map((h) => [h.to, h.explanation.key]) });

describe('nftables mode: what differs from iptables mode', () => {
  const web = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS }, NFT);
  const toClusterIPNodePort: TraceRequest = { from: clientPod, to: { host: CLUSTER_IP, port: 30080 } };

  it('ClusterIP on a port the Service lacks: rejected by cluster-ips-check (iptables mode: lost on the default route)', () => {
    const t = trace(web, toClusterIPNodePort);
    expect(t.outcome).toBe('refused');
    expect(t.reason?.key).toBe('reason.kubeProxy.invalidClusterIPPort');
    const hop = filterHop(t);
    expect(hop.explanation.key).toBe('hop.kubeProxy.filter');
    expect(hop.filter).toMatchObject({ verdict: 'reject', node: 'worker-1', proxyMode: 'nftables' });
    expect(hop.filter!.chains).toEqual(['filter-prerouting-pre-dnat', 'firewall-check', 'nat-prerouting', 'services', 'filter-forward', 'cluster-ips-check'].filter((c) => hop.filter!.chains.includes(c)));
    expect(hop.filter!.rules.at(-1)).toBe('ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"');
    expectNftRules(web, hop.filter!);

    const iptables = trace(inMode(web, 'iptables'), toClusterIPNodePort);
    expect([iptables.outcome, iptables.reason?.key]).toEqual(['dropped', 'reason.clusterIP.noSuchPort']);
  });

  it('an unallocated address in the Service CIDR: dropped by cluster-ips-check', () => {
    const request: TraceRequest = { from: clientPod, to: { host: '10.96.0.99', port: 80 } };
    const t = trace(web, request);
    expect([t.outcome, t.reason?.key]).toEqual(['dropped', 'reason.kubeProxy.unallocatedClusterIP']);
    expect(filterHop(t).filter!.verdict).toBe('drop');
    expect(t.reason!.params.rule).toMatch(/^ip daddr .*10\.96\.0\.0\/12.* drop comment "Drop traffic to unallocated ClusterIPs"$/);
    expect(trace(inMode(web, 'iptables'), request).reason?.key).toBe('reason.clusterIP.unallocated');
  });

  it('NodePorts on the node\'s own address are DNATed, on 127.0.0.1 refused (iptables mode accepts localhost)', () => {
    const viaNode = trace(web, { from: laptop, to: { host: N1, port: 30080 } });
    expect(viaNode.outcome).toBe('delivered');
    const [dnat] = kubeProxyRewrites(viaNode);
    expect(dnat!.rules).toContain('ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports');
    expectNftRules(web, dnat!);

    const localhost: TraceRequest = { from: { kind: 'node', name: 'worker-1' }, to: { host: '127.0.0.1', port: 30080 } };
    const t = trace(web, localhost);
    expect([t.outcome, t.reason?.key]).toEqual(['refused', 'reason.kubeProxy.localhostNodePort']);
    expect(trace(inMode(web, 'iptables'), localhost).outcome).toBe('delivered');
  });

  it('no endpoints: rejected through no-endpoint-services and no-endpoint-nodeports', () => {
    const empty = baseCluster(NFT).service('web', { type: 'NodePort', clusterIP: CLUSTER_IP, ports: WEB_NODE_PORTS, selector: { app: 'none' } }).build();
    const viaClusterIP = trace(empty, { from: clientPod, to: { host: CLUSTER_IP, port: 80 } });
    expect(viaClusterIP.outcome).toBe('refused');
    expect(viaClusterIP.reason).toMatchObject({ key: 'reason.kubeProxy.noEndpoints', params: { proxyMode: 'nftables', chain: 'service-endpoints-check' } });
    const hop = filterHop(viaClusterIP);
    expect(hop.explanation.key).toBe('hop.service.capture');
    expect(hop.filter!.rules.slice(-2)).toEqual(['ip daddr . meta l4proto . th dport vmap @no-endpoint-services', 'reject']);
    expectNftRules(empty, hop.filter!);

    const viaNodePort = trace(empty, { from: laptop, to: { host: N1, port: 30080 } });
    expect(viaNodePort.reason).toMatchObject({ key: 'reason.kubeProxy.noEndpoints', params: { chain: 'nodeport-endpoints-check' } });
    expect(filterHop(viaNodePort).filter!.rules).toContain('ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports');
  });

  it('loadBalancerSourceRanges: a source outside them dropped through firewall-ips', () => {
    const c = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, loadBalancerSourceRanges: ['203.0.113.0/24'] }, NFT);
    const lbIP = c.services[0]!.status.loadBalancer.ingress![0]!.ip!;
    const t = trace(c, { from: clientPod, to: { host: lbIP, port: 80 } });
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.sourceRange', params: { clientIP: CLIENT_POD_IP, proxyMode: 'nftables' } });
    const hop = filterHop(t);
    expect(hop.filter!.rules).toContain('ip daddr . meta l4proto . th dport vmap @firewall-ips');
    expect(hop.filter!.chains.some((ch) => ch.startsWith('firewall-') && ch !== 'firewall-check')).toBe(true);
    expectNftRules(c, hop.filter!);
  });

  it('masquerade through the mark: external NodePort traffic is marked, then masqueraded fully-random on the way out', () => {
    const t = trace(web, { from: laptop, to: { host: N3, port: 30080 } });
    expect(t.outcome).toBe('delivered');
    const [dnat, snat] = kubeProxyRewrites(t);
    expect(dnat!.proxyMode).toBe('nftables');
    expect(snat).toMatchObject({ kind: 'SNAT', masquerade: true, before: { ip: LAPTOP }, after: { ip: N3 }, proxyMode: 'nftables' });
    expect(snat!.rules).toEqual(['jump mark-for-masquerade', 'meta mark set meta mark | 0x00004000', 'jump masquerading', 'meta mark set meta mark ^ 0x00004000', 'masquerade fully-random']);
    expect(snat!.chains).toEqual(expect.arrayContaining(['mark-for-masquerade', 'nat-postrouting', 'masquerading']));
    expectNftRules(web, snat!);
    // A pod's ClusterIP traffic is not marked.
    expect(kubeProxyRewrites(trace(web, { from: clientPod, to: { host: CLUSTER_IP, port: 80 } }))).toHaveLength(1);
  });

  it('session affinity: a client stays on one endpoint, remembered in its affinity set', () => {
    const c = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS, sessionAffinity: 'ClientIP' }, NFT);
    const picks = [1, 2, 3, 4, 5].map((seed) => trace(c, { from: laptop, to: { host: N1, port: 30080 } }, { seed }));
    expect(new Set(picks.map((t) => t.endpoint?.ip)).size).toBe(1);
    const dnat = picks[0]!.hops.find((h) => h.explanation.key === 'hop.service.dnat')!;
    expect(dnat.explanation.params).toMatchObject({ method: 'affinity', proxyMode: 'nftables' });
    expect(dnat.rewrites[0]!.rules.some((r) => /^update @affinity-\S+ \{ ip saddr \}$/.test(r))).toBe(true);
  });

  it('externalTrafficPolicy Local: to the local pod unmasqueraded; dropped through no-endpoint-nodeports on a node without one', () => {
    const c = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' }, NFT);
    const local = trace(c, { from: laptop, to: { host: N1, port: 30080 } });
    expect(local.endpoint?.ip).toBe(WEB_A_IP);
    const rewrites = kubeProxyRewrites(local);
    expect(rewrites).toHaveLength(1);
    expect(rewrites[0]!.chains.some((ch) => ch.startsWith('local-'))).toBe(true);
    expectNftRules(c, rewrites[0]!);

    const none = trace(c, { from: laptop, to: { host: N3, port: 30080 } });
    expect(none.reason).toMatchObject({ key: 'reason.kubeProxy.noLocalEndpoints', params: { policy: 'externalTrafficPolicy', node: 'worker-3', chain: 'nodeport-endpoints-check' } });
    expect(filterHop(none).filter!.verdict).toBe('drop');
  });

  it('internalTrafficPolicy Local: dropped through no-endpoint-services on a node without a local pod', () => {
    const c = baseCluster(NFT).pod('client-3', { app: 'client' }, { node: 'worker-3', podIP: '10.244.2.5', ready: true })
      .service('web', { clusterIP: CLUSTER_IP, internalTrafficPolicy: 'Local' }).build();
    const t = trace(c, { from: { kind: 'pod', namespace: 'default', name: 'client-3' }, to: { host: CLUSTER_IP, port: 80 } });
    expect(t.reason).toMatchObject({ key: 'reason.kubeProxy.noLocalEndpoints', params: { policy: 'internalTrafficPolicy', chain: 'service-endpoints-check' } });
    expect(trace(c, { from: clientPod, to: { host: CLUSTER_IP, port: 80 } }).endpoint?.ip).toBe(WEB_A_IP);
  });

  it('terminating endpoints: used when a Service has no ready one, in both modes alike', () => {
    const c = baseCluster(NFT).pod('old', { app: 'old' }, { node: 'worker-2', podIP: '10.244.1.9', ready: true, terminating: true })
      .service('old', { clusterIP: '10.96.0.60', selector: { app: 'old' } }).build();
    const request: TraceRequest = { from: clientPod, to: { host: '10.96.0.60', port: 80 } };
    const t = trace(c, request);
    expect(t.endpoint?.ip).toBe('10.244.1.9');
    expectNftRules(c, kubeProxyRewrites(t)[0]!);
    expect(trace(inMode(c, 'iptables'), request).endpoint).toEqual(t.endpoint);
  });

  it('a healthCheckNodePort reaches kube-proxy\'s health check server with no rule (iptables mode: a filter ACCEPT)', () => {
    const c = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' }, NFT);
    const port = c.services[0]!.spec.healthCheckNodePort!;
    const request: TraceRequest = { from: laptop, to: { host: N3, port } };
    const t = trace(c, request);
    expect(t.outcome).toBe('delivered');
    expect(t.hops.at(-1)!.explanation).toMatchObject({ key: 'hop.node.healthCheck', params: { node: 'worker-3', port, service: 'default/web' } });
    expect(lines(c, 'worker-3').some((l) => l.includes(String(port)))).toBe(false);
    const iptables = trace(inMode(c, 'iptables'), request);
    expect(summaryOf(t)).toEqual(summaryOf(iptables));
    // From a pod on worker-1, the packet passes through worker-1 (iptables' ACCEPT is in INPUT only) to worker-3.
    for (const mode of ['iptables', 'nftables'] as const) {
      const fromPod = trace(inMode(c, mode), { from: clientPod, to: { host: N3, port } });
      expect(fromPod.hops.at(-1)!.explanation.params.node, mode).toBe('worker-3');
    }
  });

  it('a node\'s own process goes through the output hooks', () => {
    const t = trace(web, { from: { kind: 'node', name: 'worker-1' }, to: { host: CLUSTER_IP, port: 80 } });
    const [dnat, snat] = kubeProxyRewrites(t);
    expect(dnat!.chains.slice(0, 2)).toEqual(['filter-output-pre-dnat', 'nat-output']);
    // From outside the pod network, ClusterIP traffic is marked for masquerade.
    expect(snat?.masquerade).toBe(true);
  });
});
