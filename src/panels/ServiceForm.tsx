import { useState } from 'react';
import type { Protocol, Service, ServiceType } from '../model/cluster';
import { updateService, type EditError } from '../model/edits';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { draftFromService, serviceFromDraft, type PortDraft, type ServiceDraft } from './serviceDraft';
import { ErrorSummary, Field, inputClass, primaryButton, secondaryButton } from './controls';

/**
 * spec.externalIPs' caveats, as of v1.37: any Service author can claim any address (CVE-2020-8554,
 * a man-in-the-middle; the DenyServiceExternalIPs admission plugin refuses the field), and KEP-5707
 * deprecated it in v1.36 (the API server warns; it still works), with turning it off planned for later releases.
 */
const EXTERNAL_IPS_HINT = 'Addresses your network routes to a node; kube-proxy then serves them like the ClusterIP. '
  + 'Anyone who may create Services can claim any address this way and intercept its traffic (CVE-2020-8554), so many clusters '
  + 'refuse the field with the DenyServiceExternalIPs admission plugin. Deprecated since v1.36: it still works, with a warning, '
  + 'and is planned to be turned off in a later release (KEP-5707).';

const TYPES: ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
const PORT_COLUMNS: { key: keyof PortDraft; label: string }[] = [
  { key: 'name', label: 'name' },
  { key: 'port', label: 'port' },
  { key: 'targetPort', label: 'targetPort' },
  { key: 'nodePort', label: 'nodePort' },
];

/**
 * Edits one Service. The draft keeps exactly what was typed; Apply asks the model, which either
 * accepts (the canvas updates, one undo step) or answers with the API server's errors, shown next
 * to the fields they name while the typed text stays.
 */
export function ServiceForm({ service }: { service: Service }) {
  const store = useAppStoreApi();
  const [draft, setDraft] = useState<ServiceDraft>(() => draftFromService(service));
  const [errors, setErrors] = useState<EditError[]>([]);
  const [applied, setApplied] = useState(false);
  const ref = { namespace: service.metadata.namespace, name: service.metadata.name };

  const change = (patch: Partial<ServiceDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setApplied(false);
  };
  const changePort = (index: number, patch: Partial<PortDraft>) =>
    change({ ports: draft.ports.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  const apply = () => {
    const found = store.getState().applyEdit((c) => updateService(c, ref, serviceFromDraft(service, draft)));
    setErrors(found);
    if (found.length === 0) {
      const now = store.getState().cluster.services.find((s) => s.metadata.namespace === ref.namespace && s.metadata.name === ref.name);
      if (now) setDraft(draftFromService(now));
      setApplied(true);
    }
  };

  return (
    <form
      aria-label={`Service ${service.metadata.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <ErrorSummary errors={errors} />
      <Field label="Type" field="spec.type" errors={errors}>
        {(a) => (
          <select {...a} className={inputClass} value={draft.type} onChange={(e) => change({ type: e.target.value as ServiceType })}>
            {TYPES.map((t) => <option key={t}>{t}</option>)}
          </select>
        )}
      </Field>

      <fieldset className="mt-3">
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">
          Ports <span className="font-mono text-[11px] font-normal text-slate-500 dark:text-slate-400">spec.ports</span>
        </legend>
        {draft.ports.map((port, i) => (
          <div key={i} className="mt-1 rounded border border-slate-200 p-2 dark:border-slate-700">
            <div className="grid grid-cols-2 gap-x-2">
              {PORT_COLUMNS.map(({ key, label }) => (
                <Field key={key} label={label} field={`spec.ports[${i}].${key}`} errors={errors}>
                  {(a) => <input {...a} className={inputClass} value={port[key]} onChange={(e) => changePort(i, { [key]: e.target.value })} />}
                </Field>
              ))}
              <Field label="protocol" field={`spec.ports[${i}].protocol`} errors={errors}>
                {(a) => (
                  <select {...a} className={inputClass} value={port.protocol} onChange={(e) => changePort(i, { protocol: e.target.value as Protocol })}>
                    {PROTOCOLS.map((p) => <option key={p}>{p}</option>)}
                  </select>
                )}
              </Field>
            </div>
            <button type="button" className={`${secondaryButton} mt-2 !px-2 !py-0.5 text-xs`} onClick={() => change({ ports: draft.ports.filter((_, j) => j !== i) })}>
              Remove port {port.name || port.port}
            </button>
          </div>
        ))}
        <button
          type="button"
          className={`${secondaryButton} mt-2 !px-2 !py-0.5 text-xs`}
          onClick={() => change({ ports: [...draft.ports, { name: '', protocol: 'TCP', port: '', targetPort: '', nodePort: '' }] })}
        >
          Add port
        </button>
      </fieldset>

      <Field label="Selector" field="spec.selector" errors={errors} hint="key=value pairs, separated by commas">
        {(a) => <input {...a} className={inputClass} value={draft.selector} onChange={(e) => change({ selector: e.target.value })} />}
      </Field>
      <Field label="External traffic policy" field="spec.externalTrafficPolicy" errors={errors}>
        {(a) => (
          <select {...a} className={inputClass} value={draft.externalTrafficPolicy} onChange={(e) => change({ externalTrafficPolicy: e.target.value as ServiceDraft['externalTrafficPolicy'] })}>
            <option value="">(not set)</option>
            <option>Cluster</option>
            <option>Local</option>
          </select>
        )}
      </Field>
      <Field
        label="Internal traffic policy"
        field="spec.internalTrafficPolicy"
        errors={errors}
        hint="Local: traffic from pods and nodes goes only to a ready pod on the sender's own node, and is dropped where there is none"
      >
        {(a) => (
          <select {...a} className={inputClass} value={draft.internalTrafficPolicy} onChange={(e) => change({ internalTrafficPolicy: e.target.value as ServiceDraft['internalTrafficPolicy'] })}>
            <option value="">(not set: Cluster)</option>
            <option>Cluster</option>
            <option>Local</option>
          </select>
        )}
      </Field>
      <Field label="Session affinity" field="spec.sessionAffinity" errors={errors}>
        {(a) => (
          <select {...a} className={inputClass} value={draft.sessionAffinity} onChange={(e) => change({ sessionAffinity: e.target.value as ServiceDraft['sessionAffinity'] })}>
            <option>None</option>
            <option>ClientIP</option>
          </select>
        )}
      </Field>
      <Field label="External name" field="spec.externalName" errors={errors}>
        {(a) => <input {...a} className={inputClass} value={draft.externalName} onChange={(e) => change({ externalName: e.target.value })} />}
      </Field>
      <Field label="External IPs" field="spec.externalIPs" errors={errors} hint={EXTERNAL_IPS_HINT}>
        {(a) => <input {...a} className={inputClass} value={draft.externalIPs} onChange={(e) => change({ externalIPs: e.target.value })} />}
      </Field>
      <Field label="Load balancer source ranges" field="spec.loadBalancerSourceRanges" errors={errors} hint="CIDRs, separated by commas">
        {(a) => <input {...a} className={inputClass} value={draft.loadBalancerSourceRanges} onChange={(e) => change({ loadBalancerSourceRanges: e.target.value })} />}
      </Field>

      <div className="mt-4 flex items-center gap-2">
        <button type="submit" className={primaryButton}>Apply</button>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            setDraft(draftFromService(service));
            setErrors([]);
          }}
        >
          Revert
        </button>
        <span role="status" className="text-xs text-emerald-700 dark:text-emerald-300">{applied ? 'Applied' : ''}</span>
      </div>
    </form>
  );
}
