import { describe, expect, it } from 'vitest';
import { INTERNET_CLIENT, LAPTOP, N1, N3, WEB_A_IP, WEB_NODE_PORTS, webCluster } from './testClusters';
import { trace } from './trace';
import type { Trace } from './types';

const laptop = { kind: 'client', name: 'laptop' } as const;
const browser = { kind: 'client', name: 'browser' } as const;
const route = (t: Trace) => t.hops.map((h) => `${h.from} -> ${h.to} [${h.layer}]`);

describe('LAN host → NodeIP:nodePort', () => {
  const cluster = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });

  it('on a node without the pod: DNAT and masquerade to the node IP, then across to the pod', () => {
    const t = trace(cluster, { from: laptop, to: { host: N3, port: 30080 } }, { pick: { 'default/web:http': 'web-a' } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual([
      'client:laptop -> node:worker-3 [node-port]',
      'node:worker-3 -> svc:default/web [node-port]',
      'svc:default/web -> node:worker-1 [pod-network]',
      'node:worker-1 -> pod:default/web-a [pod]',
    ]);
    expect(t.hops[0]!.packet).toMatchObject({ src: { ip: LAPTOP }, dst: { ip: N3, port: 30080 } });
    const [dnat, snat] = t.hops[2]!.rewrites;
    expect(dnat).toMatchObject({ kind: 'DNAT', node: 'worker-3', before: { ip: N3, port: 30080 }, after: { ip: WEB_A_IP, port: 8080 } });
    expect(dnat!.rules).toContain('-A KUBE-NODEPORTS -m comment --comment default/web:http -m tcp -p tcp --dport 30080 -j ' + dnat!.chains[3]);
    expect(snat).toMatchObject({ kind: 'SNAT', masquerade: true, before: { ip: LAPTOP }, after: { ip: N3 } });
    expect(snat!.rules).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
    expect(t.hops[3]!.packet.src.ip).toBe(N3);
    // The reply goes back to worker-3 (its IP is the destination), which un-NATs it.
    expect(t.reply!.leaves.dst.ip).toBe(N3);
    expect(t.reply!.arrives).toMatchObject({ src: { ip: N3, port: 30080 }, dst: { ip: LAPTOP } });
  });

  it('externalTrafficPolicy Local: dropped on a node without a local endpoint', () => {
    const local = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' });
    const t = trace(local, { from: laptop, to: { host: N3, port: 30080 } });
    expect(t.outcome).toBe('dropped');
    expect(t.hops.at(-1)).toMatchObject({ from: 'node:worker-3', to: 'svc:default/web', node: 'worker-3' });
    expect(t.reason).toMatchObject({
      key: 'reason.kubeProxy.noLocalEndpoints',
      params: {
        node: 'worker-3', policy: 'externalTrafficPolicy',
        rule: '-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP',
      },
    });
  });

  it('externalTrafficPolicy Local: delivered with the client IP preserved on a node with a local endpoint', () => {
    const local = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' });
    const t = trace(local, { from: laptop, to: { host: N1, port: 30080 } });
    expect(t.outcome).toBe('delivered');
    expect(route(t)).toEqual([
      'client:laptop -> node:worker-1 [node-port]',
      'node:worker-1 -> svc:default/web [node-port]',
      'svc:default/web -> pod:default/web-a [pod]',
    ]);
    expect(t.hops[2]!.rewrites.map((r) => r.kind)).toEqual(['DNAT']);
    expect(t.hops[2]!.packet.src.ip).toBe(LAPTOP);
    expect(t.hops[2]!.rewrites[0]!.chains.some((c) => c.startsWith('KUBE-SVL-'))).toBe(true);
  });

  it('NodeIP:port (the Service port instead of the nodePort): no rule, nothing listens, the node answers RST', () => {
    const t = trace(cluster, { from: laptop, to: { host: N3, port: 80 } });
    expect(t.outcome).toBe('refused');
    expect(route(t)).toEqual(['client:laptop -> node:worker-3 [node-port]']);
    expect(t.reason).toEqual({
      key: 'reason.node.nothingListening',
      params: { node: 'worker-3', ip: N3, port: 80, protocol: 'TCP', service: 'default/web', nodePort: 30080 },
    });
  });
});

describe('internet → NodeIP:nodePort', () => {
  it('nodes on a private subnet: no route from the internet (the LAN works, above)', () => {
    const cluster = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS });
    const t = trace(cluster, { from: browser, to: { host: N3, port: 30080 } });
    expect(t).toMatchObject({ outcome: 'no-route', hops: [], reason: { key: 'reason.route.privateNodeFromInternet', params: { ip: N3, node: 'worker-3' } } });
  });

  it('public nodes: the ExternalIP is NATed 1:1 to the InternalIP by the cloud, then as from the LAN', () => {
    const cluster = webCluster({ type: 'NodePort', ports: WEB_NODE_PORTS }, { nodesPublic: true });
    const node = cluster.nodes[2]!;
    const externalIP = node.status.addresses.find((a) => a.type === 'ExternalIP')!.address;
    const t = trace(cluster, { from: browser, to: { host: externalIP, port: 30080 } });
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]).toMatchObject({ to: 'node:worker-3', rewrites: [{ kind: 'DNAT', by: 'cloud-nat', before: { ip: externalIP }, after: { ip: N3, port: 30080 } }] });
    expect(t.hops.at(-1)!.packet.src.ip).toBe(N3);
    expect(t.reply!.arrives).toMatchObject({ src: { ip: externalIP, port: 30080 }, dst: { ip: INTERNET_CLIENT } });
  });
});
