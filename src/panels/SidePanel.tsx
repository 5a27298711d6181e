import { lazy, Suspense, useId, useRef, type KeyboardEvent } from 'react';
import { Inspector } from './Inspector';
import { usePersistentState } from './usePersistentState';

// Each view loads when first opened, so none of them weighs on the first screen.
const YamlPanel = lazy(() => import('./yaml/YamlPanel'));
const KubectlPanel = lazy(() => import('./kubectl/KubectlPanel'));
const RulesPanel = lazy(() => import('./rules/RulesPanel'));

const TABS = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'yaml', label: 'YAML' },
  { id: 'kubectl', label: 'kubectl' },
  { id: 'rules', label: 'Rules' },
] as const;
type TabId = (typeof TABS)[number]['id'];

interface Layout {
  tab: TabId;
  width: number;
}
const MIN_WIDTH = 280;
const MAX_WIDTH = 900;
const isLayout = (v: unknown): v is Layout =>
  typeof v === 'object' && v !== null && TABS.some((t) => t.id === (v as Layout).tab) && typeof (v as Layout).width === 'number';
/** The Rules tab was the iptables tab until nftables mode came: a layout saved then keeps its tab and width. */
const upgradeLayout = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && (v as { tab?: unknown }).tab === 'iptables' ? { ...v, tab: 'rules' } : v;
const clampWidth = (w: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));

/**
 * The inspector and the text views (YAML, kubectl, kube-proxy's rules) in one tabbed side area, resizable by
 * pointer or keyboard, remembered across reloads. Below the md breakpoint it stacks under the canvas.
 */
export function SidePanel() {
  const [layout, setLayout] = usePersistentState<Layout>('service-explainer:side-panel', { tab: 'inspector', width: 352 }, isLayout, upgradeLayout);
  const id = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const select = (tab: TabId) => setLayout({ ...layout, tab });
  const onTabKey = (e: KeyboardEvent, index: number) => {
    const next = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length]!;
    select(tab.id);
    tabRefs.current[tab.id]?.focus();
  };

  const startResize = (e: React.PointerEvent) => {
    const startX = e.clientX;
    const startWidth = layout.width;
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setLayout({ ...layout, width: clampWidth(startWidth + (startX - ev.clientX)) });
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  return (
    <section aria-label="Details and text views" className="relative flex w-full shrink-0 flex-col border-t border-slate-200 bg-white md:w-[var(--side-width)] md:border-l md:border-t-0 dark:border-slate-800 dark:bg-slate-900" style={{ '--side-width': `${layout.width}px` } as React.CSSProperties}>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the side panel"
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        aria-valuenow={layout.width}
        tabIndex={0}
        onPointerDown={startResize}
        onKeyDown={(e) => {
          const delta = e.key === 'ArrowLeft' ? 24 : e.key === 'ArrowRight' ? -24 : 0;
          if (delta) {
            e.preventDefault();
            setLayout({ ...layout, width: clampWidth(layout.width + delta) });
          }
        }}
        className="absolute inset-y-0 -left-1 z-10 hidden w-2 cursor-col-resize focus-visible:bg-[#326ce5]/40 focus-visible:outline-none md:block hover:bg-[#326ce5]/20"
      />
      <div role="tablist" aria-label="Side panel" className="flex shrink-0 gap-1 border-b border-slate-200 px-2 pt-2 dark:border-slate-800">
        {TABS.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => void (tabRefs.current[tab.id] = el)}
            role="tab"
            id={`${id}-tab-${tab.id}`}
            aria-selected={layout.tab === tab.id}
            aria-controls={`${id}-panel`}
            tabIndex={layout.tab === tab.id ? 0 : -1}
            onClick={() => select(tab.id)}
            onKeyDown={(e) => onTabKey(e, i)}
            className={`rounded-t-md px-3 py-1.5 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] ${
              layout.tab === tab.id
                ? 'border border-b-0 border-slate-200 bg-white font-semibold text-[#2456c4] dark:border-slate-700 dark:bg-slate-900 dark:text-[#8fb0f5]'
                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
            }`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${layout.tab}`} className="min-h-0 flex-1 overflow-auto">
        <Suspense fallback={<p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}>
          {layout.tab === 'inspector' && <Inspector />}
          {layout.tab === 'yaml' && <YamlPanel />}
          {layout.tab === 'kubectl' && <KubectlPanel />}
          {layout.tab === 'rules' && <RulesPanel />}
        </Suspense>
      </div>
    </section>
  );
}
