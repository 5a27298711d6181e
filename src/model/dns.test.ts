import { describe, expect, it } from 'vitest';
import { resolveDns } from './dns';
import { cluster } from './testing/clusterBuilder';

const c = cluster().node('n1').node('n2')
  .pod('web-1', { app: 'web' }, { node: 'n1' })
  .pod('db-0', { app: 'db' }, { node: 'n1', hostname: 'db-0', subdomain: 'db' })
  .pod('db-1', { app: 'db' }, { node: 'n2', hostname: 'db-1', subdomain: 'db' })
  .pod('db-2', { app: 'db' }, { node: 'n2', ready: false })
  .service('web', { clusterIP: '10.96.100.10' })
  .service('db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, targetPort: 5432 }] })
  .service('ext', { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: [] })
  .service('empty', { clusterIP: 'None', selector: { app: 'nothing' } })
  .service('api', { clusterIP: '10.96.100.20' }, 'prod')
  .build();

describe('resolveDns', () => {
  it('answers a ClusterIP Service by short, namespaced and full name through the search path', () => {
    const short = resolveDns(c, 'web');
    expect(short.rcode).toBe('NOERROR');
    expect(short.answers).toEqual([{ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, value: '10.96.100.10' }]);
    expect(short.searchPath).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
    expect(short.tried.map((q) => q.name)).toEqual(['web.default.svc.cluster.local.']);

    const ns = resolveDns(c, 'api.prod');
    expect(ns.tried.map((q) => `${q.name} ${q.rcode}`)).toEqual(['api.prod.default.svc.cluster.local. NXDOMAIN', 'api.prod.svc.cluster.local. NOERROR']);
    expect(ns.answers[0]!.value).toBe('10.96.100.20');

    // 4 dots < ndots:5, so even the full name walks the search list first.
    const full = resolveDns(c, 'web.default.svc.cluster.local');
    expect(full.tried.map((q) => q.name)).toEqual([
      'web.default.svc.cluster.local.default.svc.cluster.local.', 'web.default.svc.cluster.local.svc.cluster.local.',
      'web.default.svc.cluster.local.cluster.local.', 'web.default.svc.cluster.local.',
    ]);
    expect(full.rcode).toBe('NOERROR');
    expect(resolveDns(c, 'web.default.svc.cluster.local.').tried).toHaveLength(1);
  });

  it('uses the asking pod namespace', () => {
    expect(resolveDns(c, 'api', { namespace: 'prod' }).answers[0]!.value).toBe('10.96.100.20');
    expect(resolveDns(c, 'web', { namespace: 'prod' }).rcode).toBe('NXDOMAIN');
  });

  it('answers one A per ready endpoint for a headless Service, and names pods by hostname', () => {
    const db = resolveDns(c, 'db');
    expect(db.answers.map((r) => r.value)).toEqual(['10.244.0.3', '10.244.1.2']);
    expect(resolveDns(c, 'db-1.db').answers).toEqual([{ name: 'db-1.db.default.svc.cluster.local.', type: 'A', ttl: 30, value: '10.244.1.2' }]);
    expect(resolveDns(c, 'empty').rcode).toBe('NXDOMAIN');
  });

  it('answers SRV for named ports', () => {
    expect(resolveDns(c, '_http._tcp.web').answers).toEqual([{
      name: '_http._tcp.web.default.svc.cluster.local.', type: 'SRV', ttl: 30, value: '0 100 80 web.default.svc.cluster.local.',
      srv: { priority: 0, weight: 100, port: 80, target: 'web.default.svc.cluster.local.' },
    }]);
    const pg = resolveDns(c, '_pg._tcp.db.default.svc.cluster.local');
    expect(pg.answers.map((r) => r.value)).toEqual(['0 50 5432 db-0.db.default.svc.cluster.local.', '0 50 5432 db-1.db.default.svc.cluster.local.']);
    expect(pg.additional.map((r) => `${r.name} ${r.value}`)).toEqual(['db-0.db.default.svc.cluster.local. 10.244.0.3', 'db-1.db.default.svc.cluster.local. 10.244.1.2']);
    expect(resolveDns(c, '_https._tcp.web.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('answers a CNAME for ExternalName and forwards outside names upstream', () => {
    const ext = resolveDns(c, 'ext');
    expect(ext.answers).toEqual([{ name: 'ext.default.svc.cluster.local.', type: 'CNAME', ttl: 30, value: 'db.example.com.' }]);
    const outside = resolveDns(c, 'example.com');
    expect(outside.tried.at(-1)).toEqual({ name: 'example.com.', rcode: 'NOERROR', answeredBy: 'upstream' });
    expect(outside.external).toBe(true);
  });

  it('resolves pod A records (pods insecure)', () => {
    expect(resolveDns(c, '10-244-0-2.default.pod.cluster.local').answers[0]!.value).toBe('10.244.0.2');
  });

  it('gives NXDOMAIN for cluster names asked from outside the cluster', () => {
    for (const name of ['web', 'web.default', 'web.default.svc.cluster.local']) {
      const answer = resolveDns(c, name, { inCluster: false });
      expect(answer.rcode).toBe('NXDOMAIN');
      expect(answer.searchPath).toEqual([]);
      expect(answer.answers).toEqual([]);
    }
  });
});

describe('resolveDns: what the pod resolver gets back', () => {
  it('reports no data when a name exists without an address, after the whole search path', () => {
    const zoneName = resolveDns(c, 'svc.cluster.local');
    expect(zoneName.tried.map((q) => `${q.name} ${q.rcode}`)).toEqual([
      'svc.cluster.local.default.svc.cluster.local. NXDOMAIN', 'svc.cluster.local.svc.cluster.local. NXDOMAIN',
      'svc.cluster.local.cluster.local. NXDOMAIN', 'svc.cluster.local. NOERROR',
    ]);
    expect(zoneName).toMatchObject({ rcode: 'NOERROR', resolvedName: 'svc.cluster.local.', answers: [] });
    expect(resolveDns(c, 'prod.svc.cluster.local.')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(resolveDns(c, 'web', { qtype: 'AAAA' })).toMatchObject({ rcode: 'NOERROR', resolvedName: 'web.default.svc.cluster.local.', answers: [] });
  });

  it('keeps the case the name was asked in', () => {
    expect(resolveDns(c, 'Web').answers).toEqual([{ name: 'Web.default.svc.cluster.local.', type: 'A', ttl: 30, value: '10.96.100.10' }]);
  });

  it('asks PTR for reverse names and TXT for dns-version', () => {
    const ptr = resolveDns(c, '10.100.96.10.in-addr.arpa');
    expect(ptr).toMatchObject({ qtype: 'PTR', rcode: 'NOERROR' });
    expect(ptr.answers.map((r) => r.value)).toEqual(['web.default.svc.cluster.local.']);
    expect(ptr.tried).toHaveLength(1); // 5 dots ≥ ndots: asked as it is first
    expect(resolveDns(c, 'dns-version.cluster.local.', { qtype: 'TXT' }).answers.map((r) => r.value)).toEqual(['1.1.0']);
    expect(resolveDns(c, '10.0.96.10.in-addr.arpa.').answers.map((r) => r.value)).toEqual(['kube-dns.kube-system.svc.cluster.local.']);
  });
});
