/**
 * setupNFTables (pkg/proxy/nftables/proxier.go): the table, its base chains, the top-level chains
 * the base chains jump to, the masquerade mark and chain, and the sets and verdict maps every
 * Service's elements go into. Written in kube-proxy's order.
 */
import { cidrContains, isIPv4, parseCidr, type Cidr } from '../../ip';
import type { NodeFacts } from '../types';
import { nm, ns } from './rule';
import type { BaseChainHook, BaseChainType, NftablesOptions } from './types';
import type { NftWriter } from './writer';

export const TABLE_COMMENT = 'rules for kube-proxy';

// Base chains.
export const FILTER_PREROUTING_PRE_DNAT = 'filter-prerouting-pre-dnat';
export const FILTER_OUTPUT_PRE_DNAT = 'filter-output-pre-dnat';
export const FILTER_INPUT = 'filter-input';
export const FILTER_FORWARD = 'filter-forward';
export const FILTER_OUTPUT = 'filter-output';
export const NAT_PREROUTING = 'nat-prerouting';
export const NAT_OUTPUT = 'nat-output';
export const NAT_POSTROUTING = 'nat-postrouting';
// Service dispatch.
export const SERVICES = 'services';
export const SERVICE_IPS = 'service-ips';
export const SERVICE_NODEPORTS = 'service-nodeports';
export const NODEPORT_IPS = 'nodeport-ips';
export const CLUSTER_IPS = 'cluster-ips';
// No endpoints.
export const SERVICE_ENDPOINTS_CHECK = 'service-endpoints-check';
export const NODEPORT_ENDPOINTS_CHECK = 'nodeport-endpoints-check';
export const NO_ENDPOINT_SERVICES = 'no-endpoint-services';
export const NO_ENDPOINT_NODEPORTS = 'no-endpoint-nodeports';
export const REJECT_CHAIN = 'reject-chain';
// Unallocated ClusterIPs and undefined ports.
export const CLUSTER_IPS_CHECK = 'cluster-ips-check';
// loadBalancerSourceRanges.
export const FIREWALL_IPS = 'firewall-ips';
export const FIREWALL_CHECK = 'firewall-check';
// Masquerading.
export const MARK_MASQ = 'mark-for-masquerade';
export const MASQUERADING = 'masquerading';

/** knftables' priorities in the ip family: "filter" 0, "dstnat" -100, "srcnat" 100. */
const PRIORITY = { filter: 0, dstnat: -100, srcnat: 100 } as const;

/**
 * nftablesBaseChains. The filter chains that must see pre-DNAT destinations (firewall-check) run at
 * dstnat-10; the endpoint and ClusterIP checks run at filter priority, after DNAT.
 */
const BASE_CHAINS: [string, BaseChainType, BaseChainHook, string, number][] = [
  [FILTER_PREROUTING_PRE_DNAT, 'filter', 'prerouting', 'dstnat-10', PRIORITY.dstnat - 10],
  [FILTER_OUTPUT_PRE_DNAT, 'filter', 'output', 'dstnat-10', PRIORITY.dstnat - 10],
  [FILTER_INPUT, 'filter', 'input', 'filter', PRIORITY.filter],
  [FILTER_FORWARD, 'filter', 'forward', 'filter', PRIORITY.filter],
  [FILTER_OUTPUT, 'filter', 'output', 'filter', PRIORITY.filter],
  [NAT_PREROUTING, 'nat', 'prerouting', 'dstnat', PRIORITY.dstnat],
  [NAT_OUTPUT, 'nat', 'output', 'dstnat', PRIORITY.dstnat],
  [NAT_POSTROUTING, 'nat', 'postrouting', 'srcnat', PRIORITY.srcnat],
];

/**
 * nftablesJumpChains: [destination, source, ct state new?]. (endpoint checks are not jumped to
 * from filter-prerouting because `reject` is only valid in input, forward and output hooks on
 * kernels before 5.9.)
 */
const JUMP_CHAINS: [string, string, boolean][] = [
  [NODEPORT_ENDPOINTS_CHECK, FILTER_INPUT, true],
  [SERVICE_ENDPOINTS_CHECK, FILTER_INPUT, true],
  [SERVICE_ENDPOINTS_CHECK, FILTER_FORWARD, true],
  [SERVICE_ENDPOINTS_CHECK, FILTER_OUTPUT, true],
  [FIREWALL_CHECK, FILTER_PREROUTING_PRE_DNAT, true],
  [FIREWALL_CHECK, FILTER_OUTPUT_PRE_DNAT, true],
  [SERVICES, NAT_OUTPUT, false],
  [SERVICES, NAT_PREROUTING, false],
  [MASQUERADING, NAT_POSTROUTING, false],
  [CLUSTER_IPS_CHECK, FILTER_FORWARD, true],
  [CLUSTER_IPS_CHECK, FILTER_OUTPUT, true],
];

/** NewProxier: fmt.Sprintf("%#08x", 1<<masqueradeBit), Go pads the digits to 8: "0x00004000". */
export function masqueradeMark(options: NftablesOptions): string {
  return options.masqueradeMark ?? '0x' + (2 ** options.masqueradeBit).toString(16).padStart(8, '0');
}

/** proxyutil.NodePortAddresses for IPv4: its CIDRs, and whether it matches every address. */
export interface NodePortAddresses {
  matchAll: boolean;
  cidrs: Cidr[];
}

/**
 * NewNodePortAddresses after kube-proxy's config handling: "primary" is the node's IP as a /32
 * (cmd/kube-proxy/app/server.go), no IPv4 CIDR or a zero CIDR matches every address.
 */
export function nodePortAddresses(values: string[], node: NodeFacts): NodePortAddresses {
  const strings = values.length === 1 && values[0] === 'primary'
    ? (node.nodeIP !== undefined && !node.nodeIP.startsWith('127.') ? [`${node.nodeIP}/32`] : [])
    : values;
  const cidrs = strings.map((s) => parseCidr(s.trim())).filter((c): c is Cidr => c !== undefined);
  return { matchAll: cidrs.length === 0 || cidrs.some((c) => c.prefix === 0), cidrs };
}

/** GetNodeIPs: the node's interface addresses inside the CIDRs, loopback left out. */
export function nodePortIPs(addresses: NodePortAddresses, node: NodeFacts): string[] {
  const ips = [...new Set(node.localIPs)].filter((ip) => isIPv4(ip) && !ip.startsWith('127.'));
  return ips.filter((ip) => addresses.cidrs.some((c) => cidrContains(c, ip)));
}

/** The "ip daddr != 127.0.0.0/8" of setupNFTables (NodePorts never on localhost in nftables mode). */
const NO_LOCALHOST = nm.daddr('127.0.0.0/8', true);

/** Writes what setupNFTables writes. */
export function writeSetup(w: NftWriter, options: NftablesOptions, node: NodeFacts): void {
  for (const [name, type, hook, priorityName, priority] of BASE_CHAINS) {
    w.chain(name, { base: { type, hook, priorityName, priority } });
  }
  for (const [dst, src, ctNew] of JUMP_CHAINS) {
    w.chain(dst);
    w.rule(src, ctNew ? [nm.ctNew()] : [], [ns.jump(dst)], { kind: 'hook', target: dst });
  }
  for (const chain of [SERVICES, CLUSTER_IPS_CHECK, MASQUERADING, MARK_MASQ]) w.chain(chain);

  const mark = masqueradeMark(options);
  w.rule(MARK_MASQ, [], [{ kind: 'markSet', op: 'or', value: mark }], { kind: 'markMasquerade' });
  w.rule(MASQUERADING, [{ kind: 'markAndZero', mask: mark }], [ns.verdict('return')], { kind: 'masqueradingUnmarked' });
  w.rule(MASQUERADING, [], [{ kind: 'markSet', op: 'xor', value: mark }], { kind: 'masqueradingClearMark' });
  w.rule(MASQUERADING, [], [{ kind: 'masquerade' }], { kind: 'masqueradingMasquerade' });

  w.set({ name: CLUSTER_IPS, type: 'ipv4_addr', comment: 'Active ClusterIPs' });
  w.rule(CLUSTER_IPS_CHECK, [nm.inSet('daddr', CLUSTER_IPS)], [ns.verdict('reject')], { kind: 'clusterIPInvalidPort' },
    'Reject traffic to invalid ports of ClusterIPs');
  // OnServiceCIDRsChanged joins the family's CIDRs with ",".
  const serviceCIDRs = options.serviceCIDRs.filter((c) => parseCidr(c) !== undefined);
  if (serviceCIDRs.length > 0) {
    w.rule(CLUSTER_IPS_CHECK, [{ kind: 'addrInAnonSet', field: 'daddr', negated: false, values: serviceCIDRs, separator: ',' }],
      [ns.verdict('drop')], { kind: 'clusterIPUnallocated' }, 'Drop traffic to unallocated ClusterIPs');
  }

  const addresses = nodePortAddresses(options.nodePortAddresses, node);
  w.set({ name: NODEPORT_IPS, type: 'ipv4_addr', comment: 'IPs that accept NodePort traffic' });
  if (addresses.matchAll) {
    w.deleteSet(NODEPORT_IPS);
  } else {
    for (const ip of nodePortIPs(addresses, node)) w.element(NODEPORT_IPS, [ip], { kind: 'nodePortIP', ip });
  }

  w.map({ name: NO_ENDPOINT_SERVICES, type: 'ipv4_addr . inet_proto . inet_service : verdict',
    comment: 'vmap to drop or reject packets to services with no endpoints' });
  w.map({ name: NO_ENDPOINT_NODEPORTS, type: 'inet_proto . inet_service : verdict',
    comment: 'vmap to drop or reject packets to service nodeports with no endpoints' });
  w.chain(REJECT_CHAIN, { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' });
  w.rule(REJECT_CHAIN, [], [ns.verdict('reject')], { kind: 'rejectChain' });
  w.rule(SERVICE_ENDPOINTS_CHECK, [], [ns.vmap('daddr.l4proto.dport', NO_ENDPOINT_SERVICES)], { kind: 'noEndpointServicesCheck' });
  w.rule(NODEPORT_ENDPOINTS_CHECK, addresses.matchAll ? [NO_LOCALHOST] : [nm.inSet('daddr', NODEPORT_IPS)],
    [ns.vmap('l4proto.dport', NO_ENDPOINT_NODEPORTS)], { kind: 'noEndpointNodePortsCheck' });

  w.map({ name: FIREWALL_IPS, type: 'ipv4_addr . inet_proto . inet_service : verdict',
    comment: 'destinations that are subject to LoadBalancerSourceRanges' });
  w.chain(FIREWALL_CHECK);
  w.rule(FIREWALL_CHECK, [], [ns.vmap('daddr.l4proto.dport', FIREWALL_IPS)], { kind: 'firewallCheck' });

  w.map({ name: SERVICE_IPS, type: 'ipv4_addr . inet_proto . inet_service : verdict',
    comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' });
  w.map({ name: SERVICE_NODEPORTS, type: 'inet_proto . inet_service : verdict', comment: 'NodePort traffic' });
  w.rule(SERVICES, [], [ns.vmap('daddr.l4proto.dport', SERVICE_IPS)], { kind: 'serviceIPsDispatch' });
  w.rule(SERVICES, addresses.matchAll ? [nm.fibLocal('daddr'), NO_LOCALHOST] : [nm.inSet('daddr', NODEPORT_IPS)],
    [ns.vmap('l4proto.dport', SERVICE_NODEPORTS)], { kind: 'nodePortsDispatch' });
}
