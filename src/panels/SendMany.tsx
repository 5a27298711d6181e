import { useState } from 'react';
import { sendMany, type SpreadEndpoint, type SpreadResult } from '../model/spread';
import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { describeMessage, OUTCOME_LABEL } from './traceWording';

const selectCluster = (s: AppState) => s.cluster;
const selectRequest = (s: AppState) => s.request;

/** An endpoint by its pod's name, else as `ip:port`. */
const podOf = (e: SpreadEndpoint): string => e.pod ?? `${e.ip}:${e.port}`;

/**
 * "Send 100": where 100 new connections of this request end up, as bars; which node's kube-proxy
 * chose the pod for them, and the model's note on why (ClientIP affinity is kept per node).
 */
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
      {current && current.byNode.length > 1 && (
        // Which node's kube-proxy chose the pod: sessionAffinity is remembered per node.
        <ul aria-label="Which node chose the pod" className="mt-1 space-y-0.5 text-gray-600 dark:text-gray-300">
          {current.byNode.map((n) => (
            <li key={n.node}>
              <span className="font-mono">{n.node}</span>: {n.count} → {n.endpoints.map(podOf).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {current?.note && <p className="mt-1 max-w-prose">{describeMessage(current.note)}</p>}
    </div>
  );
}
