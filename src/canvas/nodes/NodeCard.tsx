import type { ReactNode } from 'react';

/** The shared frame of a canvas card: accent colour, icon, kind, name, then details. */
export function NodeCard({ accent, icon, kind, name, badge, selected, children }: {
  accent: string;
  icon: ReactNode;
  kind: string;
  name: string;
  badge?: ReactNode;
  selected?: boolean;
  children?: ReactNode;
}) {
  return (
    <div
      className={`h-full w-full overflow-hidden rounded-lg border bg-white text-slate-800 shadow-sm transition-shadow dark:bg-slate-900 dark:text-slate-100 ${
        selected ? 'ring-2 ring-offset-1 ring-[#326ce5] dark:ring-offset-slate-950' : ''
      }`}
      style={{ borderColor: accent }}
    >
      <div className="lod-detail flex items-center gap-2 px-3 pt-2" style={{ color: accent }}>
        {icon}
        <span className="text-[11px] font-semibold uppercase tracking-wide">{kind}</span>
        {badge && <span className="ml-auto">{badge}</span>}
      </div>
      <div className="lod-name truncate px-3 text-sm font-semibold" title={name}>{name}</div>
      <div className="lod-detail px-3 pb-2 pt-1 text-xs leading-5">{children}</div>
    </div>
  );
}

/** A `label value` line in a card; values are monospace because they are addresses. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-2 whitespace-nowrap">
      <span className="text-slate-500 dark:text-slate-400">{label}</span>
      <span className="truncate font-mono text-slate-900 dark:text-slate-100">{children}</span>
    </div>
  );
}

/** Kind colours; CSS variables (app/index.css) so each theme gets a shade with enough contrast. */
export const ACCENT = {
  kubernetes: 'var(--accent-service)',
  node: 'var(--accent-node)',
  pod: 'var(--accent-pod)',
  loadBalancer: 'var(--accent-lb)',
  client: 'var(--accent-node)',
  notReady: 'var(--accent-warn)',
  ingress: 'var(--accent-ingress)',
} as const;
