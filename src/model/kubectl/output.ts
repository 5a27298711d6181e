/**
 * What a kubectl command prints, as data: `get` tables whose rows point at the objects they print,
 * `describe` documents, and the messages around them. `renderKubectl` alone turns it into kubectl's
 * text, so the panel can draw the same structure without reading the text back.
 */
import { table } from './tabwriter';

/** The kinds kubectl prints here (singular, as in an object's `kind`). */
export type KubectlKind =
  | 'Service' | 'Pod' | 'Node' | 'EndpointSlice' | 'Endpoints' | 'Ingress'
  | 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** The object a row or a document prints; no `namespace` for a cluster-scoped kind (Node). */
export interface KubectlRef {
  kind: KubectlKind;
  name: string;
  namespace?: string;
}

/** One row of a `get` table: its cells as printed (the NAME cell keeps a `service/` prefix), and its object. */
export interface KubectlRow {
  cells: readonly string[];
  ref: KubectlRef;
}

/** A `get` table: the header's columns and one row per object, cells in column order. */
export interface KubectlTable {
  type: 'table';
  columns: readonly string[];
  rows: readonly KubectlRow[];
}

/** One object's `describe` text. */
export interface KubectlDocument {
  type: 'document';
  ref: KubectlRef;
  text: string;
}

/**
 * Text that is no table: plain `output` (`-o name`, help, the blank lines between tables or
 * documents), an `info` notice ("No resources found"), a server `warning`, or an `error` with the
 * lines that belong to it (usage hints, suggestions).
 */
export interface KubectlMessage {
  type: 'message';
  level: 'output' | 'info' | 'warning' | 'error';
  text: string;
}

/**
 * One part of what a command prints. Invariant: every block's text ends with a newline, so the
 * lines of the whole output are the lines of each block in turn.
 */
export type KubectlBlock = KubectlTable | KubectlDocument | KubectlMessage;

export const message = (level: KubectlMessage['level'], text: string): KubectlMessage => ({ type: 'message', level, text });

/** A table's lines as kubectl aligns them: the header first, then one line per row. */
export function tableLines(t: KubectlTable): string[] {
  return table([[...t.columns], ...t.rows.map((r) => [...r.cells])]).slice(0, -1).split('\n');
}

function renderBlock(block: KubectlBlock): string {
  return block.type === 'table' ? `${tableLines(block).join('\n')}\n` : block.text;
}

/** The exact text kubectl prints for these blocks (stdout and stderr together). */
export function renderKubectl(blocks: readonly KubectlBlock[]): string {
  return blocks.map(renderBlock).join('');
}
