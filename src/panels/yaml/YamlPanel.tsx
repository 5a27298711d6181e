import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { Cluster } from '../../model/cluster';
import { parseManifests } from '../../model/manifests/parse';
import { toManifests } from '../../model/manifests/toManifests';
import type { ManifestIssue } from '../../model/manifests/issues';
import { useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';
import type { AppState } from '../../store/createAppStore';
import { primaryButton, secondaryButton } from '../controls';
import { editorProblems, issueLocation, tooLarge } from './problems';
import { YamlEditor } from './YamlEditor';
import { OFF_THREAD_CHARS, parseOffThread, type Parsing } from './parseOffThread';

const selectCluster = (s: AppState) => s.cluster;

interface Checked {
  text: string;
  cluster: Cluster;
  errors: ManifestIssue[];
  warnings: ManifestIssue[];
}

/**
 * The whole cluster as Kubernetes manifests, in step with the canvas. Editing and applying is
 * atomic: with any error nothing changes (unless the person chooses to import only the valid
 * objects), and the editor keeps what was typed. Loaded on demand with the editor and the YAML parser.
 */
export default function YamlPanel() {
  const store = useAppStoreApi();
  const cluster = useAppStore(selectCluster);
  const fromCluster = useMemo(() => toManifests(cluster), [cluster]);
  /** The person's own text, while it differs from the cluster's; null when following the cluster. */
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  /** A big text being checked in the worker, and its size (for the status shown meanwhile). */
  const [parsing, setParsing] = useState<{ job: Parsing; size: number } | null>(null);

  const text = draft?.text ?? fromCluster;
  const stale = draft !== null && draft.base !== fromCluster;
  const problems = useMemo(() => (checked && checked.text === text ? editorProblems([...checked.errors, ...checked.warnings]) : []), [checked, text]);

  const edit = (next: string) => {
    setDraft(next === fromCluster ? null : { text: next, base: draft?.base ?? fromCluster });
    setNotice('');
  };

  const commit = (next: Cluster, message: string, warnings: ManifestIssue[] = []) => {
    store.getState().applyEdit(() => ({ ok: true, cluster: next }));
    setDraft(null);
    // Warnings (skipped kinds…) stay listed after a successful apply; they refer to the applied text.
    // Their lines were those of the applied text, not of the cluster's own text now shown: drop them.
    const listed = warnings.map(({ line: _l, column: _c, ...w }) => w);
    setChecked(listed.length ? { text: toManifests(next), cluster: next, errors: [], warnings: listed } : null);
    setNotice(message);
  };

  const applyParsed = (source: string, result: ReturnType<typeof parseManifests>) => {
    setChecked({ text: source, ...result });
    if (result.errors.length > 0) return setNotice('');
    const skipped = result.warnings.length ? ` ${result.warnings.length} warning${result.warnings.length > 1 ? 's' : ''} below.` : '';
    commit(result.cluster, `Applied.${skipped}`, result.warnings);
  };

  const apply = (source = text) => {
    const large = tooLarge(source);
    if (large) return setNotice(large);
    if (source.length < OFF_THREAD_CHARS) return applyParsed(source, parseManifests(source));
    // A big paste is parsed in a worker: the page stays responsive, and it can be cancelled.
    parsing?.job.cancel();
    const job = parseOffThread(source, parseManifests);
    setParsing({ job, size: source.length });
    setNotice('');
    void job.result.then((result) => {
      setParsing((p) => (p?.job === job ? null : p));
      if (result === 'cancelled') return setNotice('Cancelled; nothing was applied.');
      applyParsed(source, result);
    });
  };

  const load = (incoming: string, name: string) => {
    const large = tooLarge(incoming);
    if (large) return setNotice(`${name}: ${large}`);
    setDraft({ text: incoming, base: fromCluster });
    apply(incoming);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) return setNotice(`${file.name}: ${tooLarge('x'.repeat(file.size)) ?? ''}`);
    load(await file.text(), file.name);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void readFile(e.dataTransfer.files[0]);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'cluster.yaml';
    a.click();
    URL.revokeObjectURL(url);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice('Copied to the clipboard.');
    } catch {
      setNotice('The browser did not allow copying; select the text and copy it instead.');
    }
  };

  const errors = checked && checked.text === text ? checked.errors : [];
  const warnings = checked?.warnings ?? [];

  return (
    <section aria-label="YAML" className="flex h-full flex-col gap-2 p-3" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={primaryButton} onClick={() => apply()} disabled={draft === null || parsing !== null}>Apply</button>
        {errors.length > 0 && checked && (
          <button type="button" className={secondaryButton} onClick={() => commit(checked.cluster, `Imported the valid objects; ${errors.length} problem${errors.length > 1 ? 's were' : ' was'} left out.`)}>
            Import only the valid objects
          </button>
        )}
        <button type="button" className={secondaryButton} onClick={() => { setDraft(null); setChecked(null); setNotice(''); }} disabled={draft === null}>
          Revert
        </button>
        <button type="button" className={secondaryButton} onClick={() => fileInput.current?.click()}>Open file…</button>
        <input ref={fileInput} type="file" accept=".yaml,.yml,.json,application/yaml,application/json" className="hidden" aria-label="Open a manifest file" onChange={(e) => void readFile(e.target.files?.[0])} />
        <button type="button" className={secondaryButton} onClick={download}>Download</button>
        <button type="button" className={secondaryButton} onClick={() => void copy()}>Copy</button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Edit, paste or drop manifests (YAML, JSON, or <span className="font-mono">kubectl get … -o yaml</span> output), then Apply.
      </p>
      {stale && (
        <p role="status" className="rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          The cluster changed on the canvas since you started editing. Apply replaces it with your text;
          Revert shows the cluster as it is now.
        </p>
      )}
      {parsing && (
        <p role="status" className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
          <span>Checking {Math.round(parsing.size / 1024).toLocaleString('en')} KB of manifests…</span>
          <button type="button" className={secondaryButton} onClick={() => parsing.job.cancel()}>Cancel</button>
        </p>
      )}
      {notice && <p role="status" className="text-xs text-slate-700 dark:text-slate-300">{notice}</p>}
      {errors.length > 0 && (
        <div role="alert" className="max-h-40 overflow-auto rounded border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">Nothing was applied: {errors.length} problem{errors.length > 1 ? 's' : ''}.</p>
          <ul className="mt-1 space-y-0.5">
            {errors.map((e, i) => <li key={i}><span className="font-mono">{issueLocation(e)}</span>: {e.message}</li>)}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <ul aria-label="Warnings" className="max-h-24 overflow-auto text-xs text-amber-800 dark:text-amber-200">
          {warnings.map((w, i) => <li key={i}><span className="font-mono">{issueLocation(w)}</span>: {w.message}</li>)}
        </ul>
      )}
      <div className="min-h-0 flex-1">
        <YamlEditor value={text} onChange={edit} problems={problems} label="Cluster manifests" />
      </div>
    </section>
  );
}
