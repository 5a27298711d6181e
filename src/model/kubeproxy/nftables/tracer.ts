/**
 * An interpreter for the ruleset kube-proxy's nftables mode writes, evaluating the very
 * `NftRuleset` that nftablesDump and nftListRuleset print. It follows the nftablesTracer and
 * tracePacket of pkg/proxy/nftables/helpers_test.go:
 * - filter-prerouting-pre-dnat runs first (the firewall check; a drop ends the trace), then
 *   nat-prerouting; the first DNAT destination becomes the destination filter-forward and
 *   filter-input see; a verdict in filter-forward ends the trace (the output and postrouting
 *   chains are redundant with these for a trace, and masquerading is the mark);
 * - `numgen random mod N vmap` follows every endpoint chain, so every endpoint the random choice
 *   could pick is collected (each with its own rule path);
 * - `ct state new` holds (a trace is a new connection); a jump to mark-for-masquerade marks the
 *   packet and the chain goes on; `goto` returns to the caller's caller when its chain ends;
 * - `fib … type local` holds for the node's addresses (and 127.0.0.0/8, as in the kernel);
 *   session-affinity sets are empty unless `dynamicElements` fills them.
 */
import { cidrContains, isIPv4, parseCidr } from '../../ip';
import type { Protocol } from '../types';
import type { LookupKey, NftChain, NftElement, NftMatch, NftRule, NftRuleset, NftStatement, NftVerdict } from './types';
import { MARK_MASQ } from './setup';

export interface NftPacket {
  sourceIP: string;
  destIP: string;
  destPort: number;
  protocol: Protocol;
}

export interface NftTraceOptions {
  /** Keys the kernel added at run time, by set name (a remembered client in `affinity-…`). */
  dynamicElements?: Readonly<Record<string, readonly string[]>>;
  /**
   * The packet comes from a process on this node rather than from a pod or the wire: it passes the
   * output hooks (filter-output-pre-dnat, nat-output, filter-output) instead of prerouting and
   * forward, then filter-input when its destination is this node. helpers_test.go's tracer only
   * follows arriving packets; the output chains are written the same way (nftablesJumpChains).
   */
  locallyGenerated?: boolean;
}

/** One step of a trace: a rule that matched, and the map element its lookup found, if any. */
export interface NftStep {
  rule: NftRule;
  /** For a `vmap` lookup: the element (and its map) whose verdict ran. */
  element?: { map: string; element: NftElement };
}

/** One endpoint the DNAT may choose, with the steps on its own path. */
export interface NftEndpointChoice {
  /** "ip:port" from `dnat to`. */
  destination: string;
  steps: NftStep[];
  /** Whether a jump to mark-for-masquerade lies on this path. */
  masquerade: boolean;
}

export interface NftPacketTrace {
  /** Every step, in order (tracer.matches). */
  steps: NftStep[];
  /** Terminal results in order: "ip:port" per DNAT, or "DROP" / "REJECT" (tracer.outputs). */
  outputs: string[];
  /** Marked for masquerade by any step (tracer.markMasq). */
  masquerade: boolean;
  endpoints: NftEndpointChoice[];
}

function addressMatches(ip: string, address: string): boolean {
  if (address.includes('/')) {
    const cidr = parseCidr(address);
    return cidr !== undefined && isIPv4(ip) && cidrContains(cidr, ip);
  }
  return address === ip;
}

/** Lookups by name and key, built once per ruleset (a ruleset is immutable once built). */
interface RulesetIndex {
  chains: Map<string, NftChain>;
  /** Set name → the first key field of its elements (every set kube-proxy writes is ipv4_addr). */
  sets: Map<string, Set<string>>;
  /** Map name → element by its key joined with " . ". */
  maps: Map<string, Map<string, NftElement>>;
  local: Set<string>;
}

const indexes = new WeakMap<NftRuleset, RulesetIndex>();

function indexOf(ruleset: NftRuleset): RulesetIndex {
  let index = indexes.get(ruleset);
  if (index === undefined) {
    index = {
      chains: new Map(ruleset.chains.map((c) => [c.name, c])),
      sets: new Map(ruleset.sets.map((s) => [s.name, new Set(s.elements.map((e) => e.key[0] ?? ''))])),
      maps: new Map(ruleset.maps.map((m) => [m.name, new Map(m.elements.map((e) => [e.key.join(' . '), e]))])),
      local: new Set(ruleset.node.localIPs),
    };
    indexes.set(ruleset, index);
  }
  return index;
}

class NftTracer {
  readonly steps: NftStep[] = [];
  readonly outputs: string[] = [];
  readonly endpoints: NftEndpointChoice[] = [];
  masquerade = false;
  private readonly path: NftStep[] = [];
  private readonly index: RulesetIndex;
  private readonly dynamic: Readonly<Record<string, readonly string[]>>;
  private readonly proto: string;

  constructor(ruleset: NftRuleset, private readonly src: string, private dst: string, private readonly dport: string,
    protocol: Protocol, options: NftTraceOptions) {
    this.proto = protocol.toLowerCase();
    this.index = indexOf(ruleset);
    this.dynamic = options.dynamicElements ?? {};
  }

  setDestination(ip: string): void {
    this.dst = ip;
  }

  isLocal(ip: string): boolean {
    return this.index.local.has(ip) || addressMatches(ip, '127.0.0.0/8');
  }

  private matches(match: NftMatch): boolean {
    switch (match.kind) {
      case 'ctStateNew':
        return true;
      case 'addr':
        return addressMatches(match.field === 'saddr' ? this.src : this.dst, match.value) !== match.negated;
      case 'addrInAnonSet': {
        const ip = match.field === 'saddr' ? this.src : this.dst;
        return match.values.some((v) => addressMatches(ip, v)) !== match.negated;
      }
      case 'addrInSet': {
        const ip = match.field === 'saddr' ? this.src : this.dst;
        return (this.index.sets.get(match.set)?.has(ip) ?? false) || (this.dynamic[match.set]?.includes(ip) ?? false);
      }
      case 'fibLocal':
        return this.isLocal(match.field === 'saddr' ? this.src : this.dst);
      case 'l4proto':
        return match.protocol === this.proto;
      case 'markAndZero':
        return !this.masquerade;
    }
  }

  private lookup(key: LookupKey, map: string): NftElement | undefined {
    const k = key === 'daddr.l4proto.dport' ? `${this.dst} . ${this.proto} . ${this.dport}` : `${this.proto} . ${this.dport}`;
    return this.index.maps.get(map)?.get(k);
  }

  private record(step: NftStep): void {
    this.steps.push(step);
    this.path.push(step);
  }

  /** Runs a verdict; true when the packet's fate is decided (drop, reject, a DNAT below). */
  private verdict(verdict: NftVerdict): 'terminal' | 'return' | 'continue' {
    switch (verdict.kind) {
      case 'drop':
      case 'reject':
        this.outputs.push(verdict.kind.toUpperCase());
        return 'terminal';
      case 'accept':
        return 'terminal';
      case 'return':
        return 'return';
      case 'jump':
      case 'goto': {
        if (verdict.chain === MARK_MASQ) {
          this.masquerade = true;
          return 'continue';
        }
        if (this.runChain(verdict.chain)) return 'terminal';
        return verdict.kind === 'goto' ? 'return' : 'continue';
      }
    }
  }

  /** The statements of a matched rule, in order. */
  private run(rule: NftRule, statements: NftStatement[]): 'terminal' | 'return' | 'continue' | 'nomatch' {
    for (const statement of statements) {
      switch (statement.kind) {
        case 'vmap': {
          const element = this.lookup(statement.key, statement.map);
          if (element?.value === undefined) return 'nomatch';
          this.record({ rule, element: { map: statement.map, element } });
          return this.verdict(element.value);
        }
        case 'numgen': {
          this.record({ rule });
          const before = this.path.length;
          for (const chain of statement.chains) {
            this.runChain(chain);
            this.path.length = before; // each endpoint's steps belong to its own path
          }
          return 'terminal';
        }
        case 'dnat': {
          this.record({ rule });
          this.outputs.push(statement.destination);
          this.endpoints.push({
            destination: statement.destination,
            steps: [...this.path],
            masquerade: this.path.some((s) => s.rule.statements.some((st) =>
              st.kind === 'verdict' && st.verdict.kind === 'jump' && st.verdict.chain === MARK_MASQ)),
          });
          return 'terminal';
        }
        case 'verdict':
          this.record({ rule });
          return this.verdict(statement.verdict);
        case 'markSet':
        case 'masquerade':
        case 'updateSet':
          break;
      }
    }
    return 'continue';
  }

  /** Runs a chain; true when it reached a terminal verdict (tracer.runChain). */
  runChain(name: string): boolean {
    for (const rule of this.index.chains.get(name)?.rules ?? []) {
      if (!rule.matches.every((m) => this.matches(m))) continue;
      const result = this.run(rule, rule.statements);
      if (result === 'terminal') return true;
      if (result === 'return') return false;
    }
    return false;
  }
}

/** What the node's nftables rules do to one (new) packet arriving there. */
export function traceNftPacket(ruleset: NftRuleset, packet: NftPacket, options: NftTraceOptions = {}): NftPacketTrace {
  const tracer = new NftTracer(ruleset, packet.sourceIP, packet.destIP, String(packet.destPort), packet.protocol, options);
  const result = (): NftPacketTrace => ({
    steps: tracer.steps, outputs: tracer.outputs, masquerade: tracer.masquerade, endpoints: tracer.endpoints,
  });
  const local = options.locallyGenerated === true;
  if (tracer.runChain(local ? 'filter-output-pre-dnat' : 'filter-prerouting-pre-dnat')) return result();
  tracer.runChain(local ? 'nat-output' : 'nat-prerouting');
  // Pending DNATs are processed after the nat hook, changing the destination later chains match.
  const first = tracer.outputs[0];
  const dst = first !== undefined ? first.slice(0, first.lastIndexOf(':')) : packet.destIP;
  tracer.setDestination(dst);
  if (tracer.runChain(local ? 'filter-output' : 'filter-forward')) return result();
  if (!local || tracer.isLocal(dst)) tracer.runChain('filter-input');
  return result();
}
