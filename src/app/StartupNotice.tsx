import { useState } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { readState } from '../embed/stateCheck';
import type { TraceEngine } from '../store/engineSlice';
import { AUTOSAVE_KEY, type StartupNotice as Notice } from './startup';
import { NoticeBar } from './NoticeBar';
import { downloadText } from './downloadWork';
import { readKey } from './storage';

const linkButton = 'underline font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5]';

function readSaved(engine: TraceEngine | null) {
  const raw = readKey(AUTOSAVE_KEY);
  const read = raw ? readState(raw, engine) : null;
  return read?.ok ? read : null;
}

/** Says how the app started when that needs saying, with the choices that follow from it. */
export function StartupNotice({ notice, onKeepEditing }: { notice: Notice; onKeepEditing: () => void }) {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(true);
  const [saved] = useState(() => readSaved(store.getState().traceEngine));
  if (!open) return null;
  const dismiss = () => setOpen(false);

  const restoreSaved = saved?.ok ? (
    <button type="button" className={linkButton} onClick={() => { store.getState().restoreState(saved.state); onKeepEditing(); dismiss(); }}>
      Go back to my saved work
    </button>
  ) : null;
  const keep = (
    <button type="button" className={linkButton} onClick={() => { onKeepEditing(); dismiss(); }}>
      Keep working on this one (it replaces my saved work)
    </button>
  );

  switch (notice.kind) {
    case 'link-opened':
      return (
        <NoticeBar tone="info" onDismiss={dismiss}>
          <span>You opened a shared diagram. Your own saved work is untouched and nothing here is saved over it.</span>
          {restoreSaved}
          {keep}
        </NoticeBar>
      );
    case 'link-failed':
      return (
        <NoticeBar tone="warning" onDismiss={dismiss}>
          <span>{notice.message} Showing the default scenario instead; your saved work is untouched.</span>
          {restoreSaved}
        </NoticeBar>
      );
    case 'saved-unreadable':
      return (
        <NoticeBar tone="warning" onDismiss={dismiss}>
          <span>
            Your last saved work could not be read, so the default scenario is shown.{' '}
            {notice.keptAs
              ? 'It has been kept aside, not deleted; your new edits are saved as usual.'
              : 'The browser’s storage is full, so it stays where it is and nothing is saved over it until you choose.'}
          </span>
          <button type="button" className={linkButton} onClick={() => downloadText(notice.raw, 'service-explainer-unreadable-save.txt', 'text/plain')}>
            Download it
          </button>
          {!notice.keptAs && keep}
        </NoticeBar>
      );
    case 'restarted':
      return (
        <NoticeBar tone="warning" onDismiss={dismiss}>
          <span>The explainer started again with the default scenario. Your saved work is untouched and nothing here is saved over it.</span>
          {restoreSaved}
          {keep}
        </NoticeBar>
      );
  }
}
