/**
 * The wording of traces in kube-proxy's nftables mode: each difference from iptables mode names
 * the nft chain or set that decided and says what the other mode does with the same packet.
 */
import { describe, expect, it } from 'vitest';
import { sendMany } from '../../model/spread';
import { CLUSTER_IP, N1, WEB_NODE_PORTS, baseCluster, webCluster } from '../../model/trace/testClusters';
import { trace } from '../../model/trace/trace';
import { hopLabel } from '../hopLabel';
import { describeReason } from '../reasonWording';
import { describeMessage } from '../traceWording';

const NFT = { kubeProxyMode: 'nftables' };
const clientPod = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const laptop = { kind: 'client', name: 'laptop' } as const;

describe('nftables-mode wording', () => {
  const web = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS }, NFT);

  it('ClusterIP:nodePort: rejected by cluster-ips-check, and lost in iptables mode', () => {
    const t = trace(web, { from: clientPod, to: { host: CLUSTER_IP, port: 30080 } });
    const words = describeReason(t.reason!);
    expect(words.summary).toContain('cluster-ips-check');
    expect(words.summary).toContain('connection refused');
    expect(words.summary).toContain('In iptables mode no rule would match');
    const hop = t.hops.at(-1)!;
    expect(describeMessage(hop.explanation)).toContain('the cluster-ips-check chain rejects it');
    expect(hopLabel(hop).action).toBe('kube-proxy rejects it (cluster-ips-check)');
  });

  it('NodeIP:nodePort: names nodeport-ips as where nftables mode takes nodePorts', () => {
    const t = trace(web, { from: laptop, to: { host: N1, port: 30080 } });
    expect(describeMessage(t.hops[0]!.explanation)).toContain('only the addresses in its nodeport-ips set');
  });

  it('localhost NodePort: no rule in nftables mode, accepted in iptables mode', () => {
    const t = trace(web, { from: { kind: 'node', name: 'worker-1' }, to: { host: '127.0.0.1', port: 30080 } });
    const words = describeReason(t.reason!);
    expect(words.summary).toContain('never on 127.0.0.1');
    expect(words.summary).toContain('In iptables mode kube-proxy would accept');
    expect(words.fix).toBe('Use the node\'s own address: <NodeIP>:30080.');
  });

  it('no endpoints: names the no-endpoint map of the path taken', () => {
    const empty = baseCluster(NFT).service('web', { type: 'NodePort', clusterIP: CLUSTER_IP, ports: WEB_NODE_PORTS, selector: { app: 'none' } }).build();
    const viaNodePort = describeReason(trace(empty, { from: laptop, to: { host: N1, port: 30080 } }).reason!).summary;
    expect(viaNodePort).toContain('no-endpoint-nodeports');
    expect(viaNodePort).toContain('iptables mode rejects it too');
    expect(describeReason(trace(empty, { from: clientPod, to: { host: CLUSTER_IP, port: 80 } }).reason!).summary).toContain('no-endpoint-services');
  });

  it('affinity and the random choice name nftables\' own mechanisms, not iptables\'', () => {
    const sticky = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS, sessionAffinity: 'ClientIP' }, NFT);
    const dnat = trace(sticky, { from: laptop, to: { host: N1, port: 30080 } }).hops.find((h) => h.explanation.key === 'hop.service.dnat')!;
    expect(describeMessage(dnat.explanation)).toContain('nftables affinity-… set');
    expect(describeMessage(dnat.explanation)).not.toContain('-m recent');
    const random = trace(web, { from: laptop, to: { host: N1, port: 30080 } }).hops.find((h) => h.explanation.key === 'hop.service.dnat')!;
    expect(describeMessage(random.explanation)).toContain('numgen random mod');
    const lb = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, sessionAffinity: 'ClientIP' }, NFT);
    const spread = sendMany(lb, { from: { kind: 'client', name: 'browser' }, to: { host: 'lb:default/web', port: 80 } }, 40);
    expect(describeMessage(spread.note!)).toContain('(an nftables affinity-… set)');
  });
});
