/**
 * Turns what `runKubectl` returns into parts the panel can draw: `get` tables (each row with the
 * line kubectl prints for it and the object it names) and runs of plain, info, warning or error
 * text. Pure: the lines are those `renderKubectl` prints, so drawing the segments one line under
 * another reproduces kubectl's output.
 */
import type { Cluster } from '../../model/cluster';
import { elementId, type ElementRef } from '../../model/elementIds';
import type { KubectlBlock, KubectlMessage, KubectlRef } from '../../model/kubectl/output';
import { tableLines } from '../../model/kubectl/output';
import { allSlices } from '../../model/kubectl/printers';

/** One data row of a `get` table: the object it prints, with its line and cells. */
export interface OutputRow extends KubectlRef {
  /** The line exactly as kubectl prints it. */
  line: string;
  /** The row's cells, one per column. */
  cells: string[];
}

export interface TableSegment {
  type: 'table';
  header: string;
  columns: string[];
  rows: OutputRow[];
}

export type Tone = 'plain' | 'error' | 'warning' | 'info';

export interface TextSegment {
  type: 'text';
  lines: string[];
  tone: Tone;
}

export type Segment = TableSegment | TextSegment;

const TONE: Record<KubectlMessage['level'], Tone> = { output: 'plain', info: 'info', warning: 'warning', error: 'error' };

/** A block's text as lines (every block ends with a newline: model/kubectl/output.ts). */
const linesOf = (text: string): string[] => text.slice(0, text.endsWith('\n') ? -1 : undefined).split('\n');

/** The segments to draw for kubectl's blocks; neighbouring text of one tone is one segment. */
export function kubectlSegments(blocks: readonly KubectlBlock[]): Segment[] {
  const segments: Segment[] = [];
  for (const block of blocks) {
    if (block.type === 'table') {
      const [header, ...lines] = tableLines(block);
      segments.push({
        type: 'table', header: header!, columns: [...block.columns],
        rows: block.rows.map((row, i) => ({ ...row.ref, line: lines[i]!, cells: [...row.cells] })),
      });
      continue;
    }
    const tone = block.type === 'document' ? 'plain' : TONE[block.level];
    const last = segments[segments.length - 1];
    if (last?.type === 'text' && last.tone === tone) last.lines.push(...linesOf(block.text));
    else segments.push({ type: 'text', lines: linesOf(block.text), tone });
  }
  return segments;
}

/** The canvas element a row's object stands for (a slice or an Endpoints row: its Service), if it is drawn. */
export function rowElementId(cluster: Cluster, row: KubectlRef): ElementRef | undefined {
  const inNs = <T extends { metadata: { name: string; namespace: string } }>(list: T[], name = row.name) =>
    list.find((o) => o.metadata.name === name && o.metadata.namespace === row.namespace);
  switch (row.kind) {
    case 'Node':
      return cluster.nodes.some((n) => n.metadata.name === row.name) ? elementId.node(row.name) : undefined;
    case 'Pod': {
      const pod = inNs(cluster.pods);
      return pod && elementId.pod(pod);
    }
    case 'Service':
    case 'Endpoints': {
      const svc = inNs(cluster.services);
      return svc && elementId.service(svc);
    }
    case 'Ingress': {
      const ingress = inNs(cluster.ingresses);
      return ingress && elementId.ingress(ingress);
    }
    case 'EndpointSlice': {
      const slice = allSlices(cluster).find((r) => r.slice.metadata.name === row.name && r.slice.metadata.namespace === row.namespace)?.slice;
      const owner = slice?.metadata.labels?.['kubernetes.io/service-name'];
      const svc = owner ? inNs(cluster.services, owner) : undefined;
      return svc && elementId.service(svc);
    }
    default:
      return undefined;
  }
}

/**
 * A row's accessible name: what it is, then its other cells by column
 * ("Pod web-1 in default: READY 1/1, STATUS Running, …"), read instead of the padded line.
 */
export function rowLabel(row: OutputRow, columns: string[]): string {
  const what = `${row.kind} ${row.name}${row.namespace ? ` in ${row.namespace}` : ''}`;
  const rest = columns
    .map((col, j) => [col, row.cells[j] ?? ''] as const)
    .filter(([col]) => col !== 'NAME' && col !== 'NAMESPACE')
    .map(([col, cell]) => `${col} ${cell || 'empty'}`);
  return rest.length ? `${what}: ${rest.join(', ')}` : what;
}
