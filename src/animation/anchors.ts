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
 * Where an element of a trace sits on the canvas, in flow coordinates. Elements the canvas does
 * not draw get a fixed place: cluster DNS at the cluster's top-left corner, hosts outside the
 * cluster to its right, ad-hoc clients to its left.
 */
export function anchorFor(flow: Pick<ReactFlowInstance<AppNode>, 'getInternalNode'>, ref: string): Point | undefined {
  const node = flow.getInternalNode(ref);
  if (node) return centre(node);
  const box = flow.getInternalNode('cluster');
  if (!box) return undefined;
  const { x, y } = box.internals.positionAbsolute;
  if (ref === 'dns') return { x: x + 40, y: y + 26 };
  if (ref.startsWith('external:')) return { x: x + (box.width ?? 0) + 120, y: y + 80 };
  if (ref.startsWith('client:')) return { x: x - 200, y: y + 80 };
  return undefined;
}
