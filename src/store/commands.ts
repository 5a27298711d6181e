import type { AppStore } from './createAppStore';
import type { Command, CommandResult, CommandSource, KeyLike } from './command';
import { editCommands } from './editCommands';

/**
 * The one way a command runs, whoever asks (Excalidraw's `executeAction(action, source)`): it is
 * performed only when `enabled` holds, and a refusal comes back as data for the caller to report.
 */
export function runCommand<A>(store: AppStore, command: Command<A>, source: CommandSource, ...[arg]: A extends void ? [] : [arg: A]): CommandResult {
  const given = arg as A;
  if (!command.enabled(store, given)) return { ok: false, id: command.id, source, reason: 'disabled' };
  command.perform(store, given);
  return { ok: true, id: command.id, source };
}

/** Runs the command a key press asks for, if any and if enabled; true when one ran. */
export function runShortcut(store: AppStore, e: KeyLike, list: readonly Command[] = editCommands): boolean {
  const command = list.find((c) => c.keyTest?.(e));
  return command !== undefined && runCommand(store, command, 'keyboard').ok;
}
