import type { Point } from './anchors';

/**
 * The smallest pan (screen pixels, added to the viewport's x/y) that brings `points[0]` inside
 * `box` less `margin`, and the other points too when they fit alongside it. Zero when all are in view.
 */
export function panToShow(points: readonly Point[], box: { left: number; top: number; right: number; bottom: number }, margin: number): Point {
  const axis = (values: number[], low: number, high: number): number => {
    const must = values[0]!;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    // Both ends fit: shift just enough for the pair; else keep the packet (the first) in view.
    const [a, b] = hi - lo <= high - low - 2 * margin ? [lo, hi] : [must, must];
    if (a < low + margin) return low + margin - a;
    if (b > high - margin) return high - margin - b;
    return 0;
  };
  return {
    x: axis(points.map((p) => p.x), box.left, box.right),
    y: axis(points.map((p) => p.y), box.top, box.bottom),
  };
}
