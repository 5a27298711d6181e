/**
 * Reads the text `kubectl()` printed back into parts the panel can draw: `get` tables (each data
 * row with the object it names) and runs of plain, warning or error text. Pure: the lines are kept
 * exactly as printed, so drawing the segments one line under another reproduces kubectl's output.
 */
import type { Cluster } from '../../model/cluster';
import { elementId, type ElementRef } from '../../model/elementIds';
import { allSlices } from '../../model/kubectl/printers';

export type ResourceKind = 'Service' | 'Pod' | 'Node' | 'EndpointSlice' | 'Endpoints' | 'Ingress';

/** One data row of a `get` table. */
export interface OutputRow {
  /** The line exactly as kubectl printed it. */
  line: string;
  /** The row's cells, one per column, trimmed. */
  cells: string[];
  kind?: ResourceKind;
  /** The object's name (the NAME cell without a `service/`-style prefix). */
  name: string;
  /** The NAMESPACE cell, else the command's -n (or `default`); undefined for nodes. */
  namespace?: string;
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

const HEADER = /^(NAMESPACE {2,})?NAME( {2,}\S|$)/;
/** Lines kubectl writes to stderr as errors; what follows them in the same text run is part of it. */
const ERROR = /^(error:|Error from server|You must specify)/;
const WARNING = /^Warning:/;
const INFO = /^No resources found/;

/** The type prefixes kubectl puts on names when several types are listed at once. */
const PREFIXES: Record<string, ResourceKind> = {
  service: 'Service',
  pod: 'Pod',
  node: 'Node',
  'endpointslice.discovery.k8s.io': 'EndpointSlice',
  endpoints: 'Endpoints',
  'ingress.networking.k8s.io': 'Ingress',
};

/** The resource a table lists, told by its columns (see model/kubectl/printers.ts). */
function kindOf(columns: string[]): ResourceKind | undefined {
  const [a, b] = columns.filter((c) => c !== 'NAMESPACE' && c !== 'NAME');
  if (a === 'TYPE' && b === 'CLUSTER-IP') return 'Service';
  if (a === 'READY' && b === 'STATUS') return 'Pod';
  if (a === 'STATUS' && b === 'ROLES') return 'Node';
  if (a === 'ADDRESSTYPE') return 'EndpointSlice';
  if (a === 'ENDPOINTS') return 'Endpoints';
  if (a === 'CLASS' && b === 'HOSTS') return 'Ingress';
  return undefined;
}

/**
 * Where each column starts. kubectl's tabwriter pads every cell to its column's widest cell plus
 * three spaces, so a header cell starts after two or more spaces (a single space is inside a header
 * such as `NOMINATED NODE`), and every row of one table shares those offsets.
 */
export function columnStarts(header: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < header.length; i++) {
    if (header[i] !== ' ' && (i === 0 || (header[i - 1] === ' ' && header[i - 2] === ' '))) starts.push(i);
  }
  return starts;
}

function cellsOf(line: string, starts: number[]): string[] {
  return starts.map((start, j) => line.slice(start, starts[j + 1] ?? line.length).trim());
}

/**
 * The namespace a command reads without -A: its last `-n`/`--namespace` value (`-n prod`,
 * `-nprod`, `-n=prod`, `--namespace prod`, `--namespace=prod`), else `default`, as kubectl.ts reads it.
 */
export function commandNamespace(command: string): string {
  const words = command.trim().split(/\s+/).filter(Boolean);
  let namespace = 'default';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-n' || w === '--namespace') namespace = words[++i] ?? '';
    else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (w.startsWith('-n') && !w.startsWith('--')) namespace = w.slice(2).replace(/^=/, '');
  }
  return namespace;
}

function tableRow(line: string, columns: string[], starts: number[], tableKind: ResourceKind | undefined, namespace: string): OutputRow {
  const cells = cellsOf(line, starts);
  const nsAt = columns.indexOf('NAMESPACE');
  const raw = cells[columns.indexOf('NAME')] ?? '';
  const slash = raw.indexOf('/');
  const prefixed = slash > 0 ? PREFIXES[raw.slice(0, slash)] : undefined;
  const kind = prefixed ?? tableKind;
  const name = prefixed ? raw.slice(slash + 1) : raw;
  const row: OutputRow = { line, cells, name, ...(kind ? { kind } : {}) };
  if (kind !== 'Node') row.namespace = nsAt >= 0 ? cells[nsAt]! : namespace;
  return row;
}

/** Splits what `kubectl(cluster, command)` printed into tables and toned text. */
export function parseKubectlOutput(output: string, command: string): Segment[] {
  const lines = output.split('\n');
  if (output.endsWith('\n')) lines.pop();
  const namespace = commandNamespace(command);
  const segments: Segment[] = [];
  let sticky = false;

  const pushText = (line: string) => {
    if (ERROR.test(line)) sticky = true;
    const tone: Tone = sticky ? 'error' : WARNING.test(line) ? 'warning' : INFO.test(line) ? 'info' : 'plain';
    const last = segments[segments.length - 1];
    if (last?.type === 'text' && last.tone === tone) last.lines.push(line);
    else segments.push({ type: 'text', lines: [line], tone });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!HEADER.test(line)) {
      pushText(line);
      continue;
    }
    sticky = false;
    const starts = columnStarts(line);
    const columns = cellsOf(line, starts);
    const kind = kindOf(columns);
    const table: TableSegment = { type: 'table', header: line, columns, rows: [] };
    segments.push(table);
    while (i + 1 < lines.length && lines[i + 1] !== '' && !ERROR.test(lines[i + 1]!) && !WARNING.test(lines[i + 1]!)) {
      table.rows.push(tableRow(lines[++i]!, columns, starts, kind, namespace));
    }
  }
  return segments;
}

/** The canvas element a row stands for (a slice or an Endpoints row: its Service), if it is drawn. */
export function rowElementId(cluster: Cluster, row: OutputRow): ElementRef | undefined {
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

const KIND_WORD: Record<ResourceKind, string> = {
  Service: 'Service', Pod: 'Pod', Node: 'Node', EndpointSlice: 'EndpointSlice', Endpoints: 'Endpoints', Ingress: 'Ingress',
};

/**
 * A row's accessible name: what it is, then its other cells by column
 * ("Pod web-1 in default: READY 1/1, STATUS Running, …"), read instead of the padded line.
 */
export function rowLabel(row: OutputRow, columns: string[]): string {
  const what = `${row.kind ? `${KIND_WORD[row.kind]} ` : ''}${row.name}${row.namespace ? ` in ${row.namespace}` : ''}`;
  const rest = columns
    .map((col, j) => [col, row.cells[j] ?? ''] as const)
    .filter(([col]) => col !== 'NAME' && col !== 'NAMESPACE')
    .map(([col, cell]) => `${col} ${cell || 'empty'}`);
  return rest.length ? `${what}: ${rest.join(', ')}` : what;
}
