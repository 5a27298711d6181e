/**
 * A small interpreter for the rules kube-proxy writes, evaluating the very `RuleSet` that
 * iptablesSave prints. It follows the packet tracer of pkg/proxy/iptables/proxier_test.go
 * (iptablesTracer / tracePacket) exactly:
 * - nat PREROUTING runs first (its jump to KUBE-SERVICES included); a `--probability` jump does
 *   not end the chain, so every endpoint the random choice could pick is collected;
 * - the first DNAT destination becomes the destination for the filter rules, of which
 *   KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS and KUBE-PROXY-FIREWALL run in turn;
 * - matches on past state (`-m recent --rcheck`, `-m mark`, `-m conntrack`) never match a new
 *   packet; comment, statistic, `--set` and nfacct matches always do; `-m addrtype LOCAL` is
 *   true for 127.0.0.1 and the node's own addresses;
 * - a jump to KUBE-MARK-MASQ marks the packet for masquerade and the chain goes on.
 */
import { cidrContains, isIPv4, parseCidr } from '../ip';
import type { Match, Rule, RuleSet, TableName } from './types';

export interface Packet {
  sourceIP: string;
  destIP: string;
  destPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** One endpoint the DNAT may choose, with the rules on its own path. */
export interface EndpointChoice {
  /** "ip:port" from `DNAT --to-destination`. */
  destination: string;
  /** Every rule matched from the first hook to this endpoint's DNAT, in order. */
  rules: Rule[];
  /** Whether a KUBE-MARK-MASQ jump lies on this path (the packet will be masqueraded). */
  masquerade: boolean;
}

export interface PacketTrace {
  /** Every rule matched, in order (tracePacket's `matches`). */
  matched: Rule[];
  /** Terminal results in order: "ip:port" per DNAT, or "ACCEPT" / "DROP" / "REJECT". */
  outputs: string[];
  /** Marked for masquerade by any matched rule (tracePacket's `markMasq`). */
  masquerade: boolean;
  /** The DNAT choices with their own rule paths, for explaining one pick. */
  endpoints: EndpointChoice[];
}

function addressMatches(address: string, negated: boolean, ip: string): boolean {
  let matches: boolean;
  if (address.includes('/')) {
    const cidr = parseCidr(address);
    matches = cidr !== undefined && isIPv4(ip) && cidrContains(cidr, ip);
  } else {
    matches = address === ip;
  }
  return negated ? !matches : matches;
}

class Tracer {
  readonly matched: Rule[] = [];
  readonly outputs: string[] = [];
  readonly endpoints: EndpointChoice[] = [];
  masquerade = false;
  private readonly path: Rule[] = [];
  private readonly localIPs: Set<string>;
  private readonly chains = new Map<string, Rule[]>();

  constructor(ruleSet: RuleSet) {
    this.localIPs = new Set(['127.0.0.1', ...ruleSet.node.localIPs]);
    for (const table of ruleSet.tables) {
      for (const chain of table.chains) this.chains.set(`${table.name}/${chain.name}`, chain.rules);
    }
    for (const rule of ruleSet.jumpRules) {
      const key = `${rule.table}/${rule.chain}`;
      this.chains.set(key, [...(this.chains.get(key) ?? []), rule]);
    }
  }

  private matchOne(match: Match, src: string, proto: string, dst: string, dport: number): boolean {
    switch (match.kind) {
      case 'source':
        return addressMatches(match.address, match.negated, src);
      case 'destination':
        return addressMatches(match.address, match.negated, dst);
      case 'addrtype':
        return this.localIPs.has(match.direction === 'src' ? src : dst);
      case 'protocol':
        return match.protocol === proto;
      case 'dport':
        return match.port === dport;
      case 'recentCheck':
      case 'mark':
      case 'conntrack':
        return false;
      case 'comment':
      case 'statistic':
      case 'recentSet':
      case 'nfacct':
        return true;
    }
  }

  /** Runs a chain; true when it reached a terminal target (tracer.runChain). */
  runChain(table: TableName, chain: string, src: string, proto: string, dst: string, dport: number): boolean {
    for (const rule of this.chains.get(`${table}/${chain}`) ?? []) {
      if (rule.target.kind === 'none') continue;
      if (!rule.matches.every((mt) => this.matchOne(mt, src, proto, dst, dport))) continue;
      this.matched.push(rule);
      const pathLength = this.path.length;
      this.path.push(rule);
      const target = rule.target;
      switch (target.kind) {
        case 'ACCEPT':
        case 'DROP':
        case 'REJECT':
          this.outputs.push(target.kind);
          return true;
        case 'DNAT':
          this.outputs.push(target.destination);
          this.endpoints.push({
            destination: target.destination,
            rules: [...this.path],
            masquerade: this.path.some((r) => r.target.kind === 'jump' && r.target.chain === 'KUBE-MARK-MASQ'),
          });
          return true;
        case 'RETURN':
          return false;
        case 'MARK':
        case 'MASQUERADE':
          continue;
        case 'jump': {
          if (target.chain === 'KUBE-MARK-MASQ') {
            this.masquerade = true;
            continue;
          }
          const terminated = this.runChain(table, target.chain, src, proto, dst, dport);
          const probabilistic = rule.matches.some((mt) => mt.kind === 'statistic');
          if (terminated && !probabilistic) return true;
          // A random branch that ended: its rules belong to that endpoint's path only.
          if (terminated) this.path.length = pathLength;
        }
      }
    }
    return false;
  }
}

/** What the node's kube-proxy rules do to one packet arriving at (or leaving) the node. */
export function tracePacket(ruleSet: RuleSet, packet: Packet): PacketTrace {
  const tracer = new Tracer(ruleSet);
  const proto = packet.protocol.toLowerCase();
  const { sourceIP, destPort } = packet;
  let destIP = packet.destIP;
  tracer.runChain('nat', 'PREROUTING', sourceIP, proto, destIP, destPort);
  const first = tracer.outputs[0];
  if (first !== undefined) destIP = first.split(':')[0] ?? destIP;
  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) {
    tracer.runChain('filter', chain, sourceIP, proto, destIP, destPort);
  }
  return { matched: tracer.matched, outputs: tracer.outputs, masquerade: tracer.masquerade, endpoints: tracer.endpoints };
}
