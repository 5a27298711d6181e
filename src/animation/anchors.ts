import type { InternalNode, ReactFlowInstance } from '@xyflow/react';
import type { AppNode } from '../canvas/flowTypes';

export interface Point {
  x: number;
  y: number;
}

const centre = (n: InternalNode<AppNode>): Point => ({
  x: n.internals.positionAbsolute.x + (n.width ?? 0) / 2,
  y: n.internals.positionAbsolute.y + (n.height ?? 0) / 2,
});

/**
 * Where an element of a trace sits on the canvas, in flow coordinates: the centre of its card, or
 * nothing when the canvas does not draw it (cluster DNS without its pods, a host outside the
 * cluster, an ad-hoc client). There the packet is hidden rather than left floating in empty
 * canvas, where no edge leads.
 */
export function anchorFor(flow: Pick<ReactFlowInstance<AppNode>, 'getInternalNode'>, ref: string): Point | undefined {
  const node = flow.getInternalNode(ref);
  return node ? centre(node) : undefined;
}
