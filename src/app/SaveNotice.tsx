import { useAppStoreApi } from '../store/AppStoreProvider';
import type { SaveStatus } from './useAutosave';
import { downloadClusterYaml } from './downloadWork';
import { NoticeBar } from './NoticeBar';

const linkButton = 'underline font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5]';

const FAILED_TEXT: Record<Extract<SaveStatus, { kind: 'failed' }>['reason'], string> = {
  full: 'Your work could not be saved: the browser’s storage for this site is full.',
  unavailable: 'Your work could not be saved: this browser does not let the page use its storage (a private window or a setting).',
};

/**
 * Says, for as long as it lasts, that the work is not being saved and what to do about it. No
 * dismiss button: it goes away only once a save succeeds or the person chooses.
 */
export function SaveNotice({ status, onLoadTheirs, onSaveMine }: { status: SaveStatus; onLoadTheirs: () => void; onSaveMine: () => void }) {
  const store = useAppStoreApi();
  const download = (
    <button type="button" className={linkButton} onClick={() => void downloadClusterYaml(store.getState().cluster)}>
      Download my work (YAML)
    </button>
  );
  switch (status.kind) {
    case 'saved':
      return null;
    case 'failed':
      return (
        <NoticeBar tone="warning">
          <span>{FAILED_TEXT[status.reason]} It is only in this page; a reload would bring back the last saved version.</span>
          {download}
          <button type="button" className={linkButton} onClick={onSaveMine}>Try saving again</button>
        </NoticeBar>
      );
    case 'unsaveable':
      return (
        <NoticeBar tone="warning">
          <span>This diagram cannot be saved: it would not load back after a reload. Your last saved work is kept instead.</span>
          {download}
        </NoticeBar>
      );
    case 'conflict':
      return (
        <NoticeBar tone="warning">
          <span>Another tab changed your saved work. Nothing in this tab is saved until you choose.</span>
          <button type="button" className={linkButton} onClick={onLoadTheirs}>Load the other tab’s work</button>
          <button type="button" className={linkButton} onClick={onSaveMine}>Keep mine (saves over it)</button>
        </NoticeBar>
      );
  }
}
