import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Cluster } from '../../model/cluster';
import { runKubectl } from '../../model/kubectl/kubectl';
import { useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';
import type { AppState } from '../../store/createAppStore';
import { kubectlSegments, rowElementId, rowLabel, type TableSegment, type Tone } from './kubectlOutput';

const selectCluster = (s: AppState) => s.cluster;
const selectSelectedId = (s: AppState) => s.selectedId;

/** Every line gets the same inline padding, so headers, rows and text stay in kubectl's columns. */
const lineClass = 'block whitespace-pre px-2';
/** Messages have no columns to keep, so they wrap to the panel's width rather than hide past its edge. */
const wrapClass = 'block max-w-[min(100cqw,60rem)] whitespace-pre-wrap break-words px-2';

const TONE_CLASS: Record<Tone, string> = {
  plain: '',
  info: 'text-slate-600 dark:text-slate-400',
  warning: 'text-amber-800 dark:text-amber-300',
  error: 'text-red-700 dark:text-red-300',
};

/**
 * The output of one kubectl command, live: recomputed by the model whenever the cluster changes.
 * Table rows are options of a listbox (one Tab stop; arrows, Home/End move; Enter, Space or a click
 * selects the object on the canvas); the selected object's row is marked.
 */
export function KubectlOutput({ command }: { command: string }) {
  const cluster = useAppStore(selectCluster);
  const segments = useMemo(() => kubectlSegments(runKubectl(cluster, command)), [cluster, command]);
  const shown = `kubectl ${command.trim().replace(/^kubectl\s+/, '')}`.trim();
  const { box, content, cutOff } = useCutOff();

  return (
    <section aria-label="kubectl output" className="flex min-h-0 flex-1 flex-col">
      <p className="truncate px-0.5 pb-1 font-mono text-xs text-slate-600 dark:text-slate-400" title={shown}>
        <span aria-hidden="true">$ </span>{shown}
      </p>
      <div ref={box} className="@container min-h-0 flex-1 overflow-auto rounded border border-slate-200 bg-slate-50 py-1.5 dark:border-slate-800 dark:bg-slate-950">
        <div ref={content} className="w-max min-w-full font-mono text-xs leading-5 text-slate-900 dark:text-slate-100">
          {segments.map((segment, i) => segment.type === 'table'
            ? <OutputTable key={i} table={segment} cluster={cluster} command={shown} />
            : (
              <div key={i} role={segment.tone === 'error' ? 'alert' : undefined} className={TONE_CLASS[segment.tone]}>
                {/* An empty line still takes its height: kubectl's blank separators stay visible. */}
                {segment.lines.map((line, j) => <span key={j} className={segment.tone === 'plain' ? lineClass : wrapClass}>{line || ' '}</span>)}
              </div>
            ))}
        </div>
      </div>
      {cutOff && (
        <p className="pt-1 text-xs text-slate-600 dark:text-slate-400">
          More columns to the right: scroll sideways, or widen the panel by its left edge.
        </p>
      )}
    </section>
  );
}

/** Whether the output is wider than its box and not scrolled to its right edge (kubectl lines never wrap). */
function useCutOff() {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [cutOff, setCutOff] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setCutOff(el.scrollWidth - el.clientWidth - el.scrollLeft > 1);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (content.current) observer.observe(content.current);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return { box, content, cutOff };
}

function OutputTable({ table, cluster, command }: { table: TableSegment; cluster: Cluster; command: string }) {
  const store = useAppStoreApi();
  const selectedId = useAppStore(selectSelectedId);
  const rows = useMemo(
    () => table.rows.map((row) => ({ row, id: rowElementId(cluster, row), label: rowLabel(row, table.columns) })),
    [table, cluster],
  );
  const selectedIndex = rows.findIndex((r) => r.id !== undefined && r.id === selectedId);
  const [focused, setFocused] = useState<number | null>(null);
  // The one Tab stop: the row last focused, else the selected object's row, else the first.
  const tabStop = focused !== null && focused < rows.length ? focused : Math.max(0, selectedIndex);
  const refs = useRef<(HTMLDivElement | null)[]>([]);

  // A selection made elsewhere (the canvas) scrolls its row into view, without taking focus.
  useEffect(() => {
    if (selectedIndex >= 0) refs.current[selectedIndex]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selectedIndex]);

  const choose = (index: number) => {
    const id = rows[index]?.id;
    if (id) store.getState().select(id);
  };
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = rows.length - 1;
    const next = e.key === 'ArrowDown' ? Math.min(last, index + 1)
      : e.key === 'ArrowUp' ? Math.max(0, index - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : null;
    if (next !== null) {
      e.preventDefault();
      setFocused(next);
      refs.current[next]?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(index);
    }
  };

  return (
    <div>
      <span className={`${lineClass} text-slate-600 dark:text-slate-400`}>{table.header}</span>
      <div role="listbox" aria-label={`Rows of ${command}`} className="block">
        {rows.map(({ row, id, label }, i) => {
          const selected = i === selectedIndex;
          return (
            <div
              key={`${row.namespace ?? ''}/${row.kind}/${row.name}/${i}`}
              ref={(el) => void (refs.current[i] = el)}
              role="option"
              aria-selected={selected}
              aria-disabled={id ? undefined : true}
              aria-label={label}
              data-element-id={id}
              tabIndex={i === tabStop ? 0 : -1}
              onClick={() => choose(i)}
              onFocus={() => setFocused(i)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={`${lineClass} focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-[#326ce5] ${
                id ? 'cursor-pointer hover:bg-slate-200/70 dark:hover:bg-slate-800' : 'cursor-default'
              } ${selected ? 'bg-[#326ce5]/15 shadow-[inset_3px_0_0_#326ce5] hover:bg-[#326ce5]/20 dark:bg-[#326ce5]/25' : ''}`}
            >
              {row.line}
            </div>
          );
        })}
      </div>
    </div>
  );
}
