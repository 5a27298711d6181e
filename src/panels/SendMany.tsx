import { useState } from 'react';
import { sendMany, type SpreadResult } from '../model/spread';
import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { OUTCOME_LABEL } from './traceWording';

const selectCluster = (s: AppState) => s.cluster;
const selectRequest = (s: AppState) => s.request;

/** "Send 100": where 100 new connections of this request end up, as bars. */
export function SendMany() {
  const cluster = useAppStore(selectCluster);
  const request = useAppStore(selectRequest);
  const [result, setResult] = useState<{ for: unknown; spread: SpreadResult } | null>(null);
  // A result belongs to the cluster and request it was computed for; an edit makes it stale.
  const current = result && result.for === cluster && request ? result.spread : null;

  return (
    <div className="text-xs">
      <button
        type="button"
        disabled={!request}
        onClick={() => request && setResult({ for: cluster, spread: sendMany(cluster, request, 100) })}
        className="underline decoration-dotted focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] disabled:opacity-40"
      >
        Send 100 requests
      </button>
      {current && (
        <ul aria-label="Where 100 requests went" className="mt-1 space-y-0.5">
          {current.endpoints.map((e) => (
            <li key={`${e.ip}:${e.port}`} className="flex items-center gap-2">
              <span className="w-36 truncate font-mono" title={e.pod}>{e.pod ?? e.ip}</span>
              <span className="h-2 rounded bg-[#326ce5]" style={{ width: `${Math.max(2, e.count)}px` }} aria-hidden="true" />
              <span className="tabular-nums">{e.count}</span>
            </li>
          ))}
          {Object.entries(current.failed).map(([outcome, count]) => (
            <li key={outcome} className="text-red-700 dark:text-red-300">{OUTCOME_LABEL[outcome as keyof typeof OUTCOME_LABEL]}: {count}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
