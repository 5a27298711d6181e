import { describe, expect, it } from 'vitest';
import { flowRows, workerColumns } from './rows';

describe('flowRows', () => {
  it('wraps before a box would pass the width, each row below the tallest of the last', () => {
    const { at, height } = flowRows(
      [
        { width: 100, height: 50 },
        { width: 100, height: 80 },
        { width: 100, height: 40 },
        { width: 100, height: 40 },
      ],
      230,
      10,
    );
    expect(at).toEqual([{ x: 0, y: 0 }, { x: 110, y: 0 }, { x: 0, y: 90 }, { x: 110, y: 90 }]);
    expect(height).toBe(130);
  });

  it('gives a box wider than the row a row of its own instead of looping', () => {
    expect(flowRows([{ width: 500, height: 10 }, { width: 500, height: 10 }], 200, 5).at).toEqual([{ x: 0, y: 0 }, { x: 0, y: 15 }]);
  });

  it('is empty for no boxes', () => {
    expect(flowRows([], 100, 10)).toEqual({ at: [], height: 0 });
  });
});

describe('workerColumns', () => {
  const worker = { width: 256, height: 400 };
  it('keeps small clusters on one row', () => {
    expect(workerColumns(1, worker, 28)).toBe(1);
    expect(workerColumns(8, worker, 28)).toBe(8);
  });

  it('makes a big cluster about 1.6 times wider than tall', () => {
    const tall = { width: 256, height: 2018 };
    const columns = workerColumns(100, tall, 28);
    const rows = Math.ceil(100 / columns);
    const ratio = (columns * (tall.width + 28)) / (rows * (tall.height + 28));
    expect(columns).toBeLessThan(100);
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(2.2);
  });
});
