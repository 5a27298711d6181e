/**
 * Test helpers with the conventions of pkg/proxy/nftables/proxier_test.go (NewFakeProxier):
 * pod IPs 10.0.0.0/8 (the LocalTrafficDetector's CIDR), ServiceCIDR 172.30.0.0/16, node
 * "test-node" at 192.168.0.2 (also on its interfaces: 192.168.1.2 and 192.168.99.11),
 * --nodeport-addresses 192.168.0.2/32, the masquerade mark written "0x4000".
 */
import { testNode } from '../testing';
import type { KubeProxyOptions, ServicePortEntry } from '../types';
import type { NftablesInput, NftablesOptions } from './types';

export { ep, svcPort, testNodeIP, testNodeIPAlt, testExternalIP, testExternalClient, testExternalClientBlocked } from '../testing';

/** NewFakeProxier's nftables settings. */
export const fakeNftOptions: Partial<NftablesOptions> = {
  masqueradeMark: '0x4000',
  serviceCIDRs: ['172.30.0.0/16'],
  nodePortAddresses: ['192.168.0.2/32'],
};

/** testNodeIPs of proxier_test.go (IPv4 part): what `fib … type local` is true for. */
export const testNodeIPs = testNode.localIPs;

/** The input NewFakeProxier + makeServiceMap + populateEndpointSlices would hold. */
export function fakeNftInput(
  servicePorts: ServicePortEntry[], nftables: Partial<NftablesOptions> = {}, options: Partial<KubeProxyOptions> = {},
): NftablesInput {
  return { node: testNode, servicePorts, options, nftables: { ...fakeNftOptions, ...nftables } };
}

/**
 * lithammer/dedent's Dedent, as proxier_test.go uses it: whitespace-only lines become empty, then
 * the margin common to all other lines is removed.
 */
export function dedent(text: string): string {
  const lines = text.replace(/^[ \t]+$/gm, '').split('\n');
  const margins = lines.filter((l) => l !== '').map((l) => /^[ \t]*/.exec(l)?.[0] ?? '');
  const margin = margins.reduce((a, b) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  }, margins[0] ?? '');
  return lines.map((l) => (l.startsWith(margin) ? l.slice(margin.length) : l)).join('\n');
}
