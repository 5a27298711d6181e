import type { DocsLayer } from '../model/trace/types';

const NESTING: DocsLayer[] = ['LoadBalancer', 'NodePort', 'ClusterIP'];

/**
 * The docs' picture: a LoadBalancer Service contains a NodePort one, which contains a ClusterIP one.
 * The layer the current hop belongs to is the one lit.
 */
export function LayerNesting({ current }: { current?: DocsLayer }) {
  const render = (i: number): React.ReactNode => {
    const layer = NESTING[i];
    if (!layer) return null;
    const on = layer === current;
    return (
      <div
        className={`rounded border px-2 pb-1.5 pt-0.5 ${on ? 'border-[#326ce5] bg-[#326ce5]/10' : 'border-slate-300 dark:border-slate-600'}`}
        aria-current={on ? 'step' : undefined}
      >
        <span className={`text-[11px] ${on ? 'font-semibold text-[#2456c4] dark:text-[#8fb0f5]' : 'text-slate-600 dark:text-slate-400'}`}>{layer}</span>
        {render(i + 1)}
      </div>
    );
  };
  return (
    <div aria-label="Service layers" className="text-xs">
      {render(0)}
      {current && !NESTING.includes(current) && <p className="mt-1 text-[11px] text-slate-600 dark:text-slate-400">This hop: {current}</p>}
    </div>
  );
}
