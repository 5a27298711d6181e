import { getViewportForBounds, type Viewport } from '@xyflow/react';

/**
 * How the canvas fits a diagram to its view, in one place: React Flow's `fitView`, the first
 * frame's `defaultViewport` (computed before React Flow mounts, so the first frame is the fitted
 * one) and the fit of a new cluster all use these. The fit leaves room on the left for the zoom
 * controls, so no card sits under them.
 */
export const FIT_VIEW_OPTIONS = { padding: { top: '16px', right: '16px', bottom: '16px', left: '56px' } } as const;
/** Low enough that a 100-node cluster fits; cards are names only at that distance (FAR_ZOOM). */
export const MIN_ZOOM = 0.05;
/** React Flow's default, named so the first frame's fit computes what `fitView` would. */
export const MAX_ZOOM = 2;

interface Placed {
  id: string;
  parentId?: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
  measured?: { width?: number; height?: number };
  hidden?: boolean;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box around every sized node, in flow coordinates. Children are placed relative to their
 * parent, as React Flow places them; a node without a size is left out, as `fitView` leaves it.
 */
export function flowBounds(nodes: readonly Placed[]): Bounds | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = new Map<string, { x: number; y: number }>();
  const at = (n: Placed, depth = 0): { x: number; y: number } => {
    const known = absolute.get(n.id);
    if (known) return known;
    const parent = n.parentId !== undefined && depth < 32 ? byId.get(n.parentId) : undefined;
    const base = parent ? at(parent, depth + 1) : { x: 0, y: 0 };
    const p = { x: base.x + n.position.x, y: base.y + n.position.y };
    absolute.set(n.id, p);
    return p;
  };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of nodes) {
    const width = n.measured?.width ?? n.width;
    const height = n.measured?.height ?? n.height;
    if (n.hidden || !width || !height) continue;
    const p = at(n);
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + width);
    bottom = Math.max(bottom, p.y + height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** What `fitView` would set for these nodes in a view of this size: the first frame's viewport. */
export function fittedViewport(nodes: readonly Placed[], size: { width: number; height: number }): Viewport | undefined {
  const bounds = flowBounds(nodes);
  if (!bounds || size.width <= 0 || size.height <= 0) return undefined;
  return getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, MAX_ZOOM, FIT_VIEW_OPTIONS.padding);
}

/**
 * Whether a cluster change brings a new diagram rather than an edit of the one on show: fewer than
 * half of all the cards, before and after together, are on both sides (|before ∩ after| <
 * |before ∪ after| / 2). An import of mostly new objects is one, and is fitted to the view as a
 * scenario is; adding or removing a few cards is not, and the view stays where the person put it.
 */
export function isNewDiagram(before: ReadonlySet<string>, after: ReadonlySet<string>): boolean {
  let both = 0;
  for (const id of after) if (before.has(id)) both++;
  const either = before.size + after.size - both;
  return both * 2 < either;
}
