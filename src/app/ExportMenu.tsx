import { useEffect, useId, useRef, useState } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { encodeSnapshot } from '../embed/snapshotCodec';
import { snapshotOf } from '../embed/snapshot';
import { offlineHtml } from '../embed/offlineHtml';
import { loadsBack } from '../embed/stateCheck';
import { exportImage } from './exportImage';

function download(href: string, filename: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.click();
}

/**
 * Export: the diagram as one HTML file that works offline (the custom element's script inlined,
 * the current state as its attribute), or as a PNG or SVG image of the whole canvas.
 */
export function ExportMenu() {
  const store = useAppStoreApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const run = async (label: string, work: () => Promise<void>) => {
    if (busy) return;
    close();
    setBusy(true);
    setStatus(`${label}…`);
    try {
      await work();
      setStatus('');
    } catch (e) {
      // Never "[object Event]": a rejection that is not an Error gets words of its own.
      setStatus(e instanceof Error ? e.message : `${label} failed.`);
    } finally {
      setBusy(false);
    }
  };

  const downloadHtml = () =>
    run('Preparing the HTML file', async () => {
      // The custom element's script, built next to the app (dist/service-explainer.js).
      const response = await fetch(new URL('./service-explainer.js', document.baseURI)).catch(() => undefined);
      if (!response?.ok) throw new Error('The HTML export needs the built app (npm run build).');
      const script = await response.text();
      const state = encodeSnapshot(snapshotOf(store.getState()));
      // A file that would open on the default diagram instead of this one is not written.
      if (!loadsBack(state, store.getState().traceEngine)) throw new Error('This diagram would not load back from a file, so none was written. Download its YAML from the YAML panel instead.');
      const html = offlineHtml({ script, state, appUrl: location.href.split('#')[0]! });
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      download(url, 'service-explainer-diagram.html');
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  const exportAs = (format: 'png' | 'svg') =>
    run(`Exporting ${format.toUpperCase()}`, async () => {
      const flowElement = flowStore.getState().domNode;
      if (!flowElement) throw new Error('There is no canvas to export.');
      const url = URL.createObjectURL(await exportImage(flowElement, flow.getNodes(), format));
      download(url, `service-explainer-diagram.${format}`);
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  const itemClass =
    'block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';
  return (
    <span
      ref={root}
      className="relative flex items-center gap-2"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        close();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-busy={busy}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] aria-busy:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Export
      </button>
      <div
        id={menuId}
        hidden={!open}
        className="absolute left-0 top-full z-[1000] md:left-auto md:right-0 mt-1 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <button type="button" className={itemClass} onClick={() => void downloadHtml()}>Download as HTML</button>
        <button type="button" className={itemClass} onClick={() => void exportAs('png')}>Export PNG</button>
        <button type="button" className={itemClass} onClick={() => void exportAs('svg')}>Export SVG</button>
      </div>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">{status}</span>
    </span>
  );
}
