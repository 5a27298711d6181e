import type { InternalNode } from '@xyflow/react';
import type { AppNode } from './flowTypes';

/**
 * The worker node under the centre of a dragged pod, if any. Pure geometry on React Flow's
 * internal (absolute) positions, so it can be tested without a browser.
 */
export function workerUnder(pod: InternalNode<AppNode>, candidates: Iterable<InternalNode<AppNode>>): InternalNode<AppNode> | undefined {
  const cx = pod.internals.positionAbsolute.x + (pod.width ?? 0) / 2;
  const cy = pod.internals.positionAbsolute.y + (pod.height ?? 0) / 2;
  for (const node of candidates) {
    if (node.type !== 'worker') continue;
    const { x, y } = node.internals.positionAbsolute;
    if (cx >= x && cx <= x + (node.width ?? 0) && cy >= y && cy <= y + (node.height ?? 0)) return node;
  }
  return undefined;
}
