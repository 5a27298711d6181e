import { elementId, parseElementId, type ElementRef } from '../model/elementIds';
import type { Hop, Trace } from '../model/trace/types';
import type { Lens } from '../store/playbackSlice';

/** Where the packet marker goes for one hop: canvas element ids, and whether it is a rewrite in place. */
export interface MarkerLeg {
  from: ElementRef;
  to: ElementRef;
  /** True when both ends are the same element (the lens folded a virtual hop into its node). */
  inPlace: boolean;
}

/**
 * The two lenses of one trace. "layers" follows the trace as the docs draw it: the packet visits the
 * Service, as if the ClusterIP were a place. "wire" shows what really happens: a Service is only
 * rules on a node, so a hop to or from `svc:…` happens on the node that applied those rules.
 */
export function markerLeg(hop: Hop, lens: Lens): MarkerLeg {
  const onWire = (ref: ElementRef) => (lens === 'wire' && hop.node && parseElementId(ref)?.kind === 'service' ? elementId.node(hop.node) : ref);
  const from = onWire(hop.from);
  const to = onWire(hop.to);
  return { from, to, inPlace: from === to };
}

export function markerLegs(trace: Trace, lens: Lens): MarkerLeg[] {
  return trace.hops.map((hop) => markerLeg(hop, lens));
}

/** The element the marker rests on after `step` hops (the source before the first). */
export function markerRest(trace: Trace, step: number, lens: Lens): ElementRef | undefined {
  if (trace.hops.length === 0) return undefined;
  if (step <= 0) return markerLeg(trace.hops[0]!, lens).from;
  return markerLeg(trace.hops[Math.min(step, trace.hops.length) - 1]!, lens).to;
}
