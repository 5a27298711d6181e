/**
 * The states TestSyncProxyRulesRepeated and TestSyncProxyRulesStartup of
 * pkg/proxy/nftables/proxier_test.go expect after a full sync (their expected dumps copied
 * verbatim), and one sync after a Service goes away (its chains kept flushed: nftablesRules'
 * `previous`). The rest of the transaction history (operation counts, partial syncs) is not modelled.
 * Also TestLoadBalancerIngressRouteTypeProxy (through the adapter), TestBadIPs and --nodeport-addresses.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from '../../cluster';
import { servicePortInfo } from '../adapter';
import { renderNftablesDump, sortNFTablesTransaction } from './dump';
import { baseRules } from './fixtures';
import { nftablesRules } from './sync';
import { dedent, ep, fakeNftInput, svcPort, testExternalClient, testNodeIP, testNodeIPAlt } from './testing';
import { nftVerdictFor } from './index';

const dump = (input: Parameters<typeof nftablesRules>[0]) => renderNftablesDump(nftablesRules(input)).trimEnd();
const want = (rest: string) => sortNFTablesTransaction(dedent(baseRules) + dedent(rest));

const svc1 = { info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41' }), endpoints: [ep('10.0.1.1', 80)] };
const svc2 = { info: svcPort('ns2', 'svc2', { clusterIP: '172.30.0.42', portName: 'p8080', port: 8080 }), endpoints: [ep('10.0.2.1', 8080)] };

describe('TestSyncProxyRulesRepeated / TestSyncProxyRulesStartup (full-sync states)', () => {
  it('two ClusterIP services', () => {
    expect(dump(fakeNftInput([svc1, svc2]))).toBe(want(`
		add element ip kube-proxy cluster-ips { 172.30.0.41 }
		add element ip kube-proxy cluster-ips { 172.30.0.42 }
		add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy service-ips { 172.30.0.42 . tcp . 8080 : goto service-MHHHYRWA-ns2/svc2/tcp/p8080 }

		add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 }
		add chain ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80
		add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 ip saddr 10.0.1.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 meta l4proto tcp dnat to 10.0.1.1:80

		add chain ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080
		add rule ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080 ip daddr 172.30.0.42 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080 numgen random mod 1 vmap { 0 : goto endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 }
		add chain ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080
		add rule ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 ip saddr 10.0.2.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 meta l4proto tcp dnat to 10.0.2.1:8080
		`));
  });

  it('a second endpoint, and a service without endpoints (the startup sync)', () => {
    const svc1b = { ...svc1, endpoints: [ep('10.0.1.1', 80), ep('10.0.1.2', 80)] };
    const svc3 = { info: svcPort('ns3', 'svc3', { clusterIP: '172.30.0.43' }), endpoints: [] };
    expect(dump(fakeNftInput([svc1b, svc2, svc3]))).toBe(want(`
		add element ip kube-proxy cluster-ips { 172.30.0.41 }
		add element ip kube-proxy cluster-ips { 172.30.0.42 }
		add element ip kube-proxy cluster-ips { 172.30.0.43 }
		add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy service-ips { 172.30.0.42 . tcp . 8080 : goto service-MHHHYRWA-ns2/svc2/tcp/p8080 }
		add element ip kube-proxy no-endpoint-services { 172.30.0.43 . tcp . 80 comment "ns3/svc3:p80" : goto reject-chain }

		add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 2 vmap { 0 : goto endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 , 1 : goto endpoint-ZCZBVNAZ-ns1/svc1/tcp/p80__10.0.1.2/80 }
		add chain ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80
		add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 ip saddr 10.0.1.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 meta l4proto tcp dnat to 10.0.1.1:80
		add chain ip kube-proxy endpoint-ZCZBVNAZ-ns1/svc1/tcp/p80__10.0.1.2/80
		add rule ip kube-proxy endpoint-ZCZBVNAZ-ns1/svc1/tcp/p80__10.0.1.2/80 ip saddr 10.0.1.2 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-ZCZBVNAZ-ns1/svc1/tcp/p80__10.0.1.2/80 meta l4proto tcp dnat to 10.0.1.2:80

		add chain ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080
		add rule ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080 ip daddr 172.30.0.42 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080 numgen random mod 1 vmap { 0 : goto endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 }
		add chain ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080
		add rule ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 ip saddr 10.0.2.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 meta l4proto tcp dnat to 10.0.2.1:8080
	`));
  });
});

describe('TestLoadBalancerIngressRouteTypeProxy (through the adapter)', () => {
  for (const [name, ipMode, expectedRule] of [['ipMode Proxy', 'Proxy', false], ['ipMode VIP', 'VIP', true], ['ipMode nil', undefined, true]] as const) {
    it(name, () => {
      const svc: Service = {
        apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc1', namespace: 'ns1' },
        spec: { type: 'LoadBalancer', clusterIP: '10.20.30.41', ports: [{ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 3001 }],
          sessionAffinity: 'None' },
        status: { loadBalancer: { ingress: [{ ip: '1.2.3.4', ...(ipMode !== undefined ? { ipMode } : {}) }] } },
      };
      const rs = nftablesRules(fakeNftInput([{ info: servicePortInfo(svc, 0), endpoints: [ep('10.180.0.1', 80)] }]));
      const element = rs.maps.find((m) => m.name === 'service-ips')?.elements.find((e) => e.key.join(' . ') === '1.2.3.4 . tcp . 80');
      expect(element !== undefined).toBe(expectedRule);
    });
  }
});

describe('--nodeport-addresses', () => {
  const nodePortService = [{
    info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', nodePort: 3001 }),
    endpoints: [ep('10.180.0.1', 80)],
  }];

  it('primary (the nftables-mode default): only the node IP accepts NodePorts, never 127.0.0.1', () => {
    const input = fakeNftInput(nodePortService, { nodePortAddresses: ['primary'] });
    const text = dump(input);
    expect(text).toContain('add element ip kube-proxy nodeport-ips { 192.168.0.2 }');
    for (const [destIP, output] of [[testNodeIP, '10.180.0.1:80'], [testNodeIPAlt, ''], ['127.0.0.1', '']] as const) {
      expect(nftVerdictFor(input, { sourceIP: testExternalClient, destIP, destPort: 3001, protocol: 'TCP' }).output, destIP).toBe(output);
    }
  });

  it('[] (match all): fib daddr type local, still excluding 127.0.0.0/8, and no nodeport-ips set', () => {
    const input = fakeNftInput(nodePortService, { nodePortAddresses: [] });
    const text = dump(input);
    expect(text).not.toContain('nodeport-ips');
    expect(text).toContain('add rule ip kube-proxy services fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports');
    expect(text).toContain('add rule ip kube-proxy nodeport-endpoints-check ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @no-endpoint-nodeports');
    expect(nftVerdictFor(input, { sourceIP: testExternalClient, destIP: testNodeIPAlt, destPort: 3001, protocol: 'TCP' }).output).toBe('10.180.0.1:80');
    expect(nftVerdictFor(input, { sourceIP: '127.0.0.1', destIP: '127.0.0.1', destPort: 3001, protocol: 'TCP' }).output).toBe('');
  });
});

describe('TestBadIPs', () => {
  it('rewrites addresses with leading zeros to canonical form in what it gives nft', () => {
    const input = fakeNftInput([{
      info: svcPort('ns1', 'svc1', {
        clusterIP: '172.30.0.041', nodePort: 3001, loadBalancerIPs: ['1.2.3.004'], externalIPs: ['192.168.099.022'],
        loadBalancerSourceRanges: ['203.0.113.000/025'],
      }),
      endpoints: [ep('10.180.00.001', 80)],
    }]);
    expect(dump(input)).toBe(want(`
		# svc1
		add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }

		add chain ip kube-proxy external-ULMVA6XW-ns1/svc1/tcp/p80
		add rule ip kube-proxy external-ULMVA6XW-ns1/svc1/tcp/p80 jump mark-for-masquerade
		add rule ip kube-proxy external-ULMVA6XW-ns1/svc1/tcp/p80 goto service-ULMVA6XW-ns1/svc1/tcp/p80

		add chain ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80
		add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 ip saddr 10.180.0.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 meta l4proto tcp dnat to 10.180.0.1:80

		add chain ip kube-proxy firewall-ULMVA6XW-ns1/svc1/tcp/p80
		add rule ip kube-proxy firewall-ULMVA6XW-ns1/svc1/tcp/p80 ip saddr != { 203.0.113.0/25 } drop

		add element ip kube-proxy cluster-ips { 172.30.0.41 }
		add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy service-ips { 192.168.99.22 . tcp . 80 : goto external-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy service-ips { 1.2.3.4 . tcp . 80 : goto external-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy service-nodeports { tcp . 3001 : goto external-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy firewall-ips { 1.2.3.4 . tcp . 80 : goto firewall-ULMVA6XW-ns1/svc1/tcp/p80 }
		`));
  });
});

describe('TestSyncProxyRulesRepeated: one sync after a change (previous ruleset given)', () => {
  it('a deleted Service\'s chains stay, flushed, until a later sync', () => {
    const svc3 = { info: svcPort('ns3', 'svc3', { clusterIP: '172.30.0.43' }), endpoints: [ep('10.0.3.1', 80)] };
    const before = nftablesRules(fakeNftInput([svc1, svc2, svc3]));
    const after = nftablesRules(fakeNftInput([svc1, svc3]), before);
    expect(renderNftablesDump(after).trimEnd()).toBe(want(`
		add element ip kube-proxy cluster-ips { 172.30.0.41 }
		add element ip kube-proxy cluster-ips { 172.30.0.43 }
		add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }
		add element ip kube-proxy service-ips { 172.30.0.43 . tcp . 80 : goto service-4AT6LBPK-ns3/svc3/tcp/p80 }

		add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 }
		add chain ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80
		add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 ip saddr 10.0.1.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 meta l4proto tcp dnat to 10.0.1.1:80

		add chain ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080
		add chain ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080

		add chain ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80
		add rule ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80 ip daddr 172.30.0.43 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
		add rule ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80 }
		add chain ip kube-proxy endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80
		add rule ip kube-proxy endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80 ip saddr 10.0.3.1 jump mark-for-masquerade
		add rule ip kube-proxy endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80 meta l4proto tcp dnat to 10.0.3.1:80
		`));
    expect(after.chains.filter((c) => c.stale).map((c) => c.name).sort()).toEqual([
      'endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080', 'service-MHHHYRWA-ns2/svc2/tcp/p8080',
    ]);
    // A sync more than a second later deletes them; restoring the Service makes them active again.
    expect(nftablesRules(fakeNftInput([svc1, svc3])).chains.some((c) => c.stale)).toBe(false);
    expect(nftablesRules(fakeNftInput([svc1, svc2, svc3]), after).chains.some((c) => c.stale)).toBe(false);
  });
});
