/**
 * Why kube-proxy wrote each rule, as data: the writer states it when it writes the rule, so readers
 * (the trace, the rules panel, the printed order) never guess it back from comment or rule text.
 * Each kind names the statement of syncProxyRules (pkg/proxy/iptables/proxier.go) that writes it.
 */

/** A rule's id: built by ruleId.ts only, compared but never parsed (a brand, not a format). */
export type RuleId = string & { readonly __brand: 'RuleId' };

/** The Service port a rule was written for (ServicePortName split into its parts). */
export interface ServicePortKey {
  namespace: string;
  name: string;
  /** spec.ports[].name; '' when unnamed. */
  portName: string;
}

/** How traffic addresses a Service port: the destinations kube-proxy captures. */
export type CapturePath = 'clusterIP' | 'externalIP' | 'loadBalancerIP' | 'nodePort';

/** The purposes of rules written per Service port (they all carry `servicePort`). */
export type ServiceRulePurpose =
  /** KUBE-SERVICES: a destination of the Service (ClusterIP, external IP, LB IP) → its chain. */
  | { kind: 'capture'; path: 'clusterIP' | 'externalIP' | 'loadBalancerIP'; ip: string }
  /** KUBE-NODEPORTS: the nodePort → KUBE-EXT (`localhost` for the 127.0.0.0/8 variant). */
  | { kind: 'capture'; path: 'nodePort'; localhost: boolean }
  /**
   * A filter rule that stops a destination with no usable endpoint: REJECT when the Service has none
   * at all, DROP (`local`) when the traffic policy is Local and this node has none. `ip` is absent
   * for the nodePort path (it matches any local address).
   */
  | { kind: 'noEndpoints'; path: CapturePath; local: boolean; ip?: string }
  /** KUBE-PROXY-FIREWALL: an LB IP's traffic not accepted by KUBE-FW (loadBalancerSourceRanges). */
  | { kind: 'firewallDrop'; ip: string }
  /** KUBE-NODEPORTS (filter): the healthCheckNodePort is accepted. */
  | { kind: 'healthCheck'; port: number }
  /** KUBE-SVC/SVL: ClusterIP traffic from outside the pod network (or all, --masquerade-all) is marked. */
  | { kind: 'clusterIPMasquerade' }
  /** KUBE-EXT: external traffic with Cluster policy is marked for masquerade. */
  | { kind: 'externalMasquerade' }
  /** KUBE-EXT (Local policy): pod traffic short-circuits to the Cluster chain. */
  | { kind: 'externalFromPod' }
  /** KUBE-EXT (Local policy): traffic from the node itself is marked… */
  | { kind: 'externalFromNodeMasquerade' }
  /** …and short-circuits to the Cluster chain. */
  | { kind: 'externalFromNode' }
  /** KUBE-EXT: the rest → the external policy chain. */
  | { kind: 'externalPolicy' }
  /** KUBE-FW: a source range (or the LB IP itself, hairpin from the node) allowed → KUBE-EXT. */
  | { kind: 'firewallAllow'; source: string }
  /** KUBE-FW: the placeholder saying the rest is dropped by KUBE-PROXY-FIREWALL (no target). */
  | { kind: 'firewallOther' }
  /** KUBE-SVC/SVL: a client remembered by sessionAffinity → its endpoint. */
  | { kind: 'affinity'; endpoint: string }
  /** KUBE-SVC/SVL: one step of the probability ladder → an endpoint's chain. */
  | { kind: 'endpointPick'; endpoint: string }
  /** KUBE-SEP: the endpoint talking to itself through the Service is marked (hairpin). */
  | { kind: 'endpointHairpin'; endpoint: string }
  /** KUBE-SEP: the DNAT to the endpoint. */
  | { kind: 'endpointDnat'; endpoint: string };

/** The purposes of rules shared by every Service. */
export type GlobalRulePurpose =
  /** iptablesJumpChains: a built-in chain → a KUBE-* chain. */
  | { kind: 'hook' }
  /** KUBE-POSTROUTING: unmarked packets return. */
  | { kind: 'postroutingUnmarked' }
  /** KUBE-POSTROUTING: the mark is cleared. */
  | { kind: 'postroutingClearMark' }
  /** KUBE-POSTROUTING: marked packets are masqueraded. */
  | { kind: 'postroutingMasquerade' }
  /** KUBE-MARK-MASQ: the mark itself. */
  | { kind: 'markMasquerade' }
  /** KUBE-FIREWALL: the route_localnet mitigation. */
  | { kind: 'localnetBlock' }
  /** KUBE-SERVICES: the tail-call to KUBE-NODEPORTS, always last. */
  | { kind: 'nodePortsTail' }
  /** KUBE-FORWARD: conntrack INVALID dropped. */
  | { kind: 'forwardInvalid' }
  /** KUBE-FORWARD: marked traffic accepted. */
  | { kind: 'forwardMarked' }
  /** KUBE-FORWARD: established traffic accepted. */
  | { kind: 'forwardEstablished' };

/** A rule's purpose: a per-Service-port one (with the port) or a shared one. */
export type RulePurpose = (ServiceRulePurpose & { servicePort: ServicePortKey }) | GlobalRulePurpose;

/** The per-Service-port purpose kinds. */
export type ServiceRulePurposeKind = ServiceRulePurpose['kind'];

/** The Service port a purpose was written for, if any. */
export function purposeServicePort(purpose: RulePurpose): ServicePortKey | undefined {
  return 'servicePort' in purpose ? purpose.servicePort : undefined;
}
