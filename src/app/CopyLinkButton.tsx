import { useState } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { encodeSnapshot } from '../embed/snapshotCodec';
import { snapshotOf } from '../embed/snapshot';
import { hashForLink } from '../embed/linkHash';

/** Puts a link that reproduces exactly this diagram and step on the clipboard. */
export function CopyLinkButton() {
  const store = useAppStoreApi();
  const [status, setStatus] = useState('');
  const copy = async () => {
    const link = `${location.href.split('#')[0]}${hashForLink(encodeSnapshot(snapshotOf(store.getState())))}`;
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied');
    } catch {
      // No clipboard permission: put the link in the address bar, where it can be copied by hand.
      history.replaceState(null, '', link);
      setStatus('Link is in the address bar');
    }
    setTimeout(() => setStatus(''), 3000);
  };
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Copy link
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">{status}</span>
    </span>
  );
}
