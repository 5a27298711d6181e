/**
 * Go's text/tabwriter, the part kubectl uses: cells end at '\t', a column's width is its widest
 * cell plus padding (at least minwidth), computed per block of consecutive lines that have that
 * column; the last cell of a line is never padded. kubectl get uses (minwidth 6, tabwidth 4,
 * padding 3) via printers.GetNewTabWriter; describe uses (0, 8, 2) in tabbedString.
 */
export function tabwrite(text: string, minwidth: number, padding: number): string {
  const lines = text.split('\n');
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) lines.pop();
  const cells = lines.map((line) => line.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const row = cells[i]!;
      let line = '';
      row.forEach((cell, j) => {
        line += j < row.length - 1 && j < widths.length ? cell.padEnd(widths[j]!) : cell;
      });
      out.push(line);
    }
  };

  // format() from tabwriter.go: recursive over columns, one block at a time.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= cells[i]!.length - 1) continue;
      writeLines(start, i);
      let width = minwidth;
      let j = i;
      for (; j < line1; j++) {
        const row = cells[j]!;
        if (column >= row.length - 1) break;
        width = Math.max(width, [...row[column]!].length + padding);
      }
      widths.push(width);
      format(i, j);
      widths.pop();
      start = j;
      i = j - 1;
    }
    writeLines(start, line1);
  };
  format(0, cells.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

/** kubectl get's table: rows of cells joined by tabs, aligned as GetNewTabWriter does. */
export function table(rows: string[][]): string {
  return tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), 6, 3);
}

/** describe's alignment (tabbedString). */
export function describeText(text: string): string {
  return tabwrite(text, 0, 2);
}
