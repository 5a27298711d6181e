import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { runShortcut } from '../store/commands';
import { editCommands } from '../store/editCommands';

/** True while the user types in a field, where Ctrl+Z belongs to the field's own text. */
function isEditing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * Routes keyboard shortcuts to the app's commands: presses inside this instance's root, or with
 * nothing focused at all (so Ctrl+Z works right after a drag), never those meant for another embed.
 */
export function useShortcuts(root: React.RefObject<HTMLElement | null>) {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as Node | null;
      const ours = target === document.body || (target !== null && !!root.current?.contains(target));
      if (!ours || isEditing(e.target)) return;
      if (runShortcut(store, e, editCommands)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [root, store]);
}
