/**
 * Packet-flow tests mirroring pkg/proxy/nftables/proxier_test.go (commit 81810de635aa) through
 * runPacketFlowTests: the same services, endpoints, packets and expected outputs ("ip:port, …",
 * "REJECT", "DROP", "") and masquerade flags, run through traceNftPacket instead of the test's
 * nftablesTracer.
 */
import { describe, expect, it } from 'vitest';
import { testNode } from '../testing';
import type { EndpointInfo, Protocol, ServicePortEntry } from '../types';
import { nftVerdictFor } from './index';
import { endpointNames } from './names';
import { nftablesRules } from './sync';
import {
  ep, fakeNftInput, svcPort, testExternalClient, testExternalClientBlocked, testNodeIP, testNodeIPAlt,
} from './testing';
import { traceNftPacket } from './tracer';
import type { NftablesInput, NftRuleset } from './types';

interface FlowCase {
  name: string;
  sourceIP: string;
  destIP: string;
  destPort: number;
  protocol?: Protocol;
  output: string;
  masq?: boolean;
}

function runPacketFlowTests(input: NftablesInput | NftRuleset, cases: FlowCase[]): void {
  const ruleset = 'chains' in input ? input : nftablesRules(input);
  for (const tc of cases) {
    const v = nftVerdictFor(ruleset, { sourceIP: tc.sourceIP, destIP: tc.destIP, destPort: tc.destPort, protocol: tc.protocol ?? 'TCP' });
    expect({ name: tc.name, output: v.output, masq: v.masquerade }, v.rules.join('\n'))
      .toEqual({ name: tc.name, output: tc.output, masq: tc.masq ?? false });
  }
}

/** An endpoint with explicit EndpointSlice conditions. */
const cond = (ip: string, ready: boolean, serving: boolean, terminating: boolean, isLocal: boolean): EndpointInfo =>
  ep(ip, 80, { ready, serving, terminating, isLocal });

describe('proxier_test.go packet flows (nftables)', () => {
  it('TestNoEndpointsReject', () => {
    const input = fakeNftInput([{
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
    const input = fakeNftInput([
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
      { name: 'TCP-only port does not match UDP traffic', sourceIP: '10.180.0.2', protocol: 'UDP', destIP: '172.30.0.42', destPort: 80, output: 'REJECT' },
      { name: "svc1 does not accept svc2's ports", sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 443, output: 'REJECT' },
      { name: 'packet to unallocated cluster ip', sourceIP: '10.180.0.2', destIP: '172.30.0.50', destPort: 80, output: 'DROP' },
    ]);
  });

  it('TestLoadBalancer', () => {
    const input = fakeNftInput([{
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
      { name: 'same node to LB1, SNATted to LB1 (implicitly allowed)', sourceIP: '1.2.3.4', destIP: '1.2.3.4', destPort: 80, output: out, masq: true },
      { name: 'same node to LB2, SNATted to LB2 (implicitly allowed)', sourceIP: '5.6.7.8', destIP: '5.6.7.8', destPort: 80, output: out, masq: true },
    ]);
    expect(nftablesRules(input).chains.find((c) => c.name.startsWith('firewall-') && c.name.includes('/'))?.rules.map((r) => r.text))
      .toEqual(['ip saddr != { 192.168.0.0/24 , 203.0.113.0/25 , 1.2.3.4 , 5.6.7.8 } drop']);
  });

  for (const tc of [
    { name: 'ipv4', nodePortAddresses: undefined, allowAltNodeIP: false },
    { name: 'ipv4, multiple nodeport-addresses', nodePortAddresses: ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'], allowAltNodeIP: true },
  ]) {
    it(`TestNodePorts (${tc.name})`, () => {
      const input = fakeNftInput([{
        info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', nodePort: 3001 }),
        endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80, { isLocal: true })],
      }], tc.nodePortAddresses !== undefined ? { nodePortAddresses: tc.nodePortAddresses } : {});
      const output = '10.180.0.1:80, 10.180.2.1:80';
      runPacketFlowTests(input, [
        { name: 'pod to cluster IP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output },
        { name: 'external to nodePort', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output, masq: true },
        { name: 'node to nodePort', sourceIP: testNodeIP, destIP: testNodeIP, destPort: 3001, output, masq: true },
        tc.allowAltNodeIP
          ? { name: 'external to nodePort on secondary IP', sourceIP: testExternalClient, destIP: testNodeIPAlt, destPort: 3001, output, masq: true }
          : { name: 'secondary nodeIP ignores NodePorts', sourceIP: testExternalClient, destIP: testNodeIPAlt, destPort: 3001, output: '' },
      ]);
    });
  }

  const policyService = (externalPolicyLocal: boolean): NftablesInput => fakeNftInput([{
    info: svcPort('ns1', 'svc1', {
      clusterIP: '172.30.0.41', nodePort: 3001, externalIPs: ['192.168.99.11'], loadBalancerIPs: ['1.2.3.4'],
      externalPolicyLocal, healthCheckNodePort: externalPolicyLocal ? 30000 : 0,
    }),
    endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80, { isLocal: true })],
  }]);
  const both = '10.180.0.1:80, 10.180.2.1:80';

  it('TestExternalTrafficPolicyLocal', () => {
    runPacketFlowTests(policyService(true), [
      { name: 'pod to cluster IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: both },
      { name: 'pod to external IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '192.168.99.11', destPort: 80, output: both },
      { name: 'external to external IP hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: '192.168.99.11', destPort: 80, output: '10.180.2.1:80' },
      { name: 'pod to LB IP hits only both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: both },
      { name: 'external to LB IP hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: '10.180.2.1:80' },
      { name: 'pod to NodePort hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: both },
      { name: 'external to NodePort hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: '10.180.2.1:80' },
    ]);
  });

  it('TestExternalTrafficPolicyCluster', () => {
    runPacketFlowTests(policyService(false), [
      { name: 'pod to cluster IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: both },
      { name: 'pod to external IP hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: '192.168.99.11', destPort: 80, output: both, masq: true },
      { name: 'external to external IP hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: '192.168.99.11', destPort: 80, output: both, masq: true },
      { name: 'pod to LB IP hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: both, masq: true },
      { name: 'external to LB IP hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: both, masq: true },
      { name: 'pod to NodePort hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: both, masq: true },
      { name: 'external to NodePort hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: both, masq: true },
    ]);
  });

  describe('TestInternalTrafficPolicy', () => {
    const cases: { name: string; local: boolean; endpoints: [string, boolean][]; output: string }[] = [
      { name: 'internalTrafficPolicy is cluster', local: false,
        endpoints: [['10.0.1.1', true], ['10.0.1.2', false], ['10.0.1.3', false]], output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80' },
      { name: 'internalTrafficPolicy is local and there is one local endpoint', local: true,
        endpoints: [['10.0.1.1', true], ['10.0.1.2', false], ['10.0.1.3', false]], output: '10.0.1.1:80' },
      { name: 'internalTrafficPolicy is local and there are multiple local endpoints', local: true,
        endpoints: [['10.0.1.1', true], ['10.0.1.2', true], ['10.0.1.3', false]], output: '10.0.1.1:80, 10.0.1.2:80' },
      { name: 'internalTrafficPolicy is local and there are no local endpoints', local: true,
        endpoints: [['10.0.1.1', false], ['10.0.1.2', false], ['10.0.1.3', false]], output: 'DROP' },
    ];
    for (const tc of cases) {
      it(tc.name, () => {
        const info = svcPort('ns1', 'svc1', { clusterIP: '172.30.1.1', portName: '', internalPolicyLocal: tc.local });
        const endpoints = tc.endpoints.map(([ip, isLocal]) => ep(ip, 80, { isLocal }));
        runPacketFlowTests(fakeNftInput([{ info, endpoints }]), [
          { name: 'pod to ClusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: tc.output },
        ]);
        runPacketFlowTests(fakeNftInput([{ info, endpoints: [] }]), [
          { name: 'endpoints deleted', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: 'REJECT' },
        ]);
      });
    }
  });

  const terminatingCases = (local: boolean): { name: string; endpoints: EndpointInfo[]; cip: string; lb: string; lbMasq: boolean }[] => [
    {
      name: 'ready endpoints exist',
      endpoints: local
        ? [cond('10.0.1.1', true, true, false, true), cond('10.0.1.2', true, true, false, true), cond('10.0.1.3', false, true, true, true),
          cond('10.0.1.4', false, false, true, true), cond('10.0.1.5', true, true, false, false)]
        : [cond('10.0.1.1', true, true, false, true), cond('10.0.1.2', true, true, false, true), cond('10.0.1.3', false, true, true, false),
          cond('10.0.1.4', false, false, true, false), cond('10.0.1.5', true, true, false, false)],
      cip: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80',
      lb: local ? '10.0.1.1:80, 10.0.1.2:80' : '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80',
      lbMasq: !local,
    },
    {
      name: 'only terminating endpoints exist',
      endpoints: local
        ? [cond('10.0.1.2', false, true, true, true), cond('10.0.1.3', false, true, true, true), cond('10.0.1.4', false, false, true, true),
          cond('10.0.1.5', true, true, false, false)]
        : [cond('10.0.1.2', false, true, true, true), cond('10.0.1.3', false, true, true, true), cond('10.0.1.4', false, false, true, false),
          cond('10.0.1.5', false, true, true, false)],
      cip: local ? '10.0.1.5:80' : '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80',
      lb: local ? '10.0.1.2:80, 10.0.1.3:80' : '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80',
      lbMasq: !local,
    },
    {
      name: 'terminating endpoints on remote node',
      endpoints: [cond('10.0.1.5', false, true, true, false)],
      cip: '10.0.1.5:80',
      lb: local ? 'DROP' : '10.0.1.5:80',
      lbMasq: !local,
    },
    {
      name: 'no usable endpoints on any node',
      endpoints: [cond('10.0.1.5', false, false, true, true), cond('10.0.1.5', false, false, true, false)],
      cip: 'REJECT',
      lb: 'REJECT',
      lbMasq: false,
    },
  ];

  for (const local of [true, false]) {
    describe(`TestTerminatingEndpointsTrafficPolicy${local ? 'Local' : 'Cluster'}`, () => {
      const info = svcPort('ns1', 'svc1', {
        clusterIP: '172.30.1.1', portName: '', loadBalancerIPs: ['1.2.3.4'], externalPolicyLocal: local, healthCheckNodePort: local ? 30000 : 0,
      });
      for (const tc of terminatingCases(local)) {
        it(tc.name, () => {
          runPacketFlowTests(fakeNftInput([{ info, endpoints: tc.endpoints }]), [
            { name: 'pod to clusterIP', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: tc.cip },
            { name: 'external to LB', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: tc.lb, masq: tc.lbMasq },
          ]);
          runPacketFlowTests(fakeNftInput([{ info, endpoints: [] }]), [
            { name: 'pod to clusterIP after endpoints deleted', sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80, output: 'REJECT' },
            { name: 'external to LB after endpoints deleted', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: 'REJECT' },
          ]);
        });
      }
    });
  }

  describe('TestInternalExternalMasquerade', () => {
    const entries: ServicePortEntry[] = [
      {
        info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41', nodePort: 3001, loadBalancerIPs: ['1.2.3.4'] }),
        endpoints: [ep('10.180.0.1', 80, { isLocal: true }), ep('10.180.1.1', 80)],
      },
      {
        info: svcPort('ns2', 'svc2', { clusterIP: '172.30.0.42', nodePort: 3002, loadBalancerIPs: ['5.6.7.8'], externalPolicyLocal: true, healthCheckNodePort: 30002 }),
        endpoints: [ep('10.180.0.2', 80, { isLocal: true }), ep('10.180.1.2', 80)],
      },
      {
        info: svcPort('ns3', 'svc3', { clusterIP: '172.30.0.43', nodePort: 3003, loadBalancerIPs: ['9.10.11.12'], internalPolicyLocal: true }),
        endpoints: [ep('10.180.0.3', 80, { isLocal: true }), ep('10.180.1.3', 80)],
      },
    ];
    const s1 = '10.180.0.1:80, 10.180.1.1:80';
    const s2 = '10.180.0.2:80, 10.180.1.2:80';
    const s3 = '10.180.0.3:80, 10.180.1.3:80';
    const flowTests: FlowCase[] = [
      { name: 'pod to ClusterIP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: s1, masq: false },
      { name: 'pod to NodePort', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: s1, masq: true },
      { name: 'pod to LB', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: s1, masq: true },
      { name: 'node to ClusterIP', sourceIP: testNodeIP, destIP: '172.30.0.41', destPort: 80, output: s1, masq: true },
      { name: 'node to NodePort', sourceIP: testNodeIP, destIP: testNodeIP, destPort: 3001, output: s1, masq: true },
      { name: 'node to LB', sourceIP: testNodeIP, destIP: '1.2.3.4', destPort: 80, output: s1, masq: true },
      { name: 'external to ClusterIP', sourceIP: testExternalClient, destIP: '172.30.0.41', destPort: 80, output: s1, masq: true },
      { name: 'external to NodePort', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: s1, masq: true },
      { name: 'external to LB', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: s1, masq: true },
      { name: 'pod to ClusterIP with eTP:Local', sourceIP: '10.0.0.2', destIP: '172.30.0.42', destPort: 80, output: s2, masq: false },
      { name: 'pod to NodePort with eTP:Local', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3002, output: s2, masq: false },
      { name: 'pod to LB with eTP:Local', sourceIP: '10.0.0.2', destIP: '5.6.7.8', destPort: 80, output: s2, masq: false },
      { name: 'node to ClusterIP with eTP:Local', sourceIP: testNodeIP, destIP: '172.30.0.42', destPort: 80, output: s2, masq: true },
      // (proxier_test.go sends this one to svc1's nodePort 3001.)
      { name: 'node to NodePort with eTP:Local', sourceIP: testNodeIP, destIP: testNodeIP, destPort: 3001, output: s1, masq: true },
      { name: 'node to LB with eTP:Local', sourceIP: testNodeIP, destIP: '5.6.7.8', destPort: 80, output: s2, masq: true },
      { name: 'external to ClusterIP with eTP:Local', sourceIP: testExternalClient, destIP: '172.30.0.42', destPort: 80, output: s2, masq: true },
      { name: 'external to NodePort with eTP:Local', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3002, output: '10.180.0.2:80', masq: false },
      { name: 'external to LB with eTP:Local', sourceIP: testExternalClient, destIP: '5.6.7.8', destPort: 80, output: '10.180.0.2:80', masq: false },
      { name: 'pod to ClusterIP with iTP:Local', sourceIP: '10.0.0.2', destIP: '172.30.0.43', destPort: 80, output: '10.180.0.3:80', masq: false },
      { name: 'pod to NodePort with iTP:Local', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3003, output: s3, masq: true },
      { name: 'pod to LB with iTP:Local', sourceIP: '10.0.0.2', destIP: '9.10.11.12', destPort: 80, output: s3, masq: true },
      { name: 'node to ClusterIP with iTP:Local', sourceIP: testNodeIP, destIP: '172.30.0.43', destPort: 80, output: '10.180.0.3:80', masq: true },
      { name: 'node to NodePort with iTP:Local', sourceIP: testNodeIP, destIP: testNodeIP, destPort: 3003, output: s3, masq: true },
      { name: 'node to LB with iTP:Local', sourceIP: testNodeIP, destIP: '9.10.11.12', destPort: 80, output: s3, masq: true },
      { name: 'external to ClusterIP with iTP:Local', sourceIP: testExternalClient, destIP: '172.30.0.43', destPort: 80, output: '10.180.0.3:80', masq: true },
      { name: 'external to NodePort with iTP:Local', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3003, output: s3, masq: true },
      { name: 'external to LB with iTP:Local', sourceIP: testExternalClient, destIP: '9.10.11.12', destPort: 80, output: s3, masq: true },
    ];
    type Override = { output?: string; masq?: boolean };
    const noDetector: Record<string, Override> = {
      'node to ClusterIP': { masq: false },
      'node to ClusterIP with eTP:Local': { masq: false },
      'node to ClusterIP with iTP:Local': { masq: false },
      'external to ClusterIP': { masq: false },
      'external to ClusterIP with eTP:Local': { masq: false },
      'external to ClusterIP with iTP:Local': { masq: false },
      'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
      'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
    };
    const masqAll: Record<string, Override> = {
      'pod to ClusterIP': { masq: true },
      'pod to ClusterIP with eTP:Local': { masq: true },
      'pod to ClusterIP with iTP:Local': { masq: true },
    };
    const variants: { name: string; masqueradeAll: boolean; localDetector: boolean; overrides: Record<string, Override> }[] = [
      { name: 'base', masqueradeAll: false, localDetector: true, overrides: {} },
      { name: 'no LocalTrafficDetector', masqueradeAll: false, localDetector: false, overrides: noDetector },
      { name: 'masqueradeAll', masqueradeAll: true, localDetector: true, overrides: masqAll },
      { name: 'masqueradeAll, no LocalTrafficDetector', masqueradeAll: true, localDetector: false, overrides: {
        ...masqAll,
        'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
        'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
      } },
    ];
    for (const v of variants) {
      it(v.name, () => {
        const base = fakeNftInput(entries, {}, { masqueradeAll: v.masqueradeAll });
        const node = { name: testNode.name, localIPs: testNode.localIPs, ...(testNode.nodeIP !== undefined ? { nodeIP: testNode.nodeIP } : {}) };
        const input = v.localDetector ? base : { ...base, node };
        runPacketFlowTests(input, flowTests.map((tc) => ({ ...tc, ...v.overrides[tc.name] })));
      });
    }
  });

  it('gives each endpoint choice its own path (hairpin masquerade only on its own branch)', () => {
    const rs = nftablesRules(fakeNftInput([{
      info: svcPort('ns2', 'svc2', { clusterIP: '172.30.0.42' }),
      endpoints: [ep('10.180.0.1', 80), ep('10.180.2.1', 80)],
    }]));
    const t = traceNftPacket(rs, { sourceIP: '10.180.0.1', destIP: '172.30.0.42', destPort: 80, protocol: 'TCP' });
    expect(t.masquerade).toBe(true);
    expect(t.endpoints.map((e) => [e.destination, e.masquerade])).toEqual([['10.180.0.1:80', true], ['10.180.2.1:80', false]]);
    const last = t.endpoints[1]?.steps ?? [];
    // firewall-check (no match), services, the ClusterIP's element, the pick, the DNAT: no hairpin mark.
    expect(last.map((s) => [s.rule.chain, s.rule.purpose.kind])).toEqual([
      ['filter-prerouting-pre-dnat', 'hook'], ['nat-prerouting', 'hook'], ['services', 'serviceIPsDispatch'],
      ['service-42NFTM6N-ns2/svc2/tcp/p80', 'endpointPick'], [endpointNames('ns2', 'svc2', 'p80', 'tcp', '10.180.2.1:80').chain, 'endpointDnat'],
    ]);
    expect(last[2]?.element?.element.purpose).toMatchObject({ kind: 'dispatch', path: 'clusterIP', ip: '172.30.0.42' });
  });

  it('session affinity: a remembered client goes straight to its endpoint', () => {
    const rs = nftablesRules(fakeNftInput([{
      info: svcPort('ns5', 'svc5', { clusterIP: '172.30.0.45', sessionAffinityTimeoutSeconds: 10800 }),
      endpoints: [ep('10.180.0.3', 80), ep('10.180.0.4', 80)],
    }]));
    const set = rs.sets.find((s) => s.name.startsWith('affinity-') && s.name.endsWith('10.180.0.4/80'));
    expect(set).toBeDefined();
    const packet = { sourceIP: '10.0.0.2', destIP: '172.30.0.45', destPort: 80, protocol: 'TCP' as const };
    expect(traceNftPacket(rs, packet).outputs).toEqual(['10.180.0.3:80', '10.180.0.4:80']);
    const t = traceNftPacket(rs, packet, { dynamicElements: { [set?.name ?? '']: ['10.0.0.2'] } });
    expect(t.outputs).toEqual(['10.180.0.4:80']);
    expect(t.steps.map((s) => s.rule.purpose.kind)).toContain('affinity');
  });
});
