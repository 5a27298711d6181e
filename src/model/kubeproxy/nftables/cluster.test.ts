/**
 * The public API on a cluster built with the test builder: nftablesDump, nftListRuleset and
 * nftNodeVerdict read the same ruleset, and the differences from iptables mode the issue lists
 * (ClusterIP on a port the Service lacks rejected by cluster-ips-check, an unallocated address in
 * the Service CIDR dropped, NodePorts only on the node's address) come out of the rules.
 */
import { describe, expect, it } from 'vitest';
import { cluster } from '../../testing/clusterBuilder';
import { nodeVerdict } from '../index';
import { syntheticCluster } from '../synthetic';
import { dumpLines, renderNftablesDump, sortNFTablesTransaction } from './dump';
import { nftablesDump, nftablesRulesFor, nftListRuleset, nftNodeVerdict } from './index';

const N1 = '10.0.1.10';
const CLIENT = '10.244.0.2';
const WEB_A = '10.244.0.3';
const WEB_B = '10.244.1.2';
const CLUSTER_IP = '10.96.0.50';

const web = cluster()
  .node('worker-1', { internalIP: N1, podCIDR: '10.244.0.0/24' })
  .node('worker-2', { internalIP: '10.0.1.11', podCIDR: '10.244.1.0/24' })
  .pod('client', { app: 'client' }, { node: 'worker-1', podIP: CLIENT, ready: true })
  .pod('web-a', { app: 'web' }, { node: 'worker-1', podIP: WEB_A, ready: true })
  .pod('web-b', { app: 'web' }, { node: 'worker-2', podIP: WEB_B, ready: true })
  .service('web', { type: 'NodePort', clusterIP: CLUSTER_IP, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] })
  .build();

const packet = (sourceIP: string, destIP: string, destPort: number) => ({ sourceIP, destIP, destPort, protocol: 'TCP' as const });

describe('nftables mode on a cluster', () => {
  it('dumps the node\'s ruleset with the cluster\'s Service CIDR, pod CIDR and the node IP as the NodePort address', () => {
    const dump = nftablesDump(web, 'worker-1');
    expect(dump.split('\n')[0]).toBe('add table ip kube-proxy { comment "rules for kube-proxy" ; }');
    expect(dump).toContain('add rule ip kube-proxy cluster-ips-check ip daddr { 10.96.0.0/12 } drop comment "Drop traffic to unallocated ClusterIPs"');
    expect(dump).toContain('add element ip kube-proxy nodeport-ips { 10.0.1.10 }');
    expect(dump).toContain(`add element ip kube-proxy service-ips { ${CLUSTER_IP} . tcp . 80 : goto service-`);
    expect(dump).toMatch(/add rule ip kube-proxy service-\w{8}-default\/web\/tcp\/http ip daddr 10\.96\.0\.50 ip saddr != 10\.244\.0\.0\/16 jump mark-for-masquerade/);
    expect(dump).toContain('add rule ip kube-proxy mark-for-masquerade mark set mark or 0x00004000');
  });

  it('pod → ClusterIP:port is DNATed to either endpoint, unmasqueraded', () => {
    expect(nftNodeVerdict(web, 'worker-1', packet(CLIENT, CLUSTER_IP, 80))).toMatchObject({ output: `${WEB_A}:8080, ${WEB_B}:8080`, masquerade: false });
  });

  it('ClusterIP:nodePort is rejected by cluster-ips-check (lost in iptables mode)', () => {
    const v = nftNodeVerdict(web, 'worker-1', packet(CLIENT, CLUSTER_IP, 30080));
    expect(v.output).toBe('REJECT');
    expect(v.rules.at(-1)).toBe('add rule ip kube-proxy cluster-ips-check ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"');
    expect(nodeVerdict(web, 'worker-1', packet(CLIENT, CLUSTER_IP, 30080)).output).toBe('');
  });

  it('an unallocated address in the Service CIDR is dropped', () => {
    expect(nftNodeVerdict(web, 'worker-1', packet(CLIENT, '10.96.7.7', 80)).output).toBe('DROP');
  });

  it('NodeIP:nodePort is DNATed and masqueraded; 127.0.0.1:nodePort is not a NodePort in nftables mode', () => {
    expect(nftNodeVerdict(web, 'worker-1', packet('10.0.1.200', N1, 30080))).toMatchObject({ output: `${WEB_A}:8080, ${WEB_B}:8080`, masquerade: true });
    expect(nftNodeVerdict(web, 'worker-1', packet('127.0.0.1', '127.0.0.1', 30080)).output).toBe('');
    expect(nodeVerdict(web, 'worker-1', packet('127.0.0.1', '127.0.0.1', 30080)).output).not.toBe('');
  });

  it('every rule the verdict names is in the dump', () => {
    const dump = nftablesDump(web, 'worker-1');
    for (const line of nftNodeVerdict(web, 'worker-1', packet('10.0.1.200', N1, 30080)).rules) expect(dump).toContain(line);
  });

  it('lists the ruleset as nft list ruleset prints it', () => {
    const text = nftListRuleset(web, 'worker-1');
    expect(text.startsWith('table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n\tset cluster-ips {\n\t\ttype ipv4_addr\n')).toBe(true);
    expect(text).toContain('\tchain filter-prerouting-pre-dnat {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;\n\t\tct state new jump firewall-check\n\t}');
    expect(text).toContain('\tchain filter-forward {\n\t\ttype filter hook forward priority filter; policy accept;\n');
    expect(text).toContain('\tchain nat-postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\tjump masquerading\n\t}');
    expect(text).toContain('\t\tmeta mark & 0x00004000 == 0x00000000 return\n\t\tmeta mark set meta mark ^ 0x00004000\n\t\tmasquerade fully-random\n');
    expect(text).toContain('\t\tip daddr 10.96.0.0/12 drop comment "Drop traffic to unallocated ClusterIPs"\n');
    expect(text).toContain('\tchain reject-chain {\n\t\tcomment "helper for @no-endpoint-services / @no-endpoint-nodeports"\n\t\treject\n\t}');
    expect(text.endsWith('\n}\n')).toBe(true);
    // Same objects as the dump: one chain block per chain.
    expect(text.match(/^\tchain /gm)?.length).toBe(nftablesRulesFor(web, 'worker-1').chains.length);
  });

  it('gives every rule a unique id', () => {
    const rs = nftablesRulesFor(web, 'worker-1');
    const ids = rs.chains.flatMap((c) => c.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('on a generated cluster: the dump is kube-proxy\'s canonical sort of every line, and rule ids are unique', () => {
    const rs = nftablesRulesFor(syntheticCluster({ nodes: 4, services: 40, podsPerService: 3 }), 'node-1');
    expect(renderNftablesDump(rs).trimEnd()).toBe(sortNFTablesTransaction(dumpLines(rs).join('\n')));
    const ids = rs.chains.flatMap((c) => c.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(rs.sets.some((s) => s.name.startsWith('affinity-'))).toBe(true);
    expect(rs.chains.some((c) => c.name.startsWith('firewall-') && c.name.includes('/'))).toBe(true);
  });
});
