/**
 * Finds where a field is in the text from js-yaml's event stream (a flat list of collection starts,
 * scalars and pops, each with its source offset), so the fast reader can point at an issue without
 * a second parse. The offsets are the ones eemeli/yaml gives its nodes (`range[0]`): a collection
 * where its first key, dash or bracket is, a quoted scalar at its opening quote, a block scalar at
 * its `|` or `>`; differential.test.ts holds the two readers to the same line and column.
 */
import { EVENT_ID, SCALAR_STYLE, type Event } from 'js-yaml';

export type Path = readonly (string | number)[];

/** The index after the node that starts at `i`. */
function skip(events: readonly Event[], i: number): number {
  const type = events[i]!.type;
  if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return i + 1;
  let depth = 0;
  for (let at = i; at < events.length; at++) {
    const t = events[at]!.type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return at + 1;
  }
  return events.length;
}

/** Where the node's text starts, as eemeli/yaml counts it. */
function startOf(text: string, event: Event): number | undefined {
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  if (event.type !== EVENT_ID.SCALAR) return undefined;
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return event.valueStart - 1;
  if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    const indicator = Math.max(text.lastIndexOf('|', event.valueStart), text.lastIndexOf('>', event.valueStart));
    return indicator >= 0 ? indicator : event.valueStart;
  }
  return event.valueStart;
}

/** A plain or quoted key's text (keys with escapes are not matched: no API field has one). */
function keyText(text: string, event: Event): string | undefined {
  if (event.type !== EVENT_ID.SCALAR) return undefined;
  const raw = text.slice(event.valueStart, event.valueEnd);
  return event.style === SCALAR_STYLE.DOUBLE_QUOTED && raw.includes('\\') ? undefined : raw;
}

/** The event index of the node at `path` inside the node starting at `i`, or undefined. */
function nodeAt(text: string, events: readonly Event[], i: number, path: Path): number | undefined {
  for (const segment of path) {
    const node = events[i];
    if (!node) return undefined;
    let found: number | undefined;
    if (node.type === EVENT_ID.MAPPING) {
      for (let at = i + 1; at < events.length && events[at]!.type !== EVENT_ID.POP; ) {
        const value = skip(events, at);
        if (keyText(text, events[at]!) === String(segment)) found = value;
        at = skip(events, value);
        if (found !== undefined) break;
      }
    } else if (node.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
      let at = i + 1;
      for (let n = 0; n < segment && at < events.length && events[at]!.type !== EVENT_ID.POP; n++) at = skip(events, at);
      if (at < events.length && events[at]!.type !== EVENT_ID.POP) found = at;
    }
    if (found === undefined) return undefined;
    i = found;
  }
  return i;
}

/** The documents' root nodes in the event stream (undefined for an empty document). */
export function documentRoots(events: readonly Event[]): (number | undefined)[] {
  const roots: (number | undefined)[] = [];
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.type !== EVENT_ID.DOCUMENT) continue;
    const next = events[i + 1];
    roots.push(next && next.type !== EVENT_ID.POP && next.type !== EVENT_ID.DOCUMENT ? i + 1 : undefined);
  }
  return roots;
}

/**
 * The offset of the longest prefix of `base + path` that exists in the document (the field itself,
 * or the closest parent the text has), like eemeli/yaml's getIn tried from the longest path down.
 */
export function offsetOf(text: string, events: readonly Event[], root: number | undefined, base: Path, path: Path): number | undefined {
  if (root === undefined) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const at = nodeAt(text, events, root, [...base, ...path.slice(0, n)]);
    if (at !== undefined) return startOf(text, events[at]!);
  }
  return undefined;
}

/** 1-based line and column of offsets in `text` (the line starts found once, then searched). */
export function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
