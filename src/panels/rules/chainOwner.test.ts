import { describe, expect, it } from 'vitest';
import { makeRule } from '../../model/kubeproxy/rule';
import type { RuleSet } from '../../model/kubeproxy/types';
import { chainOwners, ownedChainKind } from './chainOwner';
import { defaultTrace } from './testing';

describe('chainOwners', () => {
  const { ruleSet, cluster } = defaultTrace();
  const pods = new Map(cluster.pods.map((p) => [p.status.podIP, `${p.metadata.namespace}/${p.metadata.name}`]));
  const owners = chainOwners(ruleSet, (ip) => pods.get(ip));
  const chain = (prefix: string) => ruleSet.tables[1]!.chains.map((c) => c.name).filter((n) => n.startsWith(prefix));

  it('names the Service port of KUBE-SVC and KUBE-EXT chains', () => {
    const [svc] = chain('KUBE-SVC-');
    expect(owners.get(svc!)).toMatchObject({ kind: 'SVC', servicePortName: 'default/web:http', label: 'default/web:http' });
    expect(owners.get(svc!)!.description).toContain('default/web:http');
    const [ext] = chain('KUBE-EXT-');
    expect(owners.get(ext!)).toMatchObject({ kind: 'EXT', servicePortName: 'default/web:http' });
  });

  it('names the endpoint and its pod for every KUBE-SEP chain', () => {
    const seps = chain('KUBE-SEP-');
    // The three web endpoints, and cluster DNS's two CoreDNS pods on each of kube-dns's three ports.
    expect(seps).toHaveLength(3 + 2 * 3);
    const ports = new Map([['default/web:http', 8080], ['kube-system/kube-dns:dns', 53], ['kube-system/kube-dns:dns-tcp', 53], ['kube-system/kube-dns:metrics', 9153]]);
    for (const sep of seps) {
      const owner = owners.get(sep)!;
      expect(owner.kind).toBe('SEP');
      expect(owner.endpoint).toBe(`${owner.endpoint!.split(':')[0]}:${ports.get(owner.servicePortName!)}`);
      expect(owner.endpoint).toMatch(/^10\.244\.\d+\.\d+:\d+$/);
      expect(owner.pod).toBe(pods.get(owner.endpoint!.split(':')[0]));
      expect(owner.description).toBe(`Endpoint ${owner.endpoint} (pod ${owner.pod}) of Service port ${owner.servicePortName}.`);
    }
    expect(seps.filter((sep) => owners.get(sep)!.servicePortName === 'default/web:http')).toHaveLength(3);
  });

  it('leaves shared chains alone', () => {
    expect(owners.has('KUBE-SERVICES')).toBe(false);
    expect(owners.has('KUBE-MARK-MASQ')).toBe(false);
    expect(ownedChainKind('KUBE-FW-ABC')).toBe('FW');
    expect(ownedChainKind('KUBE-SVL-ABC')).toBe('SVL');
    expect(ownedChainKind('KUBE-NODEPORTS')).toBeUndefined();
  });

  it('falls back to the rules that jump to a chain without named rules', () => {
    const set: RuleSet = {
      tables: [{ name: 'nat', chains: [
        { name: 'KUBE-SERVICES', rules: [makeRule('nat', 'KUBE-SERVICES', [], { kind: 'jump', chain: 'KUBE-SVL-XYZ' },
          { kind: 'capture', path: 'clusterIP', ip: '10.96.0.5', servicePort: { namespace: 'ns', name: 'db', portName: '' } })] },
        { name: 'KUBE-SVL-XYZ', rules: [] },
      ] }],
      jumpRules: [],
      node: { name: 'n1', localIPs: [] },
      largeClusterMode: false,
    };
    expect(chainOwners(set).get('KUBE-SVL-XYZ')).toMatchObject({ kind: 'SVL', servicePortName: 'ns/db', label: 'ns/db (local)' });
  });
});
