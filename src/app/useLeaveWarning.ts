import { useEffect } from 'react';

/**
 * Asks before the page is left (closed, reloaded, navigated away) while `unsaved` is true: edits on
 * an opened shared link, or edits a failed save left only in the page. Attached only then, so an
 * ordinary visit never meets the browser's prompt (and keeps its back/forward cache).
 */
export function useLeaveWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
