/**
 * The building blocks of `kubectl describe` output, as staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * writes them: a describer emits lines of tab-separated cells through its PrefixWriter, and
 * tabbedString aligns them with text/tabwriter (minwidth 0, padding 2). Here a line is its cells,
 * so describers return data and `renderDescribe` alone turns it into text.
 */
import { describeText } from './tabwriter';

/** One output line: cells that the tabwriter aligns; the last cell is never padded. */
export type DescribeLine = readonly string[];

/** describe.go maxAnnotationLen: longer key+value pairs move the value to its own, cut lines. */
export const MAX_ANNOTATION_LEN = 140;

/** corev1.LastAppliedConfigAnnotation, which describe.go's skipAnnotations never prints. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Go's len(): bytes of the UTF-8 encoding, not characters. */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

/**
 * describe.go shorten: the first `max` bytes and `...` when longer. Go slices bytes, so a cut
 * inside a multi-byte character leaves a broken byte the terminal shows as U+FFFD; so does this.
 */
export function shorten(s: string, max: number): string {
  const bytes = encoder.encode(s);
  return bytes.length > max ? `${decoder.decode(bytes.slice(0, max))}...` : s;
}

/** printLabelsMultiline: `<none>`, or sorted `key=value`, the first beside the title. */
export function labelLines(title: string, labels: Record<string, string> | undefined): DescribeLine[] {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return [[`${title}:`, '<none>']];
  return keys.map((key, i) => [i === 0 ? `${title}:` : '', `${key}=${labels![key]}`]);
}

/**
 * printAnnotationsMultiline: sorted `key: value` without last-applied-configuration. A pair whose
 * key and value together pass maxAnnotationLen, or a value with line breaks, prints `key:` alone
 * and each line of the value under it, indented two spaces and cut at maxAnnotationLen-2 bytes;
 * those lines keep the annotations' column, so a multi-line value never breaks the alignment.
 */
export function annotationLines(title: string, annotations: Record<string, string> | undefined): DescribeLine[] {
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (keys.length === 0) return [[`${title}:`, '<none>']];
  const lines: DescribeLine[] = [];
  keys.forEach((key, i) => {
    const lead = i === 0 ? `${title}:` : '';
    const value = annotations![key]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      lines.push([lead, `${key}:`]);
      for (const part of value.split('\n')) lines.push(['', `  ${shorten(part, MAX_ANNOTATION_LEN - 2)}`]);
    } else {
      lines.push([lead, `${key}: ${value}`]);
    }
  });
  return lines;
}

/**
 * printers.WriteEscaped (cli-runtime terminal.go), which every PrefixWriter write goes through:
 * ESC becomes `^[` and a carriage return `\r`, so object text cannot drive the terminal.
 */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** The lines as the PrefixWriter writes them, before alignment: cells joined by tabs. */
export function tabbedLines(lines: readonly DescribeLine[]): string {
  return lines.map((cells) => `${cells.map(escapeTerminal).join('\t')}\n`).join('');
}

/** tabbedString: the lines aligned as `kubectl describe` prints them. */
export function renderDescribe(lines: readonly DescribeLine[]): string {
  return describeText(tabbedLines(lines));
}
