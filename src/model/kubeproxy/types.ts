/**
 * Types of kube-proxy's iptables mode, split the way kube-proxy splits them:
 * - the *input* mirrors what `syncProxyRules` reads (pkg/proxy/iptables/proxier.go): one
 *   `ServicePortInfo` per entry of kube-proxy's ServicePortMap (pkg/proxy/serviceport.go,
 *   BaseServicePortInfo) with its endpoints from the EndpointsMap (pkg/proxy/endpoint.go,
 *   BaseEndpointInfo), plus the node's own facts and kube-proxy's flags;
 * - the *output* is an ordered rule model (tables → chains → rules), each rule holding structured
 *   matches, a target and its exact `iptables-restore`/`iptables-save` text. `render.ts` prints it,
 *   `tracer.ts` evaluates it, so the rules view and the verdict can never disagree.
 */
import type { RuleId, RulePurpose } from './purpose';

export type * from './purpose';

/** corev1.Protocol. kube-proxy lowercases it for `-m tcp -p tcp` and for chain-name hashes. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** One endpoint of one service port, as kube-proxy's BaseEndpointInfo holds it. */
export interface EndpointInfo {
  ip: string;
  port: number;
  /** endpoint.nodeName equals this node's name (EndpointSliceCache.isLocal). */
  isLocal: boolean;
  /** conditions.ready (nil counts as true in endpointslicecache.go). */
  ready: boolean;
  /** conditions.serving (nil counts as true). */
  serving: boolean;
  /** conditions.terminating (nil counts as false). */
  terminating: boolean;
}

/**
 * One service port as kube-proxy's BaseServicePortInfo derives it from a Service
 * (pkg/proxy/serviceport.go newBaseServiceInfo): policies already resolved through
 * pkg/api/v1/service (ExternalPolicyLocal, InternalPolicyLocal, NeedsHealthCheck).
 */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  /** spec.ports[].name; '' when unnamed (then the ServicePortName is just "ns/name"). */
  portName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  /** 0 when the port has no nodePort. */
  nodePort: number;
  /** spec.externalIPs of this IP family. */
  externalIPs: string[];
  /** status.loadBalancer.ingress[].ip (VIP mode) of this IP family. */
  loadBalancerIPs: string[];
  /** spec.loadBalancerSourceRanges, as written (kube-proxy trims and parses them). */
  loadBalancerSourceRanges: string[];
  /** apiservice.ExternalPolicyLocal: externally accessible and externalTrafficPolicy Local. */
  externalPolicyLocal: boolean;
  /** apiservice.InternalPolicyLocal: internalTrafficPolicy Local. */
  internalPolicyLocal: boolean;
  /** 0 unless apiservice.NeedsHealthCheck (LoadBalancer with externalTrafficPolicy Local). */
  healthCheckNodePort: number;
  /** sessionAffinity ClientIP: the timeout (stickyMaxAgeSeconds); undefined for None. */
  sessionAffinityTimeoutSeconds?: number;
}

/** A service port and all its endpoints (kube-proxy's EndpointsMap entry, any order). */
export interface ServicePortEntry {
  info: ServicePortInfo;
  endpoints: EndpointInfo[];
}

/** The facts about the node kube-proxy runs on. */
export interface NodeFacts {
  /** --hostname-override / node name: endpoints with this nodeName are local. */
  name: string;
  /** The node's primary IP (proxier.nodeIP), used by the loadBalancerSourceRanges rules. */
  nodeIP?: string;
  /**
   * Addresses the kernel treats as LOCAL for `-m addrtype` (the IPs on the node's interfaces).
   * 127.0.0.1 is always added by the tracer.
   */
  localIPs: string[];
  /** --cluster-cidr for --detect-local-mode=ClusterCIDR; undefined: local detection not implemented. */
  clusterCIDR?: string;
}

/** kube-proxy's flags and host capabilities that change the rules it writes. */
export interface KubeProxyOptions {
  /** --iptables-masquerade-bit, default 14 (mark 0x4000). */
  masqueradeBit: number;
  /** --masquerade-all, default false. */
  masqueradeAll: boolean;
  /** --iptables-localhost-nodeports, default true. */
  localhostNodePorts: boolean;
  /** iptables supports `--random-fully` (iptables ≥ 1.6.2: true on current distributions). */
  randomFully: boolean;
  /** The kernel has nfacct (nfnetlink_acct), so kube-proxy adds its `-m nfacct` counters. */
  nfacct: boolean;
  /** net.netfilter.nf_conntrack_tcp_be_liberal is set (then no INVALID-drop rule). Default false. */
  conntrackTCPLiberal: boolean;
}

export const DEFAULT_KUBE_PROXY_OPTIONS: Readonly<KubeProxyOptions> = Object.freeze({
  masqueradeBit: 14,
  masqueradeAll: false,
  localhostNodePorts: true,
  randomFully: true,
  nfacct: true,
  conntrackTCPLiberal: false,
});

/** Everything one `syncProxyRules` run on one node needs. */
export interface KubeProxyInput {
  node: NodeFacts;
  servicePorts: ServicePortEntry[];
  options?: Partial<KubeProxyOptions>;
}

// -----------------------------------------------------------------------------------------------
// The rule model

export type TableName = 'filter' | 'nat';

/** One match of a rule, in the order kube-proxy writes its arguments. */
export type Match =
  | { kind: 'comment'; text: string }
  /** `-m tcp -p tcp` (lowercase protocol). */
  | { kind: 'protocol'; protocol: 'tcp' | 'udp' | 'sctp' }
  /** `-s` / `! -s`: an IP or a CIDR. */
  | { kind: 'source'; address: string; negated: boolean }
  /** `-d` / `! -d`: an IP or a CIDR. */
  | { kind: 'destination'; address: string; negated: boolean }
  | { kind: 'dport'; port: number }
  /** `-m addrtype --src-type LOCAL` / `--dst-type LOCAL`. */
  | { kind: 'addrtype'; direction: 'src' | 'dst'; type: 'LOCAL' }
  /** `-m statistic --mode random --probability p` (p formatted as kube-proxy does). */
  | { kind: 'statistic'; probability: string }
  /** `-m recent --name X --set` (records the source, always matches). */
  | { kind: 'recentSet'; name: string }
  /** `-m recent --name X --rcheck --seconds N --reap` (matches a remembered client). */
  | { kind: 'recentCheck'; name: string; seconds: number }
  /** `-m mark [!] --mark v/m`. */
  | { kind: 'mark'; mark: string; negated: boolean }
  /** `-m conntrack [!] --ctstate S`. */
  | { kind: 'conntrack'; states: string; negated: boolean }
  /** `-m nfacct --nfacct-name X` (a counter; always matches). */
  | { kind: 'nfacct'; name: string };

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'ACCEPT' | 'DROP' | 'REJECT' | 'RETURN' }
  | { kind: 'DNAT'; destination: string }
  | { kind: 'MARK'; op: 'or' | 'xor'; mark: string }
  | { kind: 'MASQUERADE'; randomFully: boolean }
  /** A rule with no target (kube-proxy's "other traffic … will be dropped" placeholder). */
  | { kind: 'none' };

/** One `-A` line. */
export interface Rule {
  /** Stable and unique in its rule set (see ruleId.ts); what traces and views refer to a rule by. */
  id: RuleId;
  table: TableName;
  chain: string;
  matches: Match[];
  target: Target;
  /** Why kube-proxy wrote it; readers branch on this, never on the comment or the text. */
  purpose: RulePurpose;
  /** Exactly as iptables-save prints it: `-A CHAIN …`. Printed, never parsed. */
  text: string;
  /** The ServicePortName ("ns/svc:port") the rule was written for, if any (purpose.servicePort printed). */
  servicePortName?: string;
}

/** One chain of one table, with its rules in evaluation order. */
export interface Chain {
  name: string;
  rules: Rule[];
}

/** One table as iptables-save prints it: chains in printed order. */
export interface Table {
  name: TableName;
  chains: Chain[];
}

/** The rules kube-proxy owns on one node. */
export interface RuleSet {
  /** filter then nat, as iptables-save prints them. */
  tables: Table[];
  /**
   * The jump rules kube-proxy ensures in the built-in chains (iptablesJumpChains in proxier.go),
   * e.g. `-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`.
   * kube-proxy adds them with `iptables -I`, not in its restore data, so they are not printed.
   */
  jumpRules: Rule[];
  /** The facts the rules were built for (the tracer needs localIPs). */
  node: NodeFacts;
  /** True when > 1000 endpoints made kube-proxy drop per-endpoint comments. */
  largeClusterMode: boolean;
}
