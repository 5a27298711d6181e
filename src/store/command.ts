import type { AppStore } from './createAppStore';

/** The parts of a key event a command looks at (a DOM KeyboardEvent has them all). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Who asked for a command: a button, a key, the embedding page, a tour, or the embed's own start. */
export type CommandSource = 'button' | 'keyboard' | 'bridge' | 'tour' | 'startup';

/**
 * A user action as an object (as Excalidraw registers actions): buttons, keyboard shortcuts, the
 * embed API and tours all run it through the one dispatcher (`runCommand`, commands.ts), which asks
 * `enabled` first on every path, so they cannot drift apart. `A` is what the command is given
 * (a step, a lens…), `void` for most.
 */
export interface Command<A = void> {
  id: string;
  label: string;
  /** Shortcut as shown to people, e.g. "Ctrl+Z". */
  shortcut?: string;
  keyTest?: (e: KeyLike) => boolean;
  enabled: (store: AppStore, arg: A) => boolean;
  perform: (store: AppStore, arg: A) => void;
}

/** What the dispatcher answers: the command ran, or it was refused (not enabled) and changed nothing. */
export type CommandResult =
  | { ok: true; id: string; source: CommandSource }
  | { ok: false; id: string; source: CommandSource; reason: 'disabled' };
