import { useState } from 'react';
import type { Pod } from '../model/cluster';
import { updatePod, type EditError } from '../model/edits';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { parseSelector } from './serviceDraft';
import { ErrorSummary, Field, inputClass, primaryButton } from './controls';

const labelsText = (pod: Pod) => Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');

/** A pod's labels (what selectors match) and readiness (what decides whether it gets traffic). */
export function PodForm({ pod }: { pod: Pod }) {
  const store = useAppStoreApi();
  const [labels, setLabels] = useState(() => labelsText(pod));
  const [errors, setErrors] = useState<EditError[]>([]);
  const ref = { namespace: pod.metadata.namespace, name: pod.metadata.name };
  const ports = pod.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => ({ container: c.name, ...p })));

  return (
    <form
      aria-label={`Pod ${pod.metadata.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        setErrors(store.getState().applyEdit((c) => updatePod(c, ref, { labels: parseSelector(labels) })));
      }}
    >
      <ErrorSummary errors={errors} />
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Node</dt>
        <dd className="font-mono">{pod.spec.nodeName ?? '<none>'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Pod IP</dt>
        <dd className="font-mono">{pod.status.podIP ?? '<none>'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Ports</dt>
        <dd className="font-mono">
          {ports.length === 0 ? 'none declared' : ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.containerPort}/${p.protocol}`).join(', ')}
        </dd>
      </dl>
      <Field label="Labels" field="metadata.labels" errors={errors} hint="key=value pairs; a Service selects pods whose labels include all of its selector">
        {(a) => <input {...a} className={inputClass} value={labels} onChange={(e) => setLabels(e.target.value)} />}
      </Field>
      <button type="submit" className={`${primaryButton} mt-3`}>Apply labels</button>
      <label className="mt-4 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4 accent-[#2456c4]"
          checked={pod.status.ready}
          onChange={(e) => setErrors(store.getState().applyEdit((c) => updatePod(c, ref, { ready: e.target.checked })))}
        />
        Ready (readiness probe passing)
      </label>
    </form>
  );
}
