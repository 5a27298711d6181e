import type { Point } from './anchors';

/** A box in screen pixels, relative to the canvas's own top-left corner. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface View {
  x: number;
  y: number;
  zoom: number;
}

const width = (r: Rect) => r.right - r.left;
const height = (r: Rect) => r.bottom - r.top;
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The rooms of `box` that no cover sits on: for each cover over it, the part left of, right of,
 * above and below it (a docked tour card, the zoom controls, a link in the corner), then the next
 * cover in each of those. Rooms too small to show a card are dropped; with no cover, the box.
 */
export function freeRects(box: Rect, covers: readonly Rect[], smallest = 48): Rect[] {
  const cover = covers.find((c) => overlaps(c, box));
  if (!cover) return [box];
  const rest = covers.filter((c) => c !== cover);
  const rooms: Rect[] = [
    { ...box, right: Math.min(box.right, cover.left) },
    { ...box, left: Math.max(box.left, cover.right) },
    { ...box, bottom: Math.min(box.bottom, cover.top) },
    { ...box, top: Math.max(box.top, cover.bottom) },
  ].filter((r) => width(r) >= smallest && height(r) >= smallest);
  return rooms.flatMap((r) => freeRects(r, rest, smallest));
}

export interface PathFit {
  view: View;
  /** The room it is fitted into. */
  room: Rect;
  /** True when the whole path fits at a zoom within the limits. */
  fits: boolean;
}

/**
 * The view that shows `path` (a box in flow coordinates) as large as it can within `maxZoom`, in
 * whichever room shows it largest, centred there with `padding` around it. Never below `minZoom`
 * (text stays readable): a path too big for that is centred at `minZoom` and does not fit. A path
 * that falls just short of `detailZoom` (where cards show their details) once padded, yet fits at
 * it without the padding, is shown at `detailZoom`: the details are worth more than the margin.
 */
export function fitPath(path: Rect, rooms: readonly Rect[], { padding, minZoom, maxZoom, detailZoom }: { padding: number; minZoom: number; maxZoom: number; detailZoom?: number }): PathFit | undefined {
  let best: { room: Rect; zoom: number; unclamped: number } | undefined;
  const pw = Math.max(1, width(path));
  const ph = Math.max(1, height(path));
  for (const room of rooms) {
    const unclamped = Math.min((width(room) - 2 * padding) / pw, (height(room) - 2 * padding) / ph);
    const zoom = Math.min(maxZoom, Math.max(minZoom, unclamped));
    const better = !best || unclamped > best.unclamped + 1e-9 || (Math.abs(unclamped - best.unclamped) <= 1e-9 && width(room) * height(room) > width(best.room) * height(best.room));
    if (better) best = { room, zoom, unclamped };
  }
  if (!best) return undefined;
  const { room } = best;
  let { zoom } = best;
  if (detailZoom !== undefined && zoom < detailZoom && detailZoom <= maxZoom && Math.min(width(room) / pw, height(room) / ph) >= detailZoom) zoom = detailZoom;
  const x = room.left + width(room) / 2 - (path.left + pw / 2) * zoom;
  const y = room.top + height(room) / 2 - (path.top + ph / 2) * zoom;
  return { view: { x, y, zoom }, room, fits: best.unclamped >= minZoom - 1e-9 || zoom > best.zoom };
}

/**
 * Whether the view must move for the path to be seen: not when every card of it is already clear
 * of the edges and of every cover, at a readable zoom, and fitting would not bring back the cards'
 * details (which show from `farZoom` up). A view that already shows the path is left as it is.
 */
export function pathNeedsMove(cards: readonly Rect[], box: Rect, covers: readonly Rect[], zoom: number, fitZoom: number, { minZoom, farZoom }: { minZoom: number; farZoom: number }): boolean {
  if (zoom < minZoom - 1e-6) return true;
  if (zoom < farZoom && fitZoom >= farZoom) return true;
  const inside = (r: Rect) => r.left >= box.left && r.top >= box.top && r.right <= box.right && r.bottom <= box.bottom;
  return cards.some((card) => !inside(card) || covers.some((c) => overlaps(c, card)));
}

/** The box around a set of cards (flow coordinates). */
export function boundsOf(cards: readonly Rect[]): Rect | undefined {
  if (cards.length === 0) return undefined;
  return {
    left: Math.min(...cards.map((c) => c.left)),
    top: Math.min(...cards.map((c) => c.top)),
    right: Math.max(...cards.map((c) => c.right)),
    bottom: Math.max(...cards.map((c) => c.bottom)),
  };
}

/** A flow point on screen, under `view` (relative to the canvas's corner). */
export const onScreen = (p: Point, view: View): Point => ({ x: p.x * view.zoom + view.x, y: p.y * view.zoom + view.y });
