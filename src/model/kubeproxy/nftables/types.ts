/**
 * The ruleset kube-proxy's nftables mode writes on one node, as data: the `ip kube-proxy` table,
 * its chains (base chains with type, hook and priority), sets and verdict maps with their elements,
 * and rules made of typed matches and statements. Each rule and element carries a typed purpose
 * (purpose.ts). `dump.ts` and `listRuleset.ts` print this model, `tracer.ts` evaluates it, so the
 * rules view and the verdict cannot disagree. Mirrors pkg/proxy/nftables/proxier.go
 * (setupNFTables, syncProxyRules) and the objects of sigs.k8s.io/knftables (Table, Chain, Set,
 * Map, Element, Rule).
 */
import type { KubeProxyInput, NodeFacts } from '../types';
import type { NftElementPurpose, NftRuleId, NftRulePurpose } from './purpose';

export type * from './purpose';

/** A verdict, as a rule statement or a verdict-map value. */
export type NftVerdict =
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'drop' | 'reject' | 'return' | 'accept' };

/** The address field of an `ip saddr` / `ip daddr` expression. */
export type AddrField = 'saddr' | 'daddr';

/** The concatenated keys kube-proxy looks up (`ip daddr . meta l4proto . th dport`, `meta l4proto . th dport`). */
export type LookupKey = 'daddr.l4proto.dport' | 'l4proto.dport';

/** One match of a rule, in the order kube-proxy writes it. */
export type NftMatch =
  /** `ct state new` (the filter hooks only look at new connections). */
  | { kind: 'ctStateNew' }
  /** `ip daddr 172.30.0.41`, `ip saddr != 10.0.0.0/8`: an address or a CIDR. */
  | { kind: 'addr'; field: AddrField; negated: boolean; value: string }
  /** `ip daddr { 172.30.0.0/16 }`, `ip saddr != { 203.0.113.0/25 , 1.2.3.4 }`: an anonymous set. */
  | { kind: 'addrInAnonSet'; field: AddrField; negated: boolean; values: string[]; separator: ',' | ' , ' }
  /** `ip daddr @cluster-ips`, `ip saddr @affinity-…`: membership of a named set. */
  | { kind: 'addrInSet'; field: AddrField; set: string }
  /** `fib saddr type local` / `fib daddr type local`: an address of this node. */
  | { kind: 'fibLocal'; field: AddrField }
  /** `meta l4proto tcp` (before the DNAT). */
  | { kind: 'l4proto'; protocol: 'tcp' | 'udp' | 'sctp' }
  /** `mark and 0x4000 == 0`. */
  | { kind: 'markAndZero'; mask: string };

/** What a rule does once its matches hold. */
export type NftStatement =
  | { kind: 'verdict'; verdict: NftVerdict }
  /** `… vmap @map`: the verdict of the element whose key is the packet's. */
  | { kind: 'vmap'; key: LookupKey; map: string }
  /** `numgen random mod N vmap { 0 : goto a , 1 : goto b }`: one endpoint chain at random. */
  | { kind: 'numgen'; chains: string[] }
  /** `dnat to ip:port`. */
  | { kind: 'dnat'; destination: string }
  /** `mark set mark or|xor 0x4000`. */
  | { kind: 'markSet'; op: 'or' | 'xor'; value: string }
  /** `masquerade fully-random`. */
  | { kind: 'masquerade' }
  /** `update @set { ip saddr }`: remembers the client (session affinity). */
  | { kind: 'updateSet'; set: string };

/** One rule (knftables.Rule): its text is the `Rule` string kube-proxy passes, printed not parsed. */
export interface NftRule {
  /** Stable and unique in its ruleset; what traces and views refer to a rule by. */
  id: NftRuleId;
  chain: string;
  matches: NftMatch[];
  statements: NftStatement[];
  /** knftables.Rule.Comment. */
  comment?: string;
  /** Why kube-proxy wrote it; readers branch on this, never on the text. */
  purpose: NftRulePurpose;
  /** The rule as kube-proxy writes it (knftables.Concat of its parts), without the comment. */
  text: string;
}

export type BaseChainType = 'filter' | 'nat';
export type BaseChainHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** A base chain's hook (nftablesBaseChains). */
export interface NftBaseChain {
  type: BaseChainType;
  hook: BaseChainHook;
  /** knftables.BaseChainPriority as kube-proxy writes it: "dstnat-10", "filter", "dstnat", "srcnat". */
  priorityName: string;
  /** Its numeric value in the ip family (knftables' dump prints this): -110, 0, -100, 100. */
  priority: number;
}

export interface NftChain {
  name: string;
  base?: NftBaseChain;
  comment?: string;
  /**
   * A service or endpoint chain no longer in use, flushed but kept until a later sync (kernels
   * before 6.2 notice a map element's chain is unreferenced only a moment after; staleChains).
   */
  stale?: true;
  /** In evaluation order (the order kube-proxy added them). */
  rules: NftRule[];
}

/** One element of a set or map (knftables.Element). */
export interface NftElement {
  key: string[];
  /** Verdict maps only. */
  value?: NftVerdict;
  comment?: string;
  purpose: NftElementPurpose;
}

/** A named set (knftables.Set). */
export interface NftSet {
  name: string;
  /** Creation order among the table's sets and maps (the kernel's, which `nft list` prints in). */
  handle: number;
  /** "ipv4_addr". */
  type: string;
  flags?: string[];
  timeoutSeconds?: number;
  comment?: string;
  elements: NftElement[];
}

/** A verdict map (knftables.Map): `type <key> : verdict`. */
export interface NftMap {
  name: string;
  /** Creation order among the table's sets and maps. */
  handle: number;
  /** "ipv4_addr . inet_proto . inet_service : verdict". */
  type: string;
  comment?: string;
  elements: NftElement[];
}

/** The `ip kube-proxy` table kube-proxy owns on one node. */
export interface NftRuleset {
  family: 'ip';
  table: 'kube-proxy';
  comment: string;
  /** In the order kube-proxy creates them (the order `nft list ruleset` prints them). */
  chains: NftChain[];
  sets: NftSet[];
  maps: NftMap[];
  /** The facts the rules were built for (the tracer needs the node's addresses). */
  node: NodeFacts;
}

/** kube-proxy's flags that shape the nftables ruleset. */
export interface NftablesOptions {
  /** --iptables-masquerade-bit (shared with iptables mode), default 14. */
  masqueradeBit: number;
  /**
   * The mark as written; default fmt.Sprintf("%#08x", 1<<bit) = "0x00004000". NewFakeProxier
   * sets "0x4000", which is what proxier_test.go's expectations show.
   */
  masqueradeMark?: string;
  /** --masquerade-all. */
  masqueradeAll: boolean;
  /** The IPv4 ServiceCIDRs (OnServiceCIDRsChanged): unallocated ClusterIPs in them are dropped. */
  serviceCIDRs: string[];
  /**
   * --nodeport-addresses: CIDRs and/or "primary"; [] accepts NodePorts on every local address.
   * In nftables mode kube-proxy defaults it to ["primary"] (the node's primary IP).
   */
  nodePortAddresses: string[];
}

export const DEFAULT_NFTABLES_OPTIONS: Readonly<NftablesOptions> = Object.freeze({
  masqueradeBit: 14,
  masqueradeAll: false,
  serviceCIDRs: [],
  nodePortAddresses: ['primary'],
});

/** kube-proxy's input (see ../adapter.ts) plus the nftables-only flags. */
export interface NftablesInput extends KubeProxyInput {
  nftables?: Partial<NftablesOptions>;
}
