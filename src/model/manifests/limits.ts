/**
 * Bounds on manifest text, checked before the YAML parser sees it, so no paste can exhaust the
 * stack or the heap. The API server has its own (a request body of 3 MiB by default, JSON nesting
 * of 10,000 levels in its decoder); these are tighter where the browser needs them to be.
 */

/** Characters of manifest text accepted at once (a 5,000-pod dump is about 1.3 MB). */
export const MAX_MANIFEST_CHARS = 8 * 1024 * 1024;
/** Nesting levels; real manifests stay under 20, and the YAML composer recurses per level. */
export const MAX_NESTING = 100;
/** Aliases expanded per document (eemeli/yaml's maxAliasCount): a "billion laughs" stops here. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The first place where nesting passes MAX_NESTING, as a 0-based offset, or undefined. A lexical
 * estimate that never undercounts: flow brackets outside quotes, plus block levels by indentation
 * (each deeper indent, and each `- ` or `? ` that opens a node on a line, is one level).
 */
export function tooDeepAt(text: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (lineStart && !quote && flow === 0) {
      lineStart = false;
      let j = i;
      while (text[j] === ' ') j++;
      const indent = j - i;
      let dashes = 0;
      while ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
        dashes++;
        j += 2;
        while (text[j] === ' ') j++;
      }
      if (text[j] !== '\n' && text[j] !== '#' && j < text.length) {
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length + dashes > MAX_NESTING) return i;
        for (let d = 0; d < dashes; d++) indents.push(indents[indents.length - 1]! + 1);
      }
    }
    if (ch === '\n') { lineStart = true; continue; }
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A quote opens a scalar only at a token start (`it's` inside plain text does not).
      const prev = text[i - 1];
      if (prev === undefined || ' \t\n[{,:-?'.includes(prev)) quote = ch;
    } else if (ch === '#' && (i === 0 || ' \t'.includes(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '[' || ch === '{') {
      flow++;
      if (indents.length + flow > MAX_NESTING) return i;
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return undefined;
}
