/**
 * The request path engine's data: what `trace` returns. Everything is data — explanations and
 * reasons are message keys with parameters (see messages.ts), never prose — so the UI words,
 * links and translates them, and the canvas maps `from`/`to` element references to its elements.
 */
import type { Protocol } from '../cluster';
import type { ElementRef } from '../elementIds';
import type { KubeProxyMode } from '../cluster';
import type { RuleId } from '../kubeproxy/purpose';
import type { NftRuleId } from '../kubeproxy/nftables/purpose';
import type { ParamValue } from './messageKeys/paramTypes';

/** A graph element the canvas draws (elementIds.ts builds and parses them). */
export type { ElementRef } from '../elementIds';

/** Where a request starts. */
export type TraceSource =
  /** A client of `settings.clients`, by name (internet or LAN, as the client says). */
  | { kind: 'client'; name: string }
  /**
   * An ad-hoc host by IP. `location` defaults to `lan` when the IP is inside the node subnet,
   * `internet` otherwise.
   */
  | { kind: 'host'; ip: string; location?: 'internet' | 'lan' }
  /** A pod (its containers share the pod's network namespace). */
  | { kind: 'pod'; namespace: string; name: string }
  /** A process on a node's host network (e.g. `curl` over ssh on the node). */
  | { kind: 'node'; name: string };

export interface TraceRequest {
  from: TraceSource;
  to: {
    /**
     * An IPv4 address; a DNS name (`web`, `web.ns`, `web.ns.svc.cluster.local`, a public name,
     * an Ingress host); or `lb:<ns>/<svc>` for "that Service's load balancer", whatever its
     * address (on bare metal it has none): built and read by requestHost.ts.
     */
    host: string;
    port: number;
    /** Defaults to TCP. */
    protocol?: Protocol;
    /** HTTP path, for Ingress routing. Defaults to "/". */
    path?: string;
    /** HTTP Host header, for Ingress routing. Defaults to `host`. */
    httpHost?: string;
  };
}

export interface TraceOptions {
  /** Seed of the PRNG standing in for iptables' `-m statistic --mode random` and cloud LB hashing. Default 0. */
  seed?: number;
  /**
   * Explicit choices, which win over the seed. Keys: a service port name as kube-proxy writes it
   * (`ns/svc:port`, or `ns/svc` for an unnamed port, or `ns/svc` for any port of it) → endpoint
   * `ip:port` or pod name; `lb:<ns>/<svc>` → node name (which node the load balancer sends to; with
   * Pod targets, the pod name or `ip:port` it sends to);
   * `dns:<ns>/<svc>` → pod name or IP (which A record of a headless Service the client uses).
   */
  pick?: Record<string, string>;
}

/**
 * A message for the UI: a key from messages.ts and its parameters, of the types `MessageParams`
 * gives that key (text, numbers, booleans, lists; built only through `msg`, so checked there).
 */
export interface Message {
  key: string;
  params: { readonly [name: string]: ParamValue };
}

/** Why a trace did not end in delivery; `details` holds per-pod reasons (from endpointsFor). */
export interface Reason extends Message {
  details?: Message[];
}

export interface Address {
  /** An IPv4 address; only on an `external:` hop whose address public DNS would give, the host name. */
  ip: string;
  port: number;
}

/** A packet's headers as it leaves an element. */
export interface PacketHeaders {
  src: Address;
  dst: Address;
  protocol: Protocol;
}

/** One address translation, with the rules that did it. */
export interface Rewrite {
  /** DNAT: destination rewritten; SNAT: source rewritten (MASQUERADE is SNAT to an interface address). */
  kind: 'DNAT' | 'SNAT';
  /** True for kube-proxy's KUBE-MARK-MASQ → KUBE-POSTROUTING MASQUERADE. */
  masquerade: boolean;
  before: Address;
  after: Address;
  /**
   * Who did it: kube-proxy's iptables rules, the cloud load balancer, the cloud's 1:1 NAT of a node
   * ExternalIP, or the node's masquerade of pod traffic leaving the cluster (egress.ts).
   */
  by: 'kube-proxy' | 'load-balancer' | 'cloud-nat' | 'node-masquerade';
  /** The node whose rules did it (kube-proxy rewrites). */
  node?: string;
  /**
   * kube-proxy rewrites: the mode whose rules did it (the cluster's settings.kubeProxyMode), so a
   * view knows which ruleset `ruleIds` index.
   */
  proxyMode?: KubeProxyMode;
  /**
   * The chains traversed, in order: iptables KUBE-SERVICES, KUBE-SVC-…, KUBE-SEP-…; nftables
   * services, service-…, endpoint-… (names as kube-proxy writes them).
   */
  chains: string[];
  /**
   * The exact text of every rule on that path, to show, not to match: iptables the `-A …` line as
   * iptablesSave prints it; nftables the rule line as `nft list ruleset` prints it (nftListRuleText).
   */
  rules: string[];
  /**
   * kube-proxy rewrites in iptables mode: the ids of those same rules, in the same order (what
   * views look rules up by). Absent in nftables mode.
   */
  ruleIds?: RuleId[];
  /**
   * kube-proxy rewrites in nftables mode: the NftRuleIds of those same rules, in the same order.
   * A field of its own rather than a widened `ruleIds`, so a lookup keyed by one mode's ids cannot
   * be handed the other's. Absent in iptables mode.
   */
  nftRuleIds?: NftRuleId[];
}

/**
 * kube-proxy rules that stopped the packet (a reject or drop), with the rules on the path that led
 * there, for views to show and highlight as they do a Rewrite's. Set in nftables mode, on the hop
 * where the node's ruleset stopped it.
 */
export interface KubeProxyFilter {
  verdict: 'reject' | 'drop';
  /** The node whose rules did it. */
  node: string;
  proxyMode: KubeProxyMode;
  /** The chains traversed, in order. */
  chains: string[];
  /** Each rule on the path as `nft list ruleset` prints it, the last one the reject or drop (or the vmap whose verdict it was). */
  rules: string[];
  /** The NftRuleIds of those same rules, in the same order. */
  nftRuleIds?: NftRuleId[];
}

/** Layers a hop belongs to (the canvas colours and the "layers" lens). */
export type Layer = 'dns' | 'load-balancer' | 'node-port' | 'cluster-ip' | 'pod-network' | 'ingress' | 'pod';

/** The Service type whose layer this is, in the docs' nesting LoadBalancer ⊃ NodePort ⊃ ClusterIP. */
export type DocsLayer = 'LoadBalancer' | 'NodePort' | 'ClusterIP' | 'ExternalName' | 'Ingress';

/** The return path, as conntrack reverses every translation of the way in. */
export interface ReplySummary {
  /** The reply as it leaves the answering end (src and dst swapped from the last packet). */
  leaves: PacketHeaders;
  /** The reply as the client receives it: it must come from the address the client asked. */
  arrives: PacketHeaders;
  /** The reverse translations in the order they happen (kinds are those of the forward rewrite). */
  reversed: Rewrite[];
  /**
   * Where each reverse translation happens, same order as `reversed`: a rewrite is undone where it
   * was made — kube-proxy's on the node whose conntrack table holds it (`node:<name>`), the load
   * balancer's at the balancer (`lb:<ns>/<svc>`), the cloud's 1:1 NAT in front of the node it
   * serves (`node:<name>`).
   */
  undoneAt: ElementRef[];
  /** Elements the reply passes, from the answering end to the client. */
  path: ElementRef[];
  explanation: Message;
}

export interface Hop {
  from: ElementRef;
  to: ElementRef;
  layer: Layer;
  docsLayer?: DocsLayer;
  /** The node where this step is processed (whose rules or kernel act), for the "on the wire" lens. */
  node?: string;
  /** The packet as it leaves `from` for `to`, after `rewrites`. */
  packet: PacketHeaders;
  /** Translations made before the packet left `from` (before → after). */
  rewrites: Rewrite[];
  explanation: Message;
  /** The DNS answer, on a `dns` hop. */
  dns?: { question: string; qtype?: string; rcode?: string; resolvedName?: string; answers: { type: string; value: string }[] };
  /** On the last hop of a delivered trace: the way back. */
  reply?: ReplySummary;
  /** On the hop where kube-proxy's rules stopped the packet (nftables mode): the rules that did. */
  filter?: KubeProxyFilter;
}

/**
 * How a trace ends. `refused`: a kernel or kube-proxy rule rejected the connection (RST / ICMP);
 * `http-error`: the connection was accepted and a proxy (an ingress controller) answered with an
 * HTTP error status, given as the reason's `status` parameter; `nodata`: DNS answered NOERROR with
 * no address for the name (it exists without A records).
 */
export type Outcome = 'delivered' | 'refused' | 'http-error' | 'dropped' | 'no-route' | 'nxdomain' | 'nodata';

export interface Trace {
  outcome: Outcome;
  hops: Hop[];
  /** Present whenever outcome is not `delivered`. */
  reason?: Reason;
  /** The conntrack return path of a delivered trace (also on its last hop). */
  reply?: ReplySummary;
  /** The Service whose rules handled the request, and which port (for checks and highlighting). */
  service?: { namespace: string; name: string; portName: string; port: number };
  /** Where a delivered request ended. */
  endpoint?: { podNamespace?: string; podName?: string; ip: string; port: number };
  /**
   * Kube-proxy's rules that stopped the packet before its first hop (nftables mode, a node's own
   * program: its output hooks run before the packet leaves), where no hop can hold them.
   */
  filter?: KubeProxyFilter;
}
