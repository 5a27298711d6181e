import type { Command, KeyLike } from './command';
import { deleteObject } from '../model/edits';
import { refForElement } from '../model/elementIds';
import { historyOf } from './history';

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

/** The editor's keys (useShortcuts): undo, redo and delete, anywhere in the app instance. */
export const editCommands: readonly Command[] = [undoCommand, redoCommand, deleteCommand];
