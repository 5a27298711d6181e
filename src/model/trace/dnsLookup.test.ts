import { describe, expect, it } from 'vitest';
import { cluster } from '../testing/clusterBuilder';
import { trace } from './trace';

const c = cluster().node('n1').node('n2')
  .pod('client', { app: 'client' }, { node: 'n1' })
  .pod('web-1', { app: 'web' }, { node: 'n2' })
  .service('web', { clusterIP: '10.96.100.10' })
  .build();
const from = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const client = c.pods.find((p) => p.metadata.name === 'client')!;
const coredns = c.pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');

describe('a DNS lookup from a pod', () => {
  it('is a UDP query to the kube-dns ClusterIP, DNATed by kube-proxy on the pod\'s node to a CoreDNS pod', () => {
    const t = trace(c, { from, to: { host: 'web', port: 80 } });
    expect(t.outcome).toBe('delivered');
    const [query, answer, next] = t.hops;
    const server = coredns.find((p) => `pod:kube-system/${p.metadata.name}` === query!.to)!;
    expect(server).toBeDefined();
    expect(query).toMatchObject({ from: 'pod:default/client', layer: 'dns', node: 'n1', explanation: { key: 'hop.dns.query' } });
    expect(query!.packet).toMatchObject({ src: { ip: client.status.podIP }, dst: { ip: server.status.podIP, port: 53 }, protocol: 'UDP' });
    const [dnat] = query!.rewrites;
    expect(dnat).toMatchObject({ kind: 'DNAT', by: 'kube-proxy', node: 'n1', before: { ip: '10.96.0.10', port: 53 }, after: { ip: server.status.podIP, port: 53 } });
    expect(dnat!.rules.some((r) => r.includes('"kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53'))).toBe(true);
    expect(query!.explanation.params).toMatchObject({
      name: 'web', nameserver: '10.96.0.10', server: `kube-system/${server.metadata.name}`, serverIP: server.status.podIP, node: 'n1', answer: ['10.96.100.10'],
    });

    // The answer comes back from the address the pod asked: conntrack reverses the DNAT.
    expect(answer).toMatchObject({ from: query!.to, to: 'pod:default/client', layer: 'dns', explanation: { key: 'hop.dns.answer' } });
    expect(answer!.packet).toEqual({ src: { ip: '10.96.0.10', port: 53 }, dst: { ip: client.status.podIP, port: query!.packet.src.port }, protocol: 'UDP' });
    expect(answer!.rewrites[0]).toMatchObject({ before: { ip: server.status.podIP, port: 53 }, after: { ip: '10.96.0.10', port: 53 } });
    expect(answer!.dns).toMatchObject({ question: 'web', qtype: 'A', rcode: 'NOERROR', resolvedName: 'web.default.svc.cluster.local.', answers: [{ type: 'A', value: '10.96.100.10' }] });

    // Then the application's own connection: a new TCP packet from another port, to the answer.
    expect(next).toMatchObject({ from: 'pod:default/client', to: 'svc:default/web', explanation: { key: 'hop.service.capture' } });
    expect(next!.packet.protocol).toBe('TCP');
    expect(next!.packet.dst).toEqual({ ip: '10.96.100.10', port: 80 });
    expect(next!.packet.src.port).not.toBe(query!.packet.src.port);
    expect(t.reply!.arrives.src).toEqual({ ip: '10.96.100.10', port: 80 });
  });

  it('stops with NXDOMAIN after the answer when no name of the search path exists', () => {
    const t = trace(c, { from, to: { host: 'nope', port: 80 } });
    expect(t.outcome).toBe('nxdomain');
    expect(t.hops.map((h) => h.explanation.key)).toEqual(['hop.dns.query', 'hop.dns.answer']);
    expect(t.hops[1]!.explanation.params.rcode).toBe('NXDOMAIN');
    expect(t.reason).toMatchObject({ key: 'reason.dns.nxdomain', params: { name: 'nope' } });
  });

  it('treats NOERROR with no data as its own failure: the name exists, the client gets no address', () => {
    const t = trace(c, { from, to: { host: 'svc.cluster.local', port: 80 } });
    expect(t.outcome).toBe('nodata');
    expect(t.hops[1]!.explanation.params).toMatchObject({ rcode: 'NOERROR', answer: [], resolvedName: 'svc.cluster.local.' });
    expect(t.reason).toMatchObject({ key: 'reason.dns.noData', params: { name: 'svc.cluster.local', resolvedName: 'svc.cluster.local.', qtype: 'A' } });
  });

  it('fails the lookup when the kube-dns Service has no ready CoreDNS pod (kube-proxy rejects the query)', () => {
    const broken = cluster().node('n1').pod('client', { app: 'client' }, { node: 'n1' })
      .service('kube-dns', { clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] }, 'kube-system')
      .build();
    const t = trace(broken, { from, to: { host: 'web', port: 80 } });
    expect(t.outcome).toBe('refused');
    expect(t.reason).toMatchObject({ key: 'reason.dns.noServer', params: { name: 'web', nameserver: '10.96.0.10', node: 'n1', cause: 'reason.kubeProxy.noEndpoints' } });
    expect(t.hops.every((h) => h.reply === undefined)).toBe(true);
  });
});

describe('the kube-dns Service asked directly', () => {
  it('delivers 10.96.0.10:53/UDP and /TCP to a CoreDNS pod, through the dns and dns-tcp ports', () => {
    for (const [protocol, portName] of [['UDP', 'dns'], ['TCP', 'dns-tcp']] as const) {
      for (const source of [from, { kind: 'node', name: 'n2' } as const]) {
        const t = trace(c, { from: source, to: { host: '10.96.0.10', port: 53, protocol } });
        expect(t.outcome, `${protocol} from ${source.kind}`).toBe('delivered');
        expect(t.service).toMatchObject({ namespace: 'kube-system', name: 'kube-dns', portName });
        expect(coredns.map((p) => p.metadata.name)).toContain(t.endpoint!.podName);
        expect(t.endpoint!.port).toBe(53);
      }
    }
    expect(trace(c, { from, to: { host: '10.96.0.10', port: 9153 } }).service?.portName).toBe('metrics');
  });
});
