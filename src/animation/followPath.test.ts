import { describe, expect, it } from 'vitest';
import { boundsOf, fitPath, freeRects, onScreen, pathNeedsMove } from './followPath';

const box = { left: 0, top: 0, right: 1000, bottom: 500 };
const limits = { padding: 20, minZoom: 0.5, maxZoom: 1 };

describe('freeRects: the parts of the canvas nothing covers', () => {
  it('is the whole canvas when nothing covers it', () => {
    expect(freeRects(box, [])).toEqual([box]);
  });

  it('offers the room on each side of a card docked on the left', () => {
    const card = { left: 0, top: 0, right: 300, bottom: 500 };
    expect(freeRects(box, [card])).toEqual([{ left: 300, top: 0, right: 1000, bottom: 500 }]);
  });

  it('splits around two covers, dropping rooms too small to hold a card', () => {
    const controls = { left: 10, top: 380, right: 40, bottom: 490 };
    const link = { left: 800, top: 8, right: 990, bottom: 30 };
    const rooms = freeRects(box, [controls, link]);
    // Right of the controls and below the link is one of them; nothing returned overlaps a cover.
    expect(rooms).toContainEqual({ left: 40, top: 30, right: 1000, bottom: 500 });
    for (const r of rooms) for (const c of [controls, link]) expect(r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom).toBe(false);
  });
});

describe('fitPath: the path as large as it reads, in the best room', () => {
  it('centres a small path at the largest zoom allowed', () => {
    const fit = fitPath({ left: 100, top: 100, right: 300, bottom: 200 }, [box], limits)!;
    expect(fit.view.zoom).toBe(1);
    expect(fit.fits).toBe(true);
    // The path's centre (200, 150) lands at the room's centre.
    expect(onScreen({ x: 200, y: 150 }, fit.view)).toEqual({ x: 500, y: 250 });
  });

  it('takes the zoom where cards show their details when only the padding keeps the path from it', () => {
    // 960 px wide in a 1000 px room: 0.92 of it needs 883 px, the room less padding has 960.
    const path = { left: 0, top: 0, right: 1050, bottom: 100 };
    expect(fitPath(path, [box], limits)!.view.zoom).toBeCloseTo(960 / 1050);
    const fit = fitPath(path, [box], { ...limits, detailZoom: 0.92 })!;
    expect(fit.view.zoom).toBe(0.92);
    expect(fit.fits).toBe(true);
    // Centred, it stays inside the room.
    expect(onScreen({ x: 0, y: 0 }, fit.view).x).toBeGreaterThanOrEqual(0);
    expect(onScreen({ x: 1050, y: 0 }, fit.view).x).toBeLessThanOrEqual(1000);
    // A path that would not fit at 0.92 even without padding keeps its own zoom.
    expect(fitPath({ left: 0, top: 0, right: 1100, bottom: 100 }, [box], { ...limits, detailZoom: 0.92 })!.view.zoom).toBeCloseTo(960 / 1100);
  });

  it('zooms out as far as it must for a wide path, no further', () => {
    const fit = fitPath({ left: 0, top: 0, right: 1920, bottom: 100 }, [box], limits)!;
    expect(fit.view.zoom).toBeCloseTo(0.5);
    expect(fit.fits).toBe(true);
  });

  it('stops at the readable zoom for a path too big, and says it does not fit', () => {
    const fit = fitPath({ left: 0, top: 0, right: 4000, bottom: 100 }, [box], limits)!;
    expect(fit.view.zoom).toBe(0.5);
    expect(fit.fits).toBe(false);
  });

  it('picks the room that shows the path largest', () => {
    const tall = { left: 0, top: 0, right: 300, bottom: 500 };
    const wide = { left: 300, top: 0, right: 1000, bottom: 200 };
    expect(fitPath({ left: 0, top: 0, right: 700, bottom: 150 }, [tall, wide], limits)!.room).toBe(wide);
  });
});

describe('pathNeedsMove: a view that already shows the path is left alone', () => {
  const far = { minZoom: 0.5, farZoom: 0.9 };
  const cards = [{ left: 100, top: 100, right: 300, bottom: 200 }];

  it('stays when every card is in view at a readable zoom', () => {
    expect(pathNeedsMove(cards, box, [], 0.7, 0.8, far)).toBe(false);
  });

  it('moves when a card is out of view or under a cover', () => {
    expect(pathNeedsMove([{ left: 900, top: 100, right: 1100, bottom: 200 }], box, [], 0.7, 0.8, far)).toBe(true);
    expect(pathNeedsMove(cards, box, [{ left: 0, top: 0, right: 150, bottom: 500 }], 0.7, 0.8, far)).toBe(true);
  });

  it('moves when the text is too small, or when fitting brings back the cards’ details', () => {
    expect(pathNeedsMove(cards, box, [], 0.3, 0.8, far)).toBe(true);
    expect(pathNeedsMove(cards, box, [], 0.7, 1, far)).toBe(true);
    expect(pathNeedsMove(cards, box, [], 0.95, 1, far)).toBe(false);
  });
});

it('boundsOf: the box around the cards', () => {
  expect(boundsOf([])).toBeUndefined();
  expect(boundsOf([{ left: 0, top: 10, right: 20, bottom: 30 }, { left: -5, top: 40, right: 10, bottom: 50 }])).toEqual({ left: -5, top: 10, right: 20, bottom: 50 });
});
