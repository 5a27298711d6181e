/**
 * CoreDNS's kubernetes plugin, case by case: the inputs and expectations of its
 * plugin/kubernetes/handler_test.go (commonDnsTestCases, dnsTestCases) that fit an IPv4 model,
 * on a cluster built like its APIConnServeTest fixture (namespace testns). TTLs are kubeadm's 30.
 */
import { describe, expect, it } from 'vitest';
import { answerZone, type DnsRecordType } from './dnsZone';
import { cluster } from './testing/clusterBuilder';

const hdlsPod = (name: string, ip: string, hostname?: string) => (b: ReturnType<typeof cluster>) =>
  b.pod(name, { app: 'hdls1' }, { node: 'n1', podIP: ip, namespace: 'testns', ...(hostname ? { hostname, subdomain: 'hdls1' } : {}) });

let builder = cluster()
  .withSettings({ serviceCIDR: '10.0.0.0/24', dnsServiceIP: '10.0.0.10', podCIDR: '172.0.0.0/16' })
  .node('n1', { podCIDR: '172.0.0.0/24' })
  .pod('svc1-a', { app: 'svc1' }, { node: 'n1', podIP: '172.0.0.9', namespace: 'testns' })
  .pod('portless', { app: 'hdlsprtls' }, { node: 'n1', podIP: '172.0.0.20', namespace: 'testns', ports: [] });
for (const add of [hdlsPod('h2', '172.0.0.2'), hdlsPod('h3', '172.0.0.3'), hdlsPod('h4', '172.0.0.4', 'dup-name'), hdlsPod('h5', '172.0.0.5', 'dup-name')]) builder = add(builder);
const c = builder
  .service('svc1', { clusterIP: '10.0.0.11' }, 'testns')
  .service('svcempty', { clusterIP: '10.0.0.12', selector: { app: 'nothing' } }, 'testns')
  .service('hdls1', { clusterIP: 'None' }, 'testns')
  .service('hdlsprtls', { clusterIP: 'None', ports: [] }, 'testns')
  .service('external', { type: 'ExternalName', externalName: 'ext.interwebs.test', selector: undefined, ports: [] }, 'testns')
  .service('external-to-service', { type: 'ExternalName', externalName: 'svc1.testns.svc.cluster.local', selector: undefined, ports: [] }, 'testns')
  .build();

/** dig-style lines: `name ttl type value`. */
const ask = (name: string, qtype: DnsRecordType) => {
  const a = answerZone(c, name, qtype)!;
  return { rcode: a.rcode, answer: a.answers.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.value}`), extra: a.additional.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.value}`) };
};

describe('answerZone, as CoreDNS handler_test.go', () => {
  it('answers a Service A and SRV, with an empty Service answered all the same', () => {
    expect(ask('svc1.testns.svc.cluster.local.', 'A')).toEqual({ rcode: 'NOERROR', answer: ['svc1.testns.svc.cluster.local. 30 A 10.0.0.11'], extra: [] });
    expect(ask('svcempty.testns.svc.cluster.local.', 'A').answer).toEqual(['svcempty.testns.svc.cluster.local. 30 A 10.0.0.12']);
    expect(ask('svc1.testns.svc.cluster.local.', 'SRV')).toEqual({
      rcode: 'NOERROR', answer: ['svc1.testns.svc.cluster.local. 30 SRV 0 100 80 svc1.testns.svc.cluster.local.'], extra: ['svc1.testns.svc.cluster.local. 30 A 10.0.0.11'],
    });
    expect(ask('_http._tcp.svc1.testns.svc.cluster.local.', 'SRV').answer).toEqual(['_http._tcp.svc1.testns.svc.cluster.local. 30 SRV 0 100 80 svc1.testns.svc.cluster.local.']);
  });

  it('answers a headless Service with every ready endpoint, and portless endpoints too', () => {
    expect(ask('hdls1.testns.svc.cluster.local.', 'A').answer).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5'].map((ip) => `hdls1.testns.svc.cluster.local. 30 A ${ip}`));
    expect(ask('hdlsprtls.testns.svc.cluster.local.', 'A').answer).toEqual(['hdlsprtls.testns.svc.cluster.local. 30 A 172.0.0.20']);
    expect(ask('172-0-0-20.hdlsprtls.testns.svc.cluster.local.', 'A').answer).toEqual(['172-0-0-20.hdlsprtls.testns.svc.cluster.local. 30 A 172.0.0.20']);
    expect(ask('172-0-0-2.hdls1.testns.svc.cluster.local.', 'A').answer).toEqual(['172-0-0-2.hdls1.testns.svc.cluster.local. 30 A 172.0.0.2']);
    expect(ask('dup-name.hdls1.testns.svc.cluster.local.', 'A').answer).toEqual(['dup-name.hdls1.testns.svc.cluster.local. 30 A 172.0.0.4', 'dup-name.hdls1.testns.svc.cluster.local. 30 A 172.0.0.5']);
  });

  it('gives a headless SRV one target per endpoint port, duplicate targets dropped, weights shared before', () => {
    // handler_test: 6 endpoints (two named dup-name) → weight 100/6 = 16 and 5 SRV records.
    // Here 4 endpoints (two named dup-name) → weight 25 and 3 records; the additional section keeps both addresses.
    expect(ask('_http._tcp.hdls1.testns.svc.cluster.local.', 'SRV')).toEqual({
      rcode: 'NOERROR',
      answer: ['172-0-0-2', '172-0-0-3', 'dup-name'].map((h) => `_http._tcp.hdls1.testns.svc.cluster.local. 30 SRV 0 25 8080 ${h}.hdls1.testns.svc.cluster.local.`),
      extra: [
        '172-0-0-2.hdls1.testns.svc.cluster.local. 30 A 172.0.0.2', '172-0-0-3.hdls1.testns.svc.cluster.local. 30 A 172.0.0.3',
        'dup-name.hdls1.testns.svc.cluster.local. 30 A 172.0.0.4', 'dup-name.hdls1.testns.svc.cluster.local. 30 A 172.0.0.5',
      ],
    });
  });

  it('answers NOERROR with no data for names that exist without records of the type', () => {
    for (const [name, qtype] of [
      ['svc1.testns.svc.cluster.local.', 'AAAA'], ['svc1.testns.svc.cluster.local.', 'TXT'], ['svc.cluster.local.', 'A'],
      ['pod.cluster.local.', 'A'], ['testns.svc.cluster.local.', 'A'], ['cluster.local.', 'A'],
    ] as const) {
      expect(ask(name, qtype), `${name} ${qtype}`).toEqual({ rcode: 'NOERROR', answer: [], extra: [] });
    }
  });

  it('answers NXDOMAIN for names the zone does not hold', () => {
    for (const [name, qtype] of [
      ['svc0.testns.svc.cluster.local.', 'AAAA'], ['svc0.testns.svc.cluster.local.', 'A'], ['svc0.svc-nons.svc.cluster.local.', 'A'],
      ['svc0.svc-nons.svc.cluster.local.', 'TXT'], ['bogusendpoint.hdls1.testns.svc.cluster.local.', 'A'],
      ['bogusendpoint.svc0.testns.svc.cluster.local.', 'A'], ['foo.cluster.local.', 'A'],
      ['endpoint.external.testns.svc.cluster.local.', 'CNAME'], ['subdomain.subdomain.external.testns.svc.cluster.local.', 'CNAME'],
    ] as const) {
      expect(ask(name, qtype).rcode, `${name} ${qtype}`).toBe('NXDOMAIN');
    }
  });

  it('serves the schema version as dns-version TXT', () => {
    expect(ask('dns-version.cluster.local.', 'TXT').answer).toEqual(['dns-version.cluster.local. 28800 TXT 1.1.0']);
  });

  it('answers ExternalName with a CNAME, followed when it points into the zone', () => {
    expect(ask('external.testns.svc.cluster.local.', 'CNAME').answer).toEqual(['external.testns.svc.cluster.local. 30 CNAME ext.interwebs.test.']);
    expect(ask('external-to-service.testns.svc.cluster.local', 'A').answer).toEqual([
      'external-to-service.testns.svc.cluster.local. 30 CNAME svc1.testns.svc.cluster.local.', 'svc1.testns.svc.cluster.local. 30 A 10.0.0.11',
    ]);
  });

  it('keeps the case the name was asked in, and matches it case-insensitively', () => {
    expect(ask('SVC1.TestNS.svc.Cluster.Local.', 'A').answer).toEqual(['SVC1.TestNS.svc.Cluster.Local. 30 A 10.0.0.11']);
  });

  it('answers reverse lookups of ClusterIPs and endpoint addresses (reverse.go); others fall through', () => {
    expect(ask('11.0.0.10.in-addr.arpa.', 'PTR').answer).toEqual(['11.0.0.10.in-addr.arpa. 30 PTR svc1.testns.svc.cluster.local.']);
    expect(ask('10.0.0.10.in-addr.arpa.', 'PTR').answer).toEqual(['10.0.0.10.in-addr.arpa. 30 PTR kube-dns.kube-system.svc.cluster.local.']);
    expect(ask('4.0.0.172.in-addr.arpa.', 'PTR').answer).toEqual(['4.0.0.172.in-addr.arpa. 30 PTR dup-name.hdls1.testns.svc.cluster.local.']);
    expect(ask('9.0.0.172.in-addr.arpa.', 'PTR').answer).toEqual(['9.0.0.172.in-addr.arpa. 30 PTR 172-0-0-9.svc1.testns.svc.cluster.local.']);
    expect(answerZone(c, '99.0.0.172.in-addr.arpa.', 'PTR')).toBeUndefined();
  });

  it('answers pod names with `pods insecure`: any dashed address in an existing namespace', () => {
    expect(ask('172-0-0-9.testns.pod.cluster.local.', 'A').answer).toEqual(['172-0-0-9.testns.pod.cluster.local. 30 A 172.0.0.9']);
    expect(ask('1-2-3-4.testns.pod.cluster.local.', 'A').answer).toEqual(['1-2-3-4.testns.pod.cluster.local. 30 A 1.2.3.4']);
    expect(ask('1-2-3-4.nons.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(ask('testns.pod.cluster.local.', 'A')).toEqual({ rcode: 'NOERROR', answer: [], extra: [] });
  });

  it('leaves names outside the zone to the next plugin', () => {
    expect(answerZone(c, 'example.com.', 'A')).toBeUndefined();
  });
});
