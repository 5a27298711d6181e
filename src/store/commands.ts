import type { AppStore } from './createAppStore';
import { deleteObject } from '../model/edits';
import { refForElement } from '../model/elementIds';
import { historyOf } from './history';

/** The parts of a key event a command looks at (a DOM KeyboardEvent has them all). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * A user action as an object (as Excalidraw registers actions): buttons, keyboard shortcuts, the
 * embed API and tests all run it through `perform`, so they cannot drift apart.
 */
export interface Command {
  id: string;
  label: string;
  /** Shortcut as shown to people, e.g. "Ctrl+Z". */
  shortcut?: string;
  keyTest?: (e: KeyLike) => boolean;
  enabled: (store: AppStore) => boolean;
  perform: (store: AppStore) => void;
}

const mod = (e: KeyLike) => (e.ctrlKey || e.metaKey) && !e.altKey;

export const undoCommand: Command = {
  id: 'undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  enabled: (store) => historyOf(store).getState().pastStates.length > 0,
  perform: (store) => historyOf(store).getState().undo(),
};

export const redoCommand: Command = {
  id: 'redo',
  label: 'Redo',
  shortcut: 'Shift+Ctrl+Z',
  keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
  enabled: (store) => historyOf(store).getState().futureStates.length > 0,
  perform: (store) => historyOf(store).getState().redo(),
};

export const deleteCommand: Command = {
  id: 'delete',
  label: 'Delete selected',
  shortcut: 'Delete',
  keyTest: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  enabled: (store) => {
    const id = store.getState().selectedId;
    return id !== null && refForElement(id) !== undefined;
  },
  perform: (store) => {
    const { selectedId, applyEdit, select } = store.getState();
    const ref = selectedId ? refForElement(selectedId) : undefined;
    if (!ref) return;
    if (applyEdit((c) => deleteObject(c, ref), [selectedId!]).length === 0) select(null);
  },
};

export const commands: readonly Command[] = [undoCommand, redoCommand, deleteCommand];

/** Runs the command a key press asks for, if any and if enabled; true when one ran. */
export function runShortcut(store: AppStore, e: KeyLike, list: readonly Command[] = commands): boolean {
  const command = list.find((c) => c.keyTest?.(e));
  if (!command || !command.enabled(store)) return false;
  command.perform(store);
  return true;
}
