import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { Cluster } from '../../model/cluster';
import { applyManifests, type ApplyMode, type ApplyResult } from '../../model/manifests/merge';
import { toManifests } from '../../model/manifests/toManifests';
import type { ManifestIssue } from '../../model/manifests/issues';
import { useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';
import type { AppState } from '../../store/createAppStore';
import { primaryButton, secondaryButton } from '../controls';
import { editorProblems, issueLocation, tooLarge } from './problems';
import { YamlEditor } from './YamlEditor';
import { OFF_THREAD_CHARS, parseOffThread, type ApplyRequest, type Parsing } from './parseOffThread';
import { appliedNotice, keptKinds, keptList } from './applyWording';

const selectCluster = (s: AppState) => s.cluster;
const applyOnPage = (r: ApplyRequest) => applyManifests(r.cluster, r.text, r.mode);

interface Checked {
  text: string;
  cluster: Cluster;
  errors: ManifestIssue[];
  warnings: ManifestIssue[];
}

/**
 * The whole cluster as Kubernetes manifests, in step with the canvas. Apply reads the text onto
 * the cluster as `kubectl apply` does (objects it names are replaced or added, the rest kept);
 * "Replace the whole cluster" reads it as the whole cluster. Either is atomic: with any error
 * nothing changes (unless the person chooses to import only the valid objects), and the editor
 * keeps what was typed. Loaded on demand with the editor and the YAML parser.
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

  const applyParsed = (source: string, result: ApplyResult) => {
    setChecked({ text: source, ...result });
    if (result.errors.length > 0) return setNotice('');
    commit(result.cluster, appliedNotice(result.summary, result.warnings.length), result.warnings);
  };

  const apply = (source = text, mode: ApplyMode = 'merge') => {
    const large = tooLarge(source);
    if (large) return setNotice(large);
    const request: ApplyRequest = { text: source, cluster: store.getState().cluster, mode };
    if (source.length < OFF_THREAD_CHARS) return applyParsed(source, applyOnPage(request));
    // A big paste is parsed in a worker: the page stays responsive, and it can be cancelled.
    parsing?.job.cancel();
    const job = parseOffThread(request, applyOnPage);
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
  const kept = useMemo(() => keptKinds(cluster.kept), [cluster.kept]);

  return (
    <section aria-label="YAML" className="flex h-full flex-col gap-2 p-3" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={primaryButton} onClick={() => apply()} disabled={draft === null || parsing !== null}
          title="Like kubectl apply: the objects in the text are added or replaced, the rest of the cluster stays">Apply</button>
        <button type="button" className={secondaryButton} onClick={() => apply(text, 'replace')} disabled={draft === null || parsing !== null}>
          Replace the whole cluster
        </button>
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
          The cluster changed on the canvas since you started editing. Apply adds or replaces the objects
          your text names and keeps the rest; Revert shows the cluster as it is now.
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
      {kept.total > 0 && (
        <details className="text-xs text-slate-700 dark:text-slate-300">
          <summary className="cursor-pointer">Kept, not drawn: {kept.total.toLocaleString('en')} object{kept.total === 1 ? '' : 's'} of {kept.kinds.length} kind{kept.kinds.length === 1 ? '' : 's'}</summary>
          <p className="mt-1">
            {keptList(kept)}. The explainer does not draw these kinds; it keeps them as they were given and writes them back in Download, Copy and this view.
          </p>
        </details>
      )}
      {warnings.length > 0 && (
        <ul aria-label="Warnings" tabIndex={0} className="max-h-24 overflow-auto rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] text-xs text-amber-800 dark:text-amber-200">
          {warnings.map((w, i) => <li key={i}><span className="font-mono">{issueLocation(w)}</span>: {w.message}</li>)}
        </ul>
      )}
      <div className="min-h-0 flex-1">
        <YamlEditor value={text} onChange={edit} problems={problems} label="Cluster manifests" />
      </div>
    </section>
  );
}
