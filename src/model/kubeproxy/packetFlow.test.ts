/**
 * Packet-flow tests mirroring pkg/proxy/iptables/proxier_test.go (runPacketFlowTests): the same
 * services, endpoints, packets and expected outputs ("ip:port, …", "REJECT", "DROP", "ACCEPT",
 * "") and masquerade flags, plus its chain-level expectations (assertIPTablesChainEqual).
 */
import { describe, expect, it } from 'vitest';
import { verdictFor } from './index';
import { buildRuleSet } from './sync';
import { tracePacket } from './tracer';
import {
  ep, fakeInput, svcPort, testExternalClient, testExternalClientBlocked, testExternalIP, testNodeIP, testNodeIPAlt,
} from './testing';
import type { KubeProxyInput, Protocol, RuleSet } from './types';

interface FlowCase {
  name: string;
  sourceIP: string;
  destIP: string;
  destPort: number;
  protocol?: Protocol;
  output: string;
  masq?: boolean;
}

function runPacketFlowTests(input: KubeProxyInput | RuleSet, cases: FlowCase[]): void {
  for (const tc of cases) {
    const v = verdictFor(input, { sourceIP: tc.sourceIP, destIP: tc.destIP, destPort: tc.destPort, protocol: tc.protocol ?? 'TCP' });
    expect({ name: tc.name, output: v.output, masq: v.masquerade }).toEqual({ name: tc.name, output: tc.output, masq: tc.masq ?? false });
  }
}

function chainRules(input: KubeProxyInput, table: 'filter' | 'nat', chain: string): string[] {
  const rs = buildRuleSet(input);
  return rs.tables.find((t) => t.name === table)?.chains.find((c) => c.name === chain)?.rules.map((r) => r.text) ?? [];
}

describe('proxier_test.go packet flows', () => {
  it('TestNoEndpointsReject', () => {
    const input = fakeInput([{
      info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], nodePort: 3001, loadBalancerIPs: ['1.2.3.4'] }),
      endpoints: [],
    }]);
    runPacketFlowTests(input, [
      { name: 'pod to cluster IP with no endpoints', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: 'REJECT' },
      { name: 'external to external IP with no endpoints', sourceIP: testExternalClient, destIP: '192.168.99.11', destPort: 80, output: 'REJECT' },
      { name: 'pod to NodePort with no endpoints', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: 'REJECT' },
      { name: 'external to NodePort with no endpoints', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: 'REJECT' },
      { name: 'pod to LoadBalancer IP with no endpoints', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: 'REJECT' },
      { name: 'external to LoadBalancer IP with no endpoints', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: 'REJECT' },
    ]);
  });

  it('TestClusterIPGeneral', () => {
    const svc2 = (portName: string, protocol: Protocol, port: number) =>
      svcPort('ns2', 'svc2', { clusterIP: '172.30.0.42', portName, protocol, port });
    const eps2 = (port: number) => [ep('10.180.0.1', port, { isLocal: true }), ep('10.180.2.1', port)];
    const input = fakeInput([
      { info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', portName: 'http' }), endpoints: [ep('10.180.0.1', 80, { isLocal: true })] },
      { info: svc2('http', 'TCP', 80), endpoints: eps2(80) },
      { info: svc2('https', 'TCP', 443), endpoints: eps2(8443) },
      { info: svc2('dns-udp', 'UDP', 53), endpoints: eps2(53) },
      { info: svc2('dns-tcp', 'TCP', 53), endpoints: eps2(5353) },
      { info: svc2('dns-sctp', 'SCTP', 53), endpoints: eps2(53) },
    ]);
    runPacketFlowTests(input, [
      { name: 'simple clusterIP', sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 80, output: '10.180.0.1:80' },
      { name: 'hairpin to cluster IP', sourceIP: '10.180.0.1', destIP: '172.30.0.41', destPort: 80, output: '10.180.0.1:80', masq: true },
      { name: 'clusterIP with multiple endpoints', sourceIP: '10.180.0.2', destIP: '172.30.0.42', destPort: 80, output: '10.180.0.1:80, 10.180.2.1:80' },
      { name: 'clusterIP with TargetPort', sourceIP: '10.180.0.2', destIP: '172.30.0.42', destPort: 443, output: '10.180.0.1:8443, 10.180.2.1:8443' },
      { name: 'TCP on same port', sourceIP: '10.180.0.2', protocol: 'TCP', destIP: '172.30.0.42', destPort: 53, output: '10.180.0.1:5353, 10.180.2.1:5353' },
      { name: 'UDP on same port', sourceIP: '10.180.0.2', protocol: 'UDP', destIP: '172.30.0.42', destPort: 53, output: '10.180.0.1:53, 10.180.2.1:53' },
      { name: 'SCTP on same port', sourceIP: '10.180.0.2', protocol: 'SCTP', destIP: '172.30.0.42', destPort: 53, output: '10.180.0.1:53, 10.180.2.1:53' },
      { name: 'TCP-only port does not match UDP traffic', sourceIP: '10.180.0.2', protocol: 'UDP', destIP: '172.30.0.42', destPort: 80, output: '' },
      { name: "svc1 does not accept svc2's ports", sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 443, output: '' },
    ]);
  });

  it('TestLoadBalancer (loadBalancerSourceRanges)', () => {
    const input = fakeInput([{
      info: svcPort('ns1', 'svc1', {
        clusterIP: '172.30.0.41', nodePort: 3001, loadBalancerIPs: ['1.2.3.4', '5.6.7.8'],
        loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'],
      }),
      endpoints: [ep('10.180.0.1', 80)],
    }]);
    const out = '10.180.0.1:80';
    runPacketFlowTests(input, [
      { name: 'pod to cluster IP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: out },
      { name: 'external to nodePort', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: out, masq: true },
      { name: 'nodePort bypasses LoadBalancerSourceRanges', sourceIP: testExternalClientBlocked, destIP: testNodeIP, destPort: 3001, output: out, masq: true },
      { name: 'accepted external to LB1', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: out, masq: true },
      { name: 'accepted external to LB2', sourceIP: testExternalClient, destIP: '5.6.7.8', destPort: 80, output: out, masq: true },
      { name: 'blocked external to LB1', sourceIP: testExternalClientBlocked, destIP: '1.2.3.4', destPort: 80, output: 'DROP' },
      { name: 'blocked external to LB2', sourceIP: testExternalClientBlocked, destIP: '5.6.7.8', destPort: 80, output: 'DROP' },
      { name: 'pod to LB1 (blocked by LoadBalancerSourceRanges)', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: 'DROP' },
      { name: 'pod to LB2 (blocked by LoadBalancerSourceRanges)', sourceIP: '10.0.0.2', destIP: '5.6.7.8', destPort: 80, output: 'DROP' },
      { name: 'node to LB1 (allowed by LoadBalancerSourceRanges)', sourceIP: testNodeIP, destIP: '1.2.3.4', destPort: 80, output: out, masq: true },
      { name: 'node to LB2 (allowed by LoadBalancerSourceRanges)', sourceIP: testNodeIP, destIP: '5.6.7.8', destPort: 80, output: out, masq: true },
      { name: 'same node to LB1, SNATted to LB1', sourceIP: '1.2.3.4', destIP: '1.2.3.4', destPort: 80, output: out, masq: true },
      { name: 'same node to LB2, SNATted to LB2', sourceIP: '5.6.7.8', destIP: '5.6.7.8', destPort: 80, output: out, masq: true },
    ]);
  });

  for (const localhostNodePorts of [true, false]) {
    it(`TestNodePorts (ipv4, localhost-nodeports ${localhostNodePorts ? 'enabled' : 'disabled'})`, () => {
      const input = fakeInput([{
        info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', nodePort: 3001 }),
        endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80, { isLocal: true })],
      }], { localhostNodePorts });
      const out = '10.180.0.1:80, 10.180.2.1:80';
      runPacketFlowTests(input, [
        { name: 'pod to cluster IP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: out },
        { name: 'external to nodePort', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: out, masq: true },
        { name: 'node to nodePort', sourceIP: testNodeIP, destIP: testNodeIP, destPort: 3001, output: out, masq: true },
        localhostNodePorts
          ? { name: 'localhost to nodePort gets masqueraded', sourceIP: '127.0.0.1', destIP: '127.0.0.1', destPort: 3001, output: out, masq: true }
          : { name: 'localhost to nodePort is ignored', sourceIP: '127.0.0.1', destIP: '127.0.0.1', destPort: 3001, output: '' },
        { name: 'external to nodePort on secondary IP', sourceIP: testExternalClient, destIP: testNodeIPAlt, destPort: 3001, output: out, masq: true },
      ]);
      expect(chainRules(input, 'filter', 'KUBE-FIREWALL')).toEqual(localhostNodePorts
        ? ['-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP']
        : []);
    });
  }

  it('TestHealthCheckNodePort', () => {
    const input = fakeInput([{
      info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.42', nodePort: 3001, healthCheckNodePort: 30000, externalPolicyLocal: true }),
      endpoints: [],
    }]);
    runPacketFlowTests(input, [
      { name: 'firewall accepts HealthCheckNodePort', sourceIP: '1.2.3.4', destIP: testNodeIP, destPort: 30000, output: 'ACCEPT' },
    ]);
    runPacketFlowTests(fakeInput([]), [
      { name: 'HealthCheckNodePort no longer has any rule', sourceIP: '1.2.3.4', destIP: testNodeIP, destPort: 30000, output: '' },
    ]);
  });

  it('TestDropInvalidRule', () => {
    const tail = [
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ];
    expect(chainRules(fakeInput([], { nfacct: false }), 'filter', 'KUBE-FORWARD'))
      .toEqual(['-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP', ...tail]);
    expect(chainRules(fakeInput([], { nfacct: true }), 'filter', 'KUBE-FORWARD'))
      .toEqual(['-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP', ...tail]);
    expect(chainRules(fakeInput([], { nfacct: false, conntrackTCPLiberal: true }), 'filter', 'KUBE-FORWARD')).toEqual(tail);
  });

  for (const randomFully of [false, true]) {
    it(`TestMasqueradeRule (randomFully ${randomFully})`, () => {
      expect(chainRules(fakeInput([], { randomFully }), 'nat', 'KUBE-POSTROUTING')).toEqual([
        '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
        '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
        `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${randomFully ? ' --random-fully' : ''}`,
      ]);
    });
  }

  const policyService = (externalPolicyLocal: boolean) => fakeInput([{
    info: svcPort('ns1', 'svc1', {
      clusterIP: '172.30.0.41', nodePort: 3001, externalIPs: [testExternalIP], loadBalancerIPs: ['1.2.3.4'],
      externalPolicyLocal, healthCheckNodePort: externalPolicyLocal ? 30000 : 0,
    }),
    endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80, { isLocal: true })],
  }]);
  const both = '10.180.0.1:80, 10.180.2.1:80';

  it('TestExternalTrafficPolicyLocal', () => {
    runPacketFlowTests(policyService(true), [
      { name: 'pod to cluster IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: both },
      { name: 'pod to external IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: testExternalIP, destPort: 80, output: both },
      { name: 'external to external IP hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: testExternalIP, destPort: 80, output: '10.180.2.1:80' },
      { name: 'pod to LB IP hits only both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: both },
      { name: 'external to LB IP hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: '10.180.2.1:80' },
      { name: 'pod to NodePort hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: both },
      { name: 'external to NodePort hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: '10.180.2.1:80' },
    ]);
  });

  it('TestExternalTrafficPolicyCluster', () => {
    runPacketFlowTests(policyService(false), [
      { name: 'pod to cluster IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: both },
      { name: 'pod to external IP hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: testExternalIP, destPort: 80, output: both, masq: true },
      { name: 'external to external IP hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: testExternalIP, destPort: 80, output: both, masq: true },
      { name: 'pod to LB IP hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: both, masq: true },
      { name: 'external to LB IP hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: both, masq: true },
      { name: 'pod to NodePort hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: both, masq: true },
      { name: 'external to NodePort hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: both, masq: true },
    ]);
  });

  it('ETP Local without a local endpoint drops external traffic, keeps pod traffic (KUBE-EXT short-circuit)', () => {
    const input = fakeInput([{
      info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', nodePort: 3001, externalPolicyLocal: true, healthCheckNodePort: 30000 }),
      endpoints: [ep('10.180.0.1', 80)],
    }]);
    runPacketFlowTests(input, [
      { name: 'external to NodePort is dropped', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: 'DROP' },
      { name: 'pod to NodePort is short-circuited to the cluster chain', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: '10.180.0.1:80' },
      { name: 'node to NodePort is masqueraded and routed to the cluster chain', sourceIP: testNodeIP, destIP: testNodeIP, destPort: 3001, output: '10.180.0.1:80', masq: true },
    ]);
  });

  it('internalTrafficPolicy Local: DROP without local endpoints, SVL chain with them', () => {
    const info = svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', internalPolicyLocal: true });
    runPacketFlowTests(fakeInput([{ info, endpoints: [ep('10.180.0.1', 80)] }]), [
      { name: 'no local endpoints', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: 'DROP' },
    ]);
    runPacketFlowTests(fakeInput([{ info, endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80, { isLocal: true })] }]), [
      { name: 'local endpoint only', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: '10.180.2.1:80' },
    ]);
  });

  it('falls back to serving terminating endpoints when none is ready (CategorizeEndpoints)', () => {
    const input = fakeInput([{
      info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41' }),
      endpoints: [
        ep('10.0.1.1', 80, { ready: false, serving: true, terminating: true }),
        ep('10.0.1.2', 80, { ready: false, serving: false, terminating: true }),
      ],
    }]);
    runPacketFlowTests(input, [
      { name: 'only the serving one', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: '10.0.1.1:80' },
    ]);
  });

  it('gives each endpoint choice its own rule path (hairpin masquerade only on its own branch)', () => {
    const rs = buildRuleSet(fakeInput([{
      info: svcPort('ns2', 'svc2', { clusterIP: '172.30.0.42' }),
      endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80)],
    }]));
    const t = tracePacket(rs, { sourceIP: '10.180.0.1', destIP: '172.30.0.42', destPort: 80, protocol: 'TCP' });
    expect(t.masquerade).toBe(true);
    expect(t.endpoints.map((e) => [e.destination, e.masquerade])).toEqual([['10.180.0.1:80', true], ['10.180.2.1:80', false]]);
    const last = t.endpoints[1]?.rules.map((r) => r.chain);
    expect(last?.slice(0, 3)).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT']);
    expect(last).toHaveLength(4);
    expect(t.endpoints[1]?.rules.at(-1)?.target).toEqual({ kind: 'DNAT', destination: '10.180.2.1:80' });
  });
});
