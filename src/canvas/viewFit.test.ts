import { describe, expect, it } from 'vitest';
import { fittedViewport, flowBounds, isNewDiagram } from './viewFit';

describe('isNewDiagram: when a cluster change is a new diagram, fitted to the view', () => {
  const set = (...ids: string[]) => new Set(ids);

  it('is not one for a few cards added or taken away', () => {
    expect(isNewDiagram(set('a', 'b', 'c', 'd'), set('a', 'b', 'c', 'd', 'e'))).toBe(false);
    expect(isNewDiagram(set('a', 'b', 'c', 'd'), set('a', 'b', 'c'))).toBe(false);
  });

  it('is one when fewer than half of all the cards are on both sides', () => {
    expect(isNewDiagram(set('cluster', 'node:a', 'pod:x'), set('cluster', 'node:b', 'pod:y', 'pod:z'))).toBe(true);
    expect(isNewDiagram(set(), set('cluster'))).toBe(true);
  });

  it('is not one at exactly half, nor for nothing at all', () => {
    expect(isNewDiagram(set('a', 'b', 'c'), set('a', 'b', 'd'))).toBe(false);
    expect(isNewDiagram(set(), set())).toBe(false);
  });
});

describe('the first frame’s fit', () => {
  const nodes = [
    { id: 'cluster', position: { x: 100, y: 0 }, measured: { width: 400, height: 300 } },
    { id: 'node:a', parentId: 'cluster', position: { x: 20, y: 50 }, measured: { width: 100, height: 100 } },
    { id: 'pod:x', parentId: 'node:a', position: { x: 10, y: 400 }, measured: { width: 50, height: 50 } },
    { id: 'client', position: { x: 0, y: 200 }, measured: { width: 60, height: 40 } },
    { id: 'unsized', position: { x: -1000, y: -1000 } },
  ];

  it('bounds children where their parents put them, and leaves unsized nodes out', () => {
    // pod:x sits at 100 + 20 + 10, 0 + 50 + 400.
    expect(flowBounds(nodes)).toEqual({ x: 0, y: 0, width: 500, height: 500 });
  });

  it('fits the bounds into the view with the canvas padding (56 px left for the zoom controls)', () => {
    const view = fittedViewport(nodes, { width: 572, height: 532 })!;
    // 500 × 500 into 572 − 72 by 532 − 32: zoom 1, 56 px from the left, 16 from the top.
    expect(view.zoom).toBeCloseTo(1);
    expect(view.x).toBeCloseTo(56);
    expect(view.y).toBeCloseTo(16);
    expect(fittedViewport(nodes, { width: 0, height: 500 })).toBeUndefined();
  });
});
