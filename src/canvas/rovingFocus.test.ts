import { describe, expect, it } from 'vitest';
import { clampToParent, directionOf, moveDelta, nearestCard, type Card } from './rovingFocus';

const card = (id: string, x: number, y: number, width = 100, height = 60): Card => ({ id, box: { x, y, width, height } });

// The default scenario's shape: a client on the left, a Service band above three workers, a load balancer below.
const client = card('client:client', 0, 300);
const service = card('svc:default/web', 300, 80, 200, 80);
const w1 = card('node:worker-1', 200, 250, 240, 200);
const w2 = card('node:worker-2', 480, 250, 240, 200);
const w3 = card('node:worker-3', 760, 250, 240, 200);
const lb = card('lb:default/web', 40, 560, 160, 70);
const cards = [client, service, w1, w2, w3, lb];

describe('nearestCard', () => {
  it('moves along a row to the neighbour, not past it', () => {
    expect(nearestCard(w1.box, cards, 'right')).toBe('node:worker-2');
    expect(nearestCard(w2.box, cards, 'right')).toBe('node:worker-3');
    expect(nearestCard(w2.box, cards, 'left')).toBe('node:worker-1');
    expect(nearestCard(w1.box, cards, 'left')).toBe('client:client');
  });

  it('prefers a card in line over a nearer one off to the side', () => {
    // From worker-1, up: the Service band overlaps it sideways; nothing else is above.
    expect(nearestCard(w1.box, cards, 'up')).toBe('svc:default/web');
    // From the client, down: the load balancer is in line below.
    expect(nearestCard(client.box, cards, 'down')).toBe('lb:default/web');
  });

  it('returns undefined when nothing lies that way', () => {
    expect(nearestCard(w3.box, cards, 'right')).toBeUndefined();
    expect(nearestCard(service.box, cards, 'up')).toBeUndefined();
    expect(nearestCard(lb.box, cards, 'down')).toBeUndefined();
  });

  it('never returns the card it starts from', () => {
    for (const c of cards) for (const d of ['left', 'right', 'up', 'down'] as const) expect(nearestCard(c.box, cards, d)).not.toBe(c.id);
  });

  it('reaches a child inside its parent (a pod in its node)', () => {
    const pod = card('pod:default/web-1', 220, 320, 200, 60);
    expect(nearestCard(w1.box, [w1, pod], 'down')).toBe('pod:default/web-1');
    expect(nearestCard(pod.box, [w1, pod], 'up')).toBe('node:worker-1');
  });
});

describe('keys and moves', () => {
  it('maps the four arrows and nothing else', () => {
    expect(directionOf('ArrowLeft')).toBe('left');
    expect(directionOf('ArrowDown')).toBe('down');
    expect(directionOf('Enter')).toBeUndefined();
  });

  it('moves one step in the direction', () => {
    expect(moveDelta('right')).toEqual({ x: 20, y: 0 });
    expect(moveDelta('up', 5)).toEqual({ x: 0, y: -5 });
  });

  it('keeps a child inside its parent', () => {
    expect(clampToParent({ x: -10, y: 500 }, { width: 100, height: 40 }, { width: 240, height: 200 })).toEqual({ x: 0, y: 160 });
    expect(clampToParent({ x: 50, y: 50 }, { width: 100, height: 40 }, { width: 240, height: 200 })).toEqual({ x: 50, y: 50 });
  });
});
