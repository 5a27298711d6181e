/**
 * Pure geometry for moving keyboard focus between canvas cards: which card is "next" in a
 * direction, and which card a Shift+Arrow move may take a card to. No React, no DOM, so it is
 * tested in milliseconds (rovingFocus.test.ts).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Card {
  id: string;
  /** Absolute canvas coordinates. */
  box: Box;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const DIRECTIONS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The direction an arrow key stands for, or undefined for any other key. */
export const directionOf = (key: string): Direction | undefined => DIRECTIONS[key];

/** One grid step of a Shift+Arrow move, in canvas units. */
export const MOVE_STEP = 20;

/** The offset one Shift+Arrow press moves a card by. */
export function moveDelta(direction: Direction, step = MOVE_STEP): { x: number; y: number } {
  switch (direction) {
    case 'left': return { x: -step, y: 0 };
    case 'right': return { x: step, y: 0 };
    case 'up': return { x: 0, y: -step };
    case 'down': return { x: 0, y: step };
  }
}

const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Gap between the ranges [a0, a1] and [b0, b1]; 0 when they overlap. */
const gap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, b0 - a1, a0 - b1);

/**
 * Weight of being off to the side against being far ahead: a card straight ahead but further away
 * beats one nearer but well off the line of travel, as a person scanning the diagram expects.
 */
const SIDEWAYS_WEIGHT = 3;

/**
 * The card focus should move to from `from` when an arrow is pressed: among the cards whose centre
 * lies ahead in `direction`, the one nearest ahead, cards in line (overlapping sideways) first; a
 * card nested in another counts as ahead by its leading edge (down from a node reaches its first pod).
 * Undefined when nothing lies that way.
 */
export function nearestCard(from: Box, cards: readonly Card[], direction: Direction): string | undefined {
  const horizontal = direction === 'left' || direction === 'right';
  const sign = direction === 'right' || direction === 'down' ? 1 : -1;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: { id: string; score: number } | undefined;
  for (const { id, box } of cards) {
    const bx = box.x + box.width / 2;
    const by = box.y + box.height / 2;
    // A card and one it contains (a node and its pod) compare leading edges: their centres may coincide.
    const nested = contains(from, box) || contains(box, from);
    const ahead = nested ? sign * (horizontal ? box.x - from.x : box.y - from.y) : sign * (horizontal ? bx - cx : by - cy);
    if (ahead <= 0.5) continue;
    const sideways = horizontal ? gap(from.y, from.y + from.height, box.y, box.y + box.height) : gap(from.x, from.x + from.width, box.x, box.x + box.width);
    const score = ahead + SIDEWAYS_WEIGHT * sideways;
    if (!best || score < best.score) best = { id, score };
  }
  return best?.id;
}

/**
 * Where a child card (a pod in its node) may sit: `position` relative to its parent, kept inside the
 * parent's `size` so a keyboard move never takes a pod off the node it runs on.
 */
export function clampToParent(position: { x: number; y: number }, size: { width: number; height: number }, parent: { width: number; height: number }): { x: number; y: number } {
  return {
    x: Math.min(Math.max(0, position.x), Math.max(0, parent.width - size.width)),
    y: Math.min(Math.max(0, position.y), Math.max(0, parent.height - size.height)),
  };
}
