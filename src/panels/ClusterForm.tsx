import { useState } from 'react';
import type { ClusterSettingsSpec } from '../model/cluster';
import { updateSettings, type EditError } from '../model/edits';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { ErrorSummary, Field, inputClass, primaryButton } from './controls';

const selectSettings = (s: AppState) => s.cluster.settings;

/** What no Kubernetes object holds: where the cluster runs and how its nodes can be reached. */
export function ClusterForm() {
  const store = useAppStoreApi();
  const settings = useAppStore(selectSettings);
  const [range, setRange] = useState(settings.nodePortRange);
  const [errors, setErrors] = useState<EditError[]>([]);
  const apply = (patch: Partial<ClusterSettingsSpec>) => setErrors(store.getState().applyEdit((c) => updateSettings(c, patch)));

  return (
    <form
      aria-label="Cluster settings"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ nodePortRange: range });
      }}
    >
      <ErrorSummary errors={errors} />
      <Field label="Where the cluster runs" field="spec.provider" errors={errors} hint="On bare metal no cloud controller answers for LoadBalancer Services: they stay <pending>.">
        {(a) => (
          <select {...a} className={inputClass} value={settings.provider} onChange={(e) => apply({ provider: e.target.value as ClusterSettingsSpec['provider'] })}>
            <option value="cloud">cloud</option>
            <option value="bare-metal">bare metal</option>
          </select>
        )}
      </Field>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-[#2456c4]" checked={settings.nodesPublic} onChange={(e) => apply({ nodesPublic: e.target.checked })} />
        Nodes on a public subnet (reachable from the internet)
      </label>
      <Field label="Node-port range" field="spec.nodePortRange" errors={errors}>
        {(a) => <input {...a} className={inputClass} value={range} onChange={(e) => setRange(e.target.value)} />}
      </Field>
      <button type="submit" className={`${primaryButton} mt-3`}>Apply range</button>
    </form>
  );
}
