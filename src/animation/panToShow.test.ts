import { describe, expect, it } from 'vitest';
import { panToShow } from './panToShow';

const box = { left: 0, top: 0, right: 1000, bottom: 500 };

describe('panToShow: the follow-pan moves the view as little as it can', () => {
  it('does not move when the packet is in view', () => {
    expect(panToShow([{ x: 500, y: 250 }], box, 40)).toEqual({ x: 0, y: 0 });
  });

  it('brings a packet past the right edge back inside the margin, no further', () => {
    expect(panToShow([{ x: 1100, y: 250 }], box, 40)).toEqual({ x: -140, y: 0 });
  });

  it('keeps the hop it came from in view when both fit', () => {
    // The packet is below the view, the card it left near the top: shift up only so far as to keep both.
    expect(panToShow([{ x: 500, y: 560 }, { x: 500, y: 100 }], box, 40)).toEqual({ x: 0, y: -100 });
  });

  it('follows the packet alone when the two ends cannot share the view', () => {
    expect(panToShow([{ x: 500, y: 900 }, { x: 500, y: 10 }], box, 40)).toEqual({ x: 0, y: -440 });
  });
});
