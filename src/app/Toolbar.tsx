import { useStore } from 'zustand';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { runCommand } from '../store/commands';
import type { Command } from '../store/command';
import { redoCommand, undoCommand } from '../store/editCommands';
import { HISTORY_LIMIT, historyIsFull, historyOf } from '../store/history';
import { CopyLinkButton } from './CopyLinkButton';
import { ExportMenu } from './ExportMenu';

function CommandButton({ command, enabled, children }: { command: Command; enabled: boolean; children: React.ReactNode }) {
  const store = useAppStoreApi();
  return (
    <button
      type="button"
      onClick={() => runCommand(store, command, 'button')}
      disabled={!enabled}
      aria-label={command.label}
      aria-keyshortcuts={command.shortcut?.replace('Ctrl', 'Control')}
      title={command.shortcut ? `${command.label} (${command.shortcut})` : command.label}
      className="rounded-md p-1.5 text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] disabled:opacity-40 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {children}
    </button>
  );
}

const iconProps = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

/** Undo and redo, enabled only when there is something to undo or redo; says when undo is full. */
export function Toolbar() {
  const history = historyOf(useAppStoreApi());
  const canUndo = useStore(history, (h) => h.pastStates.length > 0);
  const canRedo = useStore(history, (h) => h.futureStates.length > 0);
  const full = useStore(history, historyIsFull);
  return (
    <div role="toolbar" aria-label="Edit" className="flex items-center gap-1">
      {full && (
        // Said, not silent: the next edit drops the oldest one from undo.
        <span role="status" className="text-xs text-slate-600 dark:text-slate-300" title={`Undo goes back ${HISTORY_LIMIT} edits; each new edit now drops the oldest.`}>
          Undo keeps the last {HISTORY_LIMIT} edits
        </span>
      )}
      <CopyLinkButton />
      <ExportMenu />
      <CommandButton command={undoCommand} enabled={canUndo}>
        <svg {...iconProps}><path d="M9 14 4 9l5-5" /><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" /></svg>
      </CommandButton>
      <CommandButton command={redoCommand} enabled={canRedo}>
        <svg {...iconProps}><path d="m15 14 5-5-5-5" /><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" /></svg>
      </CommandButton>
    </div>
  );
}
