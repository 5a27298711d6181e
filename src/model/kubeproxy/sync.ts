/**
 * syncProxyRules (pkg/proxy/iptables/proxier.go) as a pure function: from kube-proxy's input to
 * the rule model. The global chains and rules are written in kube-proxy's order; per service port
 * see serviceRules.ts; the printed order is assemble.ts.
 */
import { assembleTables } from './assemble';
import { makeRule } from './rule';
import {
  CT_INVALID_NFACCT,
  KUBE_EXTERNAL_SERVICES,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  writeServicePort,
  type SyncContext,
} from './serviceRules';
import { parseCidr, formatCidr, isIPv4 } from '../ip';
import { normalizeEndpoints } from './categorize';
import { DEFAULT_KUBE_PROXY_OPTIONS, type KubeProxyInput, type Match, type Rule, type RuleSet } from './types';
import { RuleWriter } from './writer';

/** largeClusterEndpointsThreshold: above this many endpoints, per-endpoint comments are dropped. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/**
 * The masquerade mark. kube-proxy formats it with fmt.Sprintf("%#08x", 1<<bit) ("0x00004000");
 * iptables-save prints marks without leading zeros ("0x4000"), as proxier_test.go writes them.
 */
function masqueradeMark(bit: number): string {
  return '0x' + (2 ** bit).toString(16);
}

/** The jump rules from the built-in chains (iptablesJumpChains in proxier.go). */
function jumpRules(): Rule[] {
  const ctNew: Match = { kind: 'conntrack', states: 'NEW', negated: false };
  const c = (text: string): Match => ({ kind: 'comment', text });
  const j = (chain: string) => ({ kind: 'jump' as const, chain });
  const hook = { kind: 'hook' } as const;
  return [
    makeRule('filter', 'INPUT', [ctNew, c('kubernetes externally-visible service portals')], j(KUBE_EXTERNAL_SERVICES), hook),
    makeRule('filter', 'FORWARD', [ctNew, c('kubernetes externally-visible service portals')], j(KUBE_EXTERNAL_SERVICES), hook),
    makeRule('filter', 'INPUT', [c('kubernetes health check service ports')], j(KUBE_NODEPORTS), hook),
    makeRule('filter', 'FORWARD', [ctNew, c('kubernetes service portals')], j(KUBE_SERVICES), hook),
    makeRule('filter', 'OUTPUT', [ctNew, c('kubernetes service portals')], j(KUBE_SERVICES), hook),
    makeRule('filter', 'FORWARD', [c('kubernetes forwarding rules')], j(KUBE_FORWARD), hook),
    makeRule('filter', 'INPUT', [ctNew, c('kubernetes load balancer firewall')], j(KUBE_PROXY_FIREWALL), hook),
    makeRule('filter', 'OUTPUT', [ctNew, c('kubernetes load balancer firewall')], j(KUBE_PROXY_FIREWALL), hook),
    makeRule('filter', 'FORWARD', [ctNew, c('kubernetes load balancer firewall')], j(KUBE_PROXY_FIREWALL), hook),
    makeRule('nat', 'OUTPUT', [c('kubernetes service portals')], j(KUBE_SERVICES), hook),
    makeRule('nat', 'PREROUTING', [c('kubernetes service portals')], j(KUBE_SERVICES), hook),
    makeRule('nat', 'POSTROUTING', [c('kubernetes postrouting rules')], j(KUBE_POSTROUTING), hook),
  ];
}

/** Builds the rules kube-proxy (iptables mode, IPv4) writes on one node. */
export function buildRuleSet(input: KubeProxyInput): RuleSet {
  const options = { ...DEFAULT_KUBE_PROXY_OPTIONS, ...input.options };
  const cidr = input.node.clusterCIDR !== undefined ? parseCidr(input.node.clusterCIDR) : undefined;
  const entries = [...input.servicePorts].sort((a, b) => {
    // kube-proxy walks a Go map (random order); we walk by ServicePortName so the output is
    // stable (the sorted form proxier_test.go compares is then the same whatever the order).
    const ka = `${a.info.namespace}/${a.info.name}`;
    const kb = `${b.info.namespace}/${b.info.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  // len(proxier.endpointsMap[svcName]) summed: unique IPv4 "ip:port" endpoints, ready or not.
  const totalEndpoints = entries.reduce((n, e) => n + normalizeEndpoints(e.endpoints.filter((ep) => isIPv4(ep.ip))).length, 0);
  const ctx: SyncContext = {
    node: input.node,
    options,
    largeClusterMode: totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
    localCIDR: cidr !== undefined ? formatCidr(cidr) : undefined,
  };
  const mark = masqueradeMark(options.masqueradeBit);
  const w = new RuleWriter();

  for (const chain of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL]) {
    w.filterChain(chain);
  }
  for (const chain of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) w.natChain(chain);

  w.nat(KUBE_POSTROUTING, [{ kind: 'mark', mark: `${mark}/${mark}`, negated: true }], { kind: 'RETURN' }, { kind: 'postroutingUnmarked' });
  // Clear the mark to avoid re-masquerading if the packet re-traverses the network stack.
  w.nat(KUBE_POSTROUTING, [], { kind: 'MARK', op: 'xor', mark }, { kind: 'postroutingClearMark' });
  w.nat(KUBE_POSTROUTING, [{ kind: 'comment', text: 'kubernetes service traffic requiring SNAT' }],
    { kind: 'MASQUERADE', randomFully: options.randomFully }, { kind: 'postroutingMasquerade' });
  w.nat(KUBE_MARK_MASQ, [], { kind: 'MARK', op: 'or', mark }, { kind: 'markMasquerade' });

  if (options.localhostNodePorts) {
    // Mitigates the route_localnet security hole (https://issue.k8s.io/90259).
    w.filterChain(KUBE_FIREWALL);
    w.filter(KUBE_FIREWALL, [
      { kind: 'comment', text: 'block incoming localnet connections' },
      { kind: 'destination', address: '127.0.0.0/8', negated: false },
      { kind: 'source', address: '127.0.0.0/8', negated: true },
      { kind: 'conntrack', states: 'RELATED,ESTABLISHED,DNAT', negated: true },
    ], { kind: 'DROP' }, { kind: 'localnetBlock' });
  }

  for (const entry of entries) writeServicePort(w, ctx, entry);

  // Tail-call to KUBE-NODEPORTS; must be the last rule of nat KUBE-SERVICES. (--nodeport-addresses
  // is not modelled: it matches all local addresses.)
  const destinations: Match[] = [{ kind: 'addrtype', direction: 'dst', type: 'LOCAL' }];
  if (!options.localhostNodePorts) destinations.push({ kind: 'destination', address: '127.0.0.0/8', negated: true });
  w.nat(KUBE_SERVICES, [
    { kind: 'comment', text: 'kubernetes service nodeports; NOTE: this must be the last rule in this chain' },
    ...destinations,
  ], { kind: 'jump', chain: KUBE_NODEPORTS }, { kind: 'nodePortsTail' });

  if (!options.conntrackTCPLiberal) {
    const matches: Match[] = [{ kind: 'conntrack', states: 'INVALID', negated: false }];
    if (options.nfacct) matches.push({ kind: 'nfacct', name: CT_INVALID_NFACCT });
    w.filter(KUBE_FORWARD, matches, { kind: 'DROP' }, { kind: 'forwardInvalid' });
  }
  w.filter(KUBE_FORWARD, [
    { kind: 'comment', text: 'kubernetes forwarding rules' },
    { kind: 'mark', mark: `${mark}/${mark}`, negated: false },
  ], { kind: 'ACCEPT' }, { kind: 'forwardMarked' });
  w.filter(KUBE_FORWARD, [
    { kind: 'comment', text: 'kubernetes forwarding conntrack rule' },
    { kind: 'conntrack', states: 'RELATED,ESTABLISHED', negated: false },
  ], { kind: 'ACCEPT' }, { kind: 'forwardEstablished' });

  return {
    tables: assembleTables(w),
    jumpRules: jumpRules(),
    node: input.node,
    largeClusterMode: ctx.largeClusterMode,
  };
}

