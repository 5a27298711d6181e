/**
 * What kube-proxy's rules on one node do to the packet, read from `tracePacket` on the very rule
 * set `iptablesSave` prints (so the rules view and the trace never disagree): the endpoint the
 * DNAT chose (with the exact rules on its path), the masquerade that follows, or the REJECT/DROP
 * that stops it. Rule logic lives in src/model/kubeproxy only; this file only reads its results.
 */
import type { Service, ServicePort } from '../cluster';
import { inCidr, intToIp, parseCidr } from '../ip';
import { servicePortNameString } from '../kubeproxy/names';
import { purposeServicePort, type CapturePath } from '../kubeproxy/purpose';
import { tracePacket, type EndpointChoice, type PacketTrace, type Rule, type RuleSet } from '../kubeproxy';
import { choose, ephemeralPort, type ChoiceMethod } from './choose';
import type { TraceContext } from './context';
import type { Flow } from './flow';
import type { Address, Rewrite } from './types';

/** The Service port a rule was written for, with its printed forms (for `pick` keys and messages). */
export interface ServicePortRef {
  /** ServicePortName.String(): "ns/svc:port", or "ns/svc" for an unnamed port. */
  text: string;
  /** "ns/svc". */
  key: string;
  portName: string;
}

/** The Service port of the first rule among `rules` that was written for one. */
export function servicePortOf(rules: readonly Rule[]): ServicePortRef | undefined {
  for (const rule of rules) {
    const port = purposeServicePort(rule.purpose);
    if (port === undefined) continue;
    const key = `${port.namespace}/${port.name}`;
    return { text: servicePortNameString(port.namespace, port.name, port.portName), key, portName: port.portName };
  }
  return undefined;
}

export const NO_SERVICE_PORT: ServicePortRef = { text: '', key: '', portName: '' };

export function parseAddress(text: string): Address {
  const colon = text.lastIndexOf(':');
  return { ip: text.slice(0, colon), port: Number(text.slice(colon + 1)) };
}

/** The verdict of `nodeName`'s rules on the flow's current packet. */
export function evaluate(flow: Flow, nodeName: string): { ruleSet: RuleSet; result: PacketTrace } {
  const ruleSet = flow.ctx.rules(nodeName);
  const p = flow.packet;
  const result = tracePacket(ruleSet, { sourceIP: p.src.ip, destIP: p.dst.ip, destPort: p.dst.port, protocol: p.protocol });
  return { ruleSet, result };
}

/** How the packet was captured, from the first Service rule it matched. */
export type CaptureVia = 'cluster-ip' | 'node-port' | 'load-balancer-ip' | 'external-ip';

/** The capture (or no-endpoints) path of a rule, in the trace's words. */
export const VIA_OF_PATH: Record<CapturePath, CaptureVia> = {
  clusterIP: 'cluster-ip',
  externalIP: 'external-ip',
  loadBalancerIP: 'load-balancer-ip',
  nodePort: 'node-port',
};

export function captureVia(rules: Rule[]): CaptureVia {
  for (const rule of rules) {
    if (rule.purpose.kind === 'capture') return VIA_OF_PATH[rule.purpose.path];
  }
  return 'cluster-ip';
}

/** The service and port a ServicePortName names. */
export function lookupServicePort(ctx: TraceContext, ref: ServicePortRef, protocol: string): { service: Service; port: ServicePort } | undefined {
  const service = ctx.serviceByName.get(ref.key);
  const port = service?.spec.ports.find((p) => (p.name ?? '') === ref.portName && p.protocol === protocol);
  return service && port ? { service, port } : undefined;
}

/** True when a `pick` value names this endpoint: "ip:port", the IP, or the pod's name / "ns/name". */
export function pickMatches(ctx: TraceContext, destination: string, value: string): boolean {
  const { ip } = parseAddress(destination);
  if (value === destination || value === ip) return true;
  const pod = ctx.podByIP.get(ip);
  return pod !== undefined && (value === pod.metadata.name || value === `${pod.metadata.namespace}/${pod.metadata.name}`);
}

export interface Dnat {
  choice: EndpointChoice;
  method: ChoiceMethod;
  ref: ServicePortRef;
}

/**
 * Chooses among the DNAT destinations: options.pick, then session affinity, then the seed.
 * sessionAffinity ClientIP is kernel state on `nodeName` (iptables `-m recent`, nftables an
 * `affinity-…` set): each node remembers the endpoint it chose for a client IP on its own, so the
 * remembered choice is salted by the node (a load balancer that spreads one client over three
 * nodes can land it on up to three pods). Both modes choose the same way for the same inputs.
 */
export function chooseAmong<T extends { destination: string }>(
  flow: Flow, choices: T[], ref: ServicePortRef, service: Service | undefined, nodeName: string,
): { choice: T; method: ChoiceMethod } {
  const spn = ref.text;
  const pick = flow.options.pick?.[ref.text] ?? flow.options.pick?.[ref.key];
  const affinityIP = service?.spec.sessionAffinity === 'ClientIP' ? flow.packet.src.ip : undefined;
  const { index, method } = choose(choices, {
    seed: flow.options.seed,
    salt: affinityIP !== undefined ? `${spn}|${nodeName}` : spn,
    matches: (c, v) => pickMatches(flow.ctx, c.destination, v),
    ...(pick !== undefined ? { pick } : {}),
    ...(affinityIP !== undefined ? { affinityIP } : {}),
  });
  return { choice: choices[index]!, method };
}

/** chooseAmong for the iptables rules' choices. */
export function chooseEndpoint(flow: Flow, choices: EndpointChoice[], service: Service | undefined, nodeName: string): Dnat {
  const ref = servicePortOf(choices[0]!.rules) ?? NO_SERVICE_PORT;
  return { ...chooseAmong(flow, choices, ref, service, nodeName), ref };
}

const chainsOf = (rules: Rule[]): string[] => [...new Set(rules.map((r) => r.chain))];

function natRules(ruleSet: RuleSet, chain: string): Rule[] {
  return ruleSet.tables.find((t) => t.name === 'nat')?.chains.find((c) => c.name === chain)?.rules ?? [];
}

/** The DNAT rewrite of a choice, with the rules from the first hook to the DNAT. */
export function dnatRewrite(before: Address, choice: EndpointChoice, nodeName: string): Rewrite {
  return {
    kind: 'DNAT', masquerade: false, before: { ...before }, after: parseAddress(choice.destination), by: 'kube-proxy', proxyMode: 'iptables',
    node: nodeName, chains: chainsOf(choice.rules), rules: choice.rules.map((r) => r.text), ruleIds: choice.rules.map((r) => r.id),
  };
}

/**
 * The masquerade that KUBE-MARK-MASQ asked for, done by KUBE-POSTROUTING on the way out:
 * MASQUERADE rewrites the source to the address of the interface the packet leaves by — the
 * bridge's gateway (.1 of the node's podCIDR) toward a pod on this node, the node's IP toward
 * another node. `--random-fully` also picks a fresh source port.
 */
export function masqueradeRewrite(flow: Flow, ruleSet: RuleSet, choice: EndpointChoice, nodeName: string, toAddress: string): Rewrite {
  const src = flow.packet.src;
  const markRules = choice.rules.filter((r) => r.target.kind === 'jump' && r.target.chain === 'KUBE-MARK-MASQ');
  const postrouting = natRules(ruleSet, 'KUBE-POSTROUTING').filter((r) => r.target.kind !== 'RETURN');
  const jump = ruleSet.jumpRules.filter((r) => r.table === 'nat' && r.chain === 'POSTROUTING');
  const rules = [...markRules, ...natRules(ruleSet, 'KUBE-MARK-MASQ'), ...jump, ...postrouting];
  const randomFully = postrouting.some((r) => r.target.kind === 'MASQUERADE' && r.target.randomFully);
  const port = randomFully ? ephemeralPort(`masq|${nodeName}|${src.ip}:${src.port}|${choice.destination}`) : src.port;
  return {
    kind: 'SNAT', masquerade: true, before: { ...src }, after: { ip: toAddress, port }, by: 'kube-proxy', node: nodeName, proxyMode: 'iptables',
    chains: chainsOf(rules), rules: rules.map((r) => r.text), ruleIds: rules.map((r) => r.id),
  };
}

/** The address MASQUERADE picks on `nodeName` for a packet to `dstIP` (see masqueradeRewrite). */
export function egressAddress(ctx: TraceContext, nodeName: string, dstIP: string, nodeIP: string): string {
  const node = ctx.nodeByName.get(nodeName);
  const cidr = node?.spec.podCIDR;
  const parsed = cidr !== undefined ? parseCidr(cidr) : undefined;
  if (cidr !== undefined && parsed !== undefined && inCidr(dstIP, cidr)) return intToIp(parsed.base + 1);
  return nodeIP;
}
