import { describe, expect, it } from 'vitest';
import { CLIENT_POD_IP, N1, N2, baseCluster } from './testClusters';
import { trace } from './trace';

const fromClient = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const toInternet = { host: '93.184.215.14', port: 443 };

describe('pod traffic leaving the cluster', () => {
  it('is masqueraded to its node\'s IP by default, and the reply is undone on that node', () => {
    const t = trace(baseCluster().build(), { from: fromClient, to: toInternet });
    expect(t.outcome).toBe('delivered');
    const leave = t.hops.at(-1)!;
    expect(leave).toMatchObject({ from: 'pod:default/client', to: 'external:93.184.215.14', node: 'worker-1' });
    expect(leave.rewrites).toEqual([{
      kind: 'SNAT', masquerade: true, before: { ip: CLIENT_POD_IP, port: leave.packet.src.port }, after: { ip: N1, port: leave.packet.src.port },
      by: 'node-masquerade', node: 'worker-1', chains: [], rules: [],
    }]);
    expect(leave.packet).toMatchObject({ src: { ip: N1 }, dst: { ip: '93.184.215.14', port: 443 } });
    expect(leave.explanation).toEqual({
      key: 'hop.external.leave',
      params: { host: '93.184.215.14', port: 443, node: 'worker-1', masquerade: 'node', podIP: CLIENT_POD_IP, nodeIP: N1 },
    });
    // The internet host answers the node; conntrack on worker-1 gives the reply back to the pod.
    expect(t.reply!.leaves).toMatchObject({ src: { ip: '93.184.215.14', port: 443 }, dst: { ip: N1 } });
    expect(t.reply!.arrives.dst.ip).toBe(CLIENT_POD_IP);
    expect(t.reply!.reversed.map((r) => [r.by, r.node])).toEqual([['node-masquerade', 'worker-1']]);
  });

  it('keeps the pod IP when masquerading is turned off, and says the outside host must route the pod CIDR back', () => {
    const t = trace(baseCluster({ masqueradeOutgoing: false }).build(), { from: fromClient, to: toInternet });
    const leave = t.hops.at(-1)!;
    expect(leave.rewrites).toEqual([]);
    expect(leave.packet.src.ip).toBe(CLIENT_POD_IP);
    expect(leave.explanation.params).toMatchObject({ masquerade: 'disabled', podIP: CLIENT_POD_IP });
  });

  it('keeps the pod IP toward a nonMasqueradeCIDRs range (ip-masq-agent), and masquerades everything else', () => {
    const cluster = baseCluster({ nonMasqueradeCIDRs: ['172.16.0.0/12'] }).build();
    const vpc = trace(cluster, { from: fromClient, to: { host: '172.20.4.9', port: 5432 } });
    expect(vpc.hops.at(-1)!.rewrites).toEqual([]);
    expect(vpc.hops.at(-1)!.explanation.params).toMatchObject({ masquerade: 'exempt', cidr: '172.16.0.0/12', podIP: CLIENT_POD_IP });
    const out = trace(cluster, { from: fromClient, to: toInternet });
    expect(out.hops.at(-1)!.rewrites.map((r) => r.by)).toEqual(['node-masquerade']);
  });

  it('never masquerades inside the cluster: pod to another node\'s IP keeps the pod IP', () => {
    const t = trace(baseCluster().build(), { from: fromClient, to: { host: N2, port: 10250 } });
    expect(t.hops.flatMap((h) => h.rewrites)).toEqual([]);
  });

  it('has nothing to masquerade for a node\'s own process: it already sends with the node\'s IP', () => {
    const t = trace(baseCluster().build(), { from: { kind: 'node', name: 'worker-2' }, to: toInternet });
    const leave = t.hops.at(-1)!;
    expect(leave.rewrites).toEqual([]);
    expect(leave.packet.src.ip).toBe(N2);
    expect(leave.explanation.params).toEqual({ host: '93.184.215.14', port: 443, node: 'worker-2' });
  });
});
