/**
 * An orthogonal path through the given corner points, each corner rounded with radius `r` (less
 * where a segment is too short), as React Flow's smooth-step edges are drawn.
 */
export function roundedPath(points: readonly { x: number; y: number }[], r = 8): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < rest.length; i++) {
    const at = rest[i]!;
    const prev = points[i]!;
    const next = rest[i + 1];
    if (!next) {
      d += ` L ${at.x} ${at.y}`;
      break;
    }
    const inLen = Math.hypot(at.x - prev.x, at.y - prev.y);
    const outLen = Math.hypot(next.x - at.x, next.y - at.y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    if (k === 0) {
      d += ` L ${at.x} ${at.y}`;
      continue;
    }
    const before = { x: at.x - ((at.x - prev.x) / inLen) * k, y: at.y - ((at.y - prev.y) / inLen) * k };
    const after = { x: at.x + ((next.x - at.x) / outLen) * k, y: at.y + ((next.y - at.y) / outLen) * k };
    d += ` L ${before.x} ${before.y} Q ${at.x} ${at.y} ${after.x} ${after.y}`;
  }
  return d;
}

/**
 * Service → pod through the gutters: down from the Service to the lane above the nodes, along it to
 * the gap left of the pod's node, down that gap, and into the pod from its left. `undefined` when
 * the route does not fit the places (a card dragged out of line): the caller draws a curve instead.
 */
export function gutterPoints(source: { x: number; y: number }, target: { x: number; y: number }, route: { up: number; left: number }): { x: number; y: number }[] | undefined {
  const laneY = target.y - route.up;
  const gutterX = target.x - route.left;
  if (laneY < source.y + 8 || route.up < 16) return undefined;
  return [source, { x: source.x, y: laneY }, { x: gutterX, y: laneY }, { x: gutterX, y: target.y }, target];
}
