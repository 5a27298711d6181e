/**
 * Test_servicePortChainNameBase and Test_servicePortEndpointChainNameBase of
 * pkg/proxy/nftables/proxier_test.go, with their expected names copied verbatim.
 */
import { describe, expect, it } from 'vitest';
import { servicePortChainNameBase, servicePortEndpointChainNameBase, servicePortChainNames, endpointNames } from './names';

const longNS = 'very-long-namespace-name-abcdefghijklmnopqrstuvwxyz0123456789xx';
const longSvc = 'very-long-service-name-why-would-you-even-do-this-i-mean-really';
const longPort = 'port-443-providing-the-hypertext-transmission-protocol-with-tls';
const longBase = `${longNS}/${longSvc}/sctp/${longPort}`;

describe('Test_servicePortChainNameBase', () => {
  const cases: [string, string, string, string, string, string][] = [
    ['simple', 'testing', 'service', 'http', 'tcp', 'P4ZYZVCF-testing/service/tcp/http'],
    ['different port, different hash', 'testing', 'service', 'https', 'tcp', 'LZBRENCP-testing/service/tcp/https'],
    ['max length', longNS, longSvc, longPort, 'sctp', `KR6NACJP-${longBase}`],
  ];
  for (const [name, ns, svc, port, proto, expected] of cases) {
    it(name, () => expect(servicePortChainNameBase(ns, svc, port, proto)).toBe(expected));
  }
});

describe('Test_servicePortEndpointChainNameBase', () => {
  const cases: [string, string, string, string, string, string, string, string][] = [
    ['simple', 'testing', 'service', 'http', 'tcp', '10.180.0.1:80', '', 'JO2XBXZR-testing/service/tcp/http__10.180.0.1/80'],
    ['different endpoint, different hash', 'testing', 'service', 'http', 'tcp', '10.180.0.2:80', '', '5S6H3H22-testing/service/tcp/http__10.180.0.2/80'],
    ['ipv6', 'testing', 'service', 'http', 'tcp', '[fd80:abcd:12::a1b2:c3d4:e5f6:9999]:80', '',
      'U7E2ET36-testing/service/tcp/http__fd80.abcd.12..a1b2.c3d4.e5f6.9999/80'],
    ['max length without truncation', longNS, longSvc, longPort, 'sctp', '[1234:5678:9abc:def0::abc:1234]:443', '',
      `5YS7AFEA-${longBase}__1234.5678.9abc.def0..abc.1234/443`],
    ['truncated, 1', longNS, longSvc, longPort, 'sctp', '[1234:5678:9abc:def0::abcd:1234:5678]:443', '',
      `CI6C53Q3-${longBase}__1234.5678.9abc.def0..abcd.1234...`],
    ['truncated, 2 (different IP, which is not visible in the result)', longNS, longSvc, longPort, 'sctp',
      '[1234:5678:9abc:def0::abcd:1234:8765]:443', '', `2FLXFK6X-${longBase}__1234.5678.9abc.def0..abcd.1234...`],
  ];
  for (const [name, ns, svc, port, proto, endpoint, , expected] of cases) {
    it(name, () => expect(servicePortEndpointChainNameBase(ns, svc, port, proto, endpoint)).toBe(expected));
  }
});

describe('chain and set names (newServiceInfo, newEndpointInfo)', () => {
  it('prefixes the bases as proxier_test.go\'s rules show', () => {
    expect(servicePortChainNames('ns2', 'svc2', 'p80', 'tcp')).toEqual({
      clusterPolicy: 'service-42NFTM6N-ns2/svc2/tcp/p80',
      localPolicy: 'local-42NFTM6N-ns2/svc2/tcp/p80',
      external: 'external-42NFTM6N-ns2/svc2/tcp/p80',
      firewall: 'firewall-42NFTM6N-ns2/svc2/tcp/p80',
    });
    expect(endpointNames('ns5', 'svc5', 'p80', 'tcp', '10.180.0.3:80')).toEqual({
      chain: 'endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
      affinitySet: 'affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
    });
  });
});
