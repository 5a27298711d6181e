/**
 * What kube-proxy's rules on one node do to the packet, read from `tracePacket` on the very rule
 * set `iptablesSave` prints (so the rules view and the trace never disagree): the endpoint the
 * DNAT chose (with the exact rules on its path), the masquerade that follows, or the REJECT/DROP
 * that stops it. Rule logic lives in src/model/kubeproxy only; this file only reads its results.
 */
import type { Service, ServicePort } from '../cluster';
import { inCidr, intToIp, parseCidr } from '../ip';
import { tracePacket, type EndpointChoice, type PacketTrace, type Rule, type RuleSet } from '../kubeproxy';
import { choose, ephemeralPort, type ChoiceMethod } from './choose';
import type { TraceContext } from './context';
import type { Flow } from './flow';
import type { Address, Rewrite } from './types';

/** A ServicePortName ("ns/svc:port" or "ns/svc") split up. */
export interface ServicePortRef {
  text: string;
  key: string;
  portName: string;
}

export function parseServicePortName(text: string): ServicePortRef {
  const slash = text.indexOf('/');
  const colon = text.indexOf(':', slash);
  return colon < 0
    ? { text, key: text, portName: '' }
    : { text, key: text.slice(0, colon), portName: text.slice(colon + 1) };
}

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

export function captureVia(rules: Rule[]): CaptureVia {
  for (const rule of rules) {
    if (rule.chain === 'KUBE-NODEPORTS') return 'node-port';
    if (rule.chain !== 'KUBE-SERVICES' || rule.servicePortName === undefined) continue;
    const comment = rule.matches.find((mt) => mt.kind === 'comment');
    const text = comment?.kind === 'comment' ? comment.text : '';
    if (text.endsWith('external IP')) return 'external-ip';
    if (text.endsWith('loadbalancer IP')) return 'load-balancer-ip';
    return 'cluster-ip';
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
 * sessionAffinity ClientIP is `-m recent` state in the kernel of `nodeName`: each node remembers
 * the endpoint it chose for a client IP on its own, so the remembered choice is salted by the node
 * (a load balancer that spreads one client over three nodes can land it on up to three pods).
 */
export function chooseEndpoint(flow: Flow, choices: EndpointChoice[], service: Service | undefined, nodeName: string): Dnat {
  const spn = choices[0]!.rules.find((r) => r.servicePortName !== undefined)?.servicePortName ?? '';
  const ref = parseServicePortName(spn);
  const pick = flow.options.pick?.[ref.text] ?? flow.options.pick?.[ref.key];
  const affinityIP = service?.spec.sessionAffinity === 'ClientIP' ? flow.packet.src.ip : undefined;
  const { index, method } = choose(choices, {
    seed: flow.options.seed,
    salt: affinityIP !== undefined ? `${spn}|${nodeName}` : spn,
    matches: (c, v) => pickMatches(flow.ctx, c.destination, v),
    ...(pick !== undefined ? { pick } : {}),
    ...(affinityIP !== undefined ? { affinityIP } : {}),
  });
  return { choice: choices[index]!, method, ref };
}

const chainsOf = (rules: Rule[]): string[] => [...new Set(rules.map((r) => r.chain))];

function natRules(ruleSet: RuleSet, chain: string): Rule[] {
  return ruleSet.tables.find((t) => t.name === 'nat')?.chains.find((c) => c.name === chain)?.rules ?? [];
}

/** The DNAT rewrite of a choice, with the rules from the first hook to the DNAT. */
export function dnatRewrite(before: Address, choice: EndpointChoice, nodeName: string): Rewrite {
  return {
    kind: 'DNAT', masquerade: false, before: { ...before }, after: parseAddress(choice.destination), by: 'kube-proxy',
    node: nodeName, chains: chainsOf(choice.rules), rules: choice.rules.map((r) => r.text),
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
    kind: 'SNAT', masquerade: true, before: { ...src }, after: { ip: toAddress, port }, by: 'kube-proxy', node: nodeName,
    chains: chainsOf(rules), rules: rules.map((r) => r.text),
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
