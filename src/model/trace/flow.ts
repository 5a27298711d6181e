/**
 * The state of one request while it is traced: the packet as it is now, where it is, the hops so
 * far and every translation made (for conntrack's reverse path). Steps append hops and either
 * name the next place (place.ts) or end it with an outcome; the loop in drive.ts runs them.
 */
import type { Protocol } from '../cluster';
import type { TraceContext } from './context';
import { msg, type MessageKey, type MessageParams } from './messages';
import type { ClientLeg } from './reply';
import type {
  Address, DocsLayer, ElementRef, Hop, Layer, Message, Outcome, PacketHeaders, Reason, Rewrite, Trace, TraceOptions,
  TraceRequest,
} from './types';

/** The source, resolved to an address and a place. */
export interface ResolvedSource {
  ref: ElementRef;
  ip: string;
  kind: 'internet' | 'lan' | 'pod' | 'node';
  /** The node a pod runs on, or the node itself. */
  nodeName?: string;
  /** A pod's namespace (for the DNS search path). */
  namespace?: string;
}

/** Safety net: no real path in this model is anywhere near this long. */
const MAX_HOPS = 24;

export interface HopExtras {
  docsLayer?: DocsLayer;
  node?: string;
  rewrites?: Rewrite[];
  dns?: Hop['dns'];
  filter?: Hop['filter'];
}

export class Flow {
  readonly hops: Hop[] = [];
  /** Every rewrite of the current connection, in order. */
  rewrites: Rewrite[] = [];
  packet: PacketHeaders;
  at: ElementRef;
  service?: Trace['service'];
  /** The rules that stopped the packet before it made any hop (a node's own program), for Trace.filter. */
  stoppedBy?: Trace['filter'];
  /** Set when an ingress controller terminated the client's connection. */
  clientLeg?: ClientLeg;

  constructor(
    readonly ctx: TraceContext,
    readonly request: TraceRequest,
    readonly options: Required<Pick<TraceOptions, 'seed'>> & TraceOptions,
    readonly source: ResolvedSource,
    srcPort: number,
    dst: Address,
    readonly protocol: Protocol,
  ) {
    this.packet = { src: { ip: source.ip, port: srcPort }, dst, protocol };
    this.at = source.ref;
  }

  /** Applies rewrites to the packet, then records the hop `at → to` and moves there. */
  hop(to: ElementRef, layer: Layer, explanation: Message, extras: HopExtras = {}): Hop {
    const rewrites = extras.rewrites ?? [];
    for (const r of rewrites) {
      if (r.kind === 'DNAT') this.packet = { ...this.packet, dst: { ...r.after } };
      else this.packet = { ...this.packet, src: { ...r.after } };
      this.rewrites.push(r);
    }
    const hop: Hop = { from: this.at, to, layer, packet: clonePacket(this.packet), rewrites, explanation };
    if (extras.docsLayer) hop.docsLayer = extras.docsLayer;
    if (extras.node) hop.node = extras.node;
    if (extras.dns) hop.dns = extras.dns;
    if (extras.filter) hop.filter = extras.filter;
    this.hops.push(hop);
    this.at = to;
    return hop;
  }

  /** True when the hop budget is spent (a routing loop): the loop (drive.ts) stops there. */
  exhausted(): boolean {
    return this.hops.length >= MAX_HOPS;
  }

  /** Ends the trace with a failure. */
  fail<K extends MessageKey>(outcome: Exclude<Outcome, 'delivered'>, key: K, params: MessageParams[K], details?: Message[]): Trace {
    const reason: Reason = msg(key, params);
    if (details && details.length > 0) reason.details = details;
    const trace: Trace = { outcome, hops: this.hops, reason };
    if (this.service) trace.service = this.service;
    if (this.stoppedBy && this.hops.length === 0) trace.filter = this.stoppedBy;
    return trace;
  }

  /** Ends the trace delivered at the current place (the loop adds the reply). */
  deliver(endpoint?: Trace['endpoint']): Trace {
    const trace: Trace = { outcome: 'delivered', hops: this.hops };
    if (this.service) trace.service = this.service;
    if (endpoint) trace.endpoint = endpoint;
    return trace;
  }
}

export function clonePacket(p: PacketHeaders): PacketHeaders {
  return { src: { ...p.src }, dst: { ...p.dst }, protocol: p.protocol };
}
