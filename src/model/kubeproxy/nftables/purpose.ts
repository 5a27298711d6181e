/**
 * Why kube-proxy's nftables mode wrote each rule and each set/map element, as data (the nftables
 * counterpart of ../purpose.ts): the writer states it, so the trace can say which path matched and
 * the rules view can name it, without reading rule text. Each kind names the statement of
 * pkg/proxy/nftables/proxier.go (setupNFTables, syncProxyRules, writeServiceToEndpointRules).
 */
import type { CapturePath, ServicePortKey } from '../purpose';

/** A rule's id: built by rule.ts only, compared but never parsed. */
export type NftRuleId = string & { readonly __brand: 'NftRuleId' };

/** Rules setupNFTables writes once per node. */
export type NftGlobalRulePurpose =
  /** nftablesJumpChains: a base chain → a top-level chain (`ct state new jump firewall-check`). */
  | { kind: 'hook'; target: string }
  /** mark-for-masquerade: `mark set mark or MARK`. */
  | { kind: 'markMasquerade' }
  /** masquerading: unmarked packets return. */
  | { kind: 'masqueradingUnmarked' }
  /** masquerading: the mark is cleared. */
  | { kind: 'masqueradingClearMark' }
  /** masquerading: `masquerade fully-random`. */
  | { kind: 'masqueradingMasquerade' }
  /** cluster-ips-check: a ClusterIP on a port no Service defines is rejected. */
  | { kind: 'clusterIPInvalidPort' }
  /** cluster-ips-check: an unallocated address in the service CIDRs is dropped. */
  | { kind: 'clusterIPUnallocated' }
  /** reject-chain: `reject`. */
  | { kind: 'rejectChain' }
  /** service-endpoints-check: `vmap @no-endpoint-services`. */
  | { kind: 'noEndpointServicesCheck' }
  /** nodeport-endpoints-check: `vmap @no-endpoint-nodeports`. */
  | { kind: 'noEndpointNodePortsCheck' }
  /** firewall-check: `vmap @firewall-ips`. */
  | { kind: 'firewallCheck' }
  /** services: `vmap @service-ips` (ClusterIP, external IP and LB IP traffic). */
  | { kind: 'serviceIPsDispatch' }
  /** services: `vmap @service-nodeports` on the addresses that accept NodePorts. */
  | { kind: 'nodePortsDispatch' };

/** Rules written per service port (they all carry `servicePort`). */
export type NftServiceRulePurpose =
  /** service-/local- chain: ClusterIP traffic from outside the pod network (or all, --masquerade-all) is marked. */
  | { kind: 'clusterIPMasquerade'; masqueradeAll: boolean }
  /** external- chain (Cluster policy): every external packet is marked. */
  | { kind: 'externalMasquerade' }
  /** external- chain (Local policy): pod traffic short-circuits to the Cluster chain. */
  | { kind: 'externalFromPod' }
  /** external- chain (Local policy): traffic from the node itself is marked… */
  | { kind: 'externalFromNodeMasquerade' }
  /** …and short-circuits to the Cluster chain. */
  | { kind: 'externalFromNode' }
  /** external- chain: the rest → the external policy chain (service- or local-). */
  | { kind: 'externalPolicy'; local: boolean }
  /** firewall- chain: sources outside loadBalancerSourceRanges are dropped. */
  | { kind: 'firewallDrop'; sources: string[] }
  /** service-/local- chain: a client remembered by sessionAffinity → its endpoint. */
  | { kind: 'affinity'; endpoint: string }
  /** service-/local- chain: `numgen random mod N vmap`, the endpoint choice. */
  | { kind: 'endpointPick'; endpoints: string[]; local: boolean }
  /** endpoint- chain: the endpoint talking to itself through the Service is marked (hairpin). */
  | { kind: 'endpointHairpin'; endpoint: string }
  /** endpoint- chain: the client is remembered for sessionAffinity. */
  | { kind: 'affinityUpdate'; endpoint: string }
  /** endpoint- chain: the DNAT. */
  | { kind: 'endpointDnat'; endpoint: string };

export type NftRulePurpose = (NftServiceRulePurpose & { servicePort: ServicePortKey }) | NftGlobalRulePurpose;

/** Why an element is in its set or map. */
export type NftElementPurpose =
  /** nodeport-ips: an address that accepts NodePort traffic. */
  | { kind: 'nodePortIP'; ip: string }
  /** cluster-ips: an active ClusterIP. */
  | { kind: 'clusterIP'; ip: string; servicePort: ServicePortKey }
  /** service-ips / service-nodeports: a destination of the Service → its chain. */
  | { kind: 'dispatch'; path: CapturePath; ip?: string; servicePort: ServicePortKey }
  /**
   * no-endpoint-services / no-endpoint-nodeports: a destination with no usable endpoint — reject
   * when the Service has none at all, drop (`local`) when the traffic policy is Local and this node
   * has none.
   */
  | { kind: 'noEndpoints'; path: CapturePath; local: boolean; ip?: string; servicePort: ServicePortKey }
  /** firewall-ips: an LB IP subject to loadBalancerSourceRanges → its firewall- chain. */
  | { kind: 'firewall'; ip: string; servicePort: ServicePortKey };

export type NftServiceRulePurposeKind = NftServiceRulePurpose['kind'];

/** The Service port a rule or element was written for, if any. */
export function nftPurposeServicePort(purpose: NftRulePurpose | NftElementPurpose): ServicePortKey | undefined {
  return 'servicePort' in purpose ? purpose.servicePort : undefined;
}
