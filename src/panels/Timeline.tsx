import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import { runCommand } from '../store/commands';
import { goToStepCommand } from '../store/playbackCommands';
import { selectStep, selectTrace } from '../store/selectTrace';
import { hopLabel } from './hopLabel';
import { hopLayerLabel, OUTCOME_LABEL } from './traceWording';

/** Every hop of the trace; the current one marked; clicking one jumps there. */
export function Timeline() {
  const store = useAppStoreApi();
  const trace = useAppStore(selectTrace);
  const step = useAppStore(selectStep);
  if (!trace) return null;
  const failed = trace.outcome !== 'delivered';
  return (
    <ol aria-label="Hops" className="space-y-0.5 text-xs">
      {trace.hops.map((hop, i) => {
        const current = step === i + 1;
        const last = i === trace.hops.length - 1;
        const label = hopLabel(hop);
        return (
          <li key={i}>
            <button
              type="button"
              onClick={() => runCommand(store, goToStepCommand, 'button', i + 1)}
              aria-current={current ? 'step' : undefined}
              className={`flex w-full items-baseline gap-2 rounded px-1.5 py-0.5 text-left focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] ${
                current ? 'bg-[#326ce5]/15 font-semibold' : 'hover:bg-slate-100 dark:hover:bg-slate-800'
              }`}
            >
              <span className="w-4 shrink-0 text-right tabular-nums text-slate-500 dark:text-slate-400">{i + 1}</span>
              <span className="min-w-0 flex-1" title={`${label.action} · ${label.address}`}>
                <span className="block truncate">{hopLayerLabel(hop)} <span className="font-mono">{label.address}</span></span>
                <span className="block truncate text-[11px] font-normal text-slate-600 dark:text-slate-400">{label.action}</span>
              </span>
              {last && failed && <span className="ml-auto shrink-0 font-semibold text-red-700 dark:text-red-300">✕ {OUTCOME_LABEL[trace.outcome]}</span>}
              {last && !failed && <span className="ml-auto shrink-0 font-semibold text-emerald-700 dark:text-emerald-300">✓</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
