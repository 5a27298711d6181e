import type { XY } from '../store/layoutSlice';

/**
 * Places boxes left to right, wrapping to a new row before a box would end past `maxWidth` (a box
 * wider than that still gets a row of its own). Each row starts below the tallest box of the one
 * above. Positions are relative to the first box's top-left corner.
 */
export function flowRows(boxes: readonly { width: number; height: number }[], maxWidth: number, gap: number): { at: XY[]; height: number } {
  const at: XY[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.width > maxWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    at.push({ x, y });
    x += box.width + gap;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return { at, height: boxes.length > 0 ? y + rowHeight : 0 };
}

/**
 * How many workers share a row. Up to `min` sit side by side, as a reader expects; beyond, the
 * grid gets about `aspect` times wider than tall, so a 100-node cluster fits a screen instead of
 * being a strip 30,000 px long (workers are tall: their pods stack inside them).
 */
export function workerColumns(count: number, box: { width: number; height: number }, gap: number, min = 8, aspect = 1.6): number {
  if (count <= min) return Math.max(1, count);
  const balanced = Math.ceil(Math.sqrt((aspect * count * (box.height + gap)) / (box.width + gap)));
  return Math.min(count, Math.max(min, balanced));
}
