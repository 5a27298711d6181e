/** The panel's quick commands and its prompt history, as plain functions of their inputs. */
import { parseElementId } from '../../model/elementIds';

export type QuickId = 'svc' | 'pods' | 'nodes' | 'endpointslices';

/** The live views the panel offers with one click, in kubectl's own words. */
export const QUICK_COMMANDS: readonly { id: QuickId; command: string; namespaced: boolean }[] = [
  { id: 'svc', command: 'get svc -o wide', namespaced: true },
  { id: 'pods', command: 'get pods -o wide', namespaced: true },
  { id: 'nodes', command: 'get nodes -o wide', namespaced: false },
  { id: 'endpointslices', command: 'get endpointslices', namespaced: true },
];

/** A quick command with `-A` when asked for (nodes have no namespace, so they never take it). */
export function quickCommand(id: QuickId, allNamespaces: boolean): string {
  const quick = QUICK_COMMANDS.find((q) => q.id === id)!;
  return allNamespaces && quick.namespaced ? `${quick.command} -A` : quick.command;
}

/**
 * `describe svc <name>` for a selected Service (or its load balancer), with `-n` outside
 * `default`; undefined when the selection is not a Service.
 */
export function describeCommand(selectedId: string | null): string | undefined {
  const ref = selectedId ? parseElementId(selectedId) : undefined;
  if (ref?.kind !== 'service' && ref?.kind !== 'loadBalancer') return undefined;
  return ref.namespace === 'default' ? `describe svc ${ref.name}` : `describe svc ${ref.name} -n ${ref.namespace}`;
}

export const HISTORY_LIMIT = 100;

/** The history with a command added at the end, as a shell keeps it: no blank lines, no repeat of the last. */
export function pushHistory(history: readonly string[], command: string): string[] {
  const text = command.trim();
  if (!text || history[history.length - 1] === text) return [...history];
  return [...history, text].slice(-HISTORY_LIMIT);
}

/**
 * Where Up/Down moves in the history: `cursor` is the entry shown, null while the user's own draft
 * is. Up goes to older entries and stops at the oldest; Down goes back toward the draft.
 */
export function moveInHistory(length: number, cursor: number | null, key: 'ArrowUp' | 'ArrowDown'): number | null {
  if (length === 0) return null;
  if (key === 'ArrowUp') return cursor === null ? length - 1 : Math.max(0, cursor - 1);
  if (cursor === null) return null;
  return cursor + 1 >= length ? null : cursor + 1;
}
