import { layersAtHop } from '../model/serviceLayers';
import type { Hop, Trace } from '../model/trace/types';
import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { LayerNesting } from './LayerNesting';
import { PacketHeaders } from './PacketHeaders';
import { describeMessage, describeReason, hopLayerLabel, OUTCOME_LABEL, REWRITER } from './traceWording';

const selectLens = (s: AppState) => s.lens;
const selectCluster = (s: AppState) => s.cluster;

/** "Delivered to pod default/web-1 at 10.244.1.2:8080": the verdict names who answered. */
function deliveredTo(trace: Trace): string {
  const e = trace.endpoint;
  if (!e) return OUTCOME_LABEL.delivered;
  const where = `${e.ip}:${e.port}`;
  return e.podName ? `${OUTCOME_LABEL.delivered} to pod ${e.podNamespace}/${e.podName} at ${where}` : `${OUTCOME_LABEL.delivered} to ${where}`;
}

function Outcome({ trace }: { trace: Trace }) {
  if (trace.outcome === 'delivered') {
    return (
      <div className="mt-2 rounded border border-emerald-300 bg-emerald-50 p-2 text-xs text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
        <p className="font-semibold">{deliveredTo(trace)}</p>
        {trace.reply && <p className="mt-1">{describeMessage(trace.reply.explanation)}</p>}
      </div>
    );
  }
  const words = trace.reason ? describeReason(trace.reason) : undefined;
  return (
    <div role="status" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">{OUTCOME_LABEL[trace.outcome]}</p>
      {words && <p className="mt-1">{words.summary}</p>}
      {words?.details.length ? <ul className="mt-1 list-disc pl-4">{words.details.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
      {words?.fix && <p className="mt-1"><span className="font-semibold">What would fix it: </span>{words.fix}</p>}
    </div>
  );
}

function Rewrites({ hop }: { hop: Hop }) {
  if (hop.rewrites.length === 0) return null;
  return (
    <div className="mt-2 space-y-1">
      {hop.rewrites.map((r, i) => (
        <details key={i} className="text-xs">
          <summary className="cursor-pointer">
            <span className="font-semibold">{r.masquerade ? 'SNAT (masquerade)' : r.kind}</span> {r.before.ip}:{r.before.port} → {r.after.ip}:{r.after.port}
            <span className="text-slate-600 dark:text-slate-400"> by {REWRITER[r.by]}{r.node ? ` on ${r.node}` : ''}</span>
          </summary>
          {r.chains.length > 0 && <p className="mt-1 font-mono text-[11px]">{r.chains.join(' → ')}</p>}
          {r.rules.length > 0 && (
            <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-1.5 font-mono text-[11px] dark:bg-slate-800">{r.rules.join('\n')}</pre>
          )}
        </details>
      ))}
    </div>
  );
}

/** The hop on show: its layer, the packet before and after, what rewrote it and why, in words. */
export function HopDetails() {
  const trace = useAppStore(selectTrace);
  const step = useAppStore(selectStep);
  const lens = useAppStore(selectLens);
  const cluster = useAppStore(selectCluster);
  if (!trace) return <p className="text-sm text-slate-600 dark:text-slate-400">Pick a source and a destination to trace a request.</p>;
  const hop = step > 0 ? trace.hops[step - 1] : undefined;
  const previous = step > 1 ? trace.hops[step - 2] : undefined;
  const atEnd = step >= trace.hops.length;
  const layers = hop && lens === 'layers' ? layersAtHop(cluster, trace, step - 1) : undefined;
  return (
    <div aria-live="polite" className="text-sm">
      {hop ? (
        <>
          <p className="text-xs font-semibold uppercase tracking-wide text-[#2456c4] dark:text-[#8fb0f5]">
            Hop {step} of {trace.hops.length} · {hopLayerLabel(hop)}{hop.node ? ` · on ${hop.node}` : ''}
          </p>
          <p className="mt-1">{describeMessage(hop.explanation)}</p>
          <div className="mt-2 space-y-1">
            {previous && <PacketHeaders label="arrives" packet={previous.packet} />}
            <PacketHeaders label="leaves" packet={hop.packet} before={previous?.packet} />
          </div>
          <Rewrites hop={hop} />
          {layers && <div className="mt-2 max-w-64"><LayerNesting layers={layers} {...(hop.docsLayer ? { current: hop.docsLayer } : {})} /></div>}
        </>
      ) : trace.hops.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">The request stops before the packet leaves its source:</p>
      ) : (
        <p className="text-slate-700 dark:text-slate-300">Ready: the packet waits at its source. Press play or → to send it.</p>
      )}
      {atEnd && trace.hops.length > 0 && <Outcome trace={trace} />}
      {trace.hops.length === 0 && <Outcome trace={trace} />}
    </div>
  );
}
