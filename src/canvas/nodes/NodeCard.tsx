import type { ReactNode } from 'react';

/** The shared frame of a canvas card: accent colour, icon, kind, name, then details. */
/**
 * `keyAddress`: the one address the card is about, shown in place of the details when zoomed out
 * (below FAR_ZOOM), large enough to read there. `ghost`: something that does not exist yet (a
 * pending load balancer): dashed and muted.
 */
export function NodeCard({ accent, icon, kind, name, badge, selected, ghost, keyAddress, children }: {
  accent: string;
  icon: ReactNode;
  kind: string;
  name: string;
  badge?: ReactNode;
  selected?: boolean;
  ghost?: boolean;
  keyAddress?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div
      className={`h-full w-full overflow-hidden rounded-lg border ${ghost ? 'border-2 border-dashed bg-slate-50/70 text-slate-600 dark:bg-slate-900/50 dark:text-slate-300' : 'bg-white text-slate-800 shadow-sm dark:bg-slate-900 dark:text-slate-100'} transition-shadow ${
        selected ? 'ring-2 ring-offset-1 ring-[#326ce5] dark:ring-offset-slate-950' : ''
      }`}
      style={{ borderColor: accent }}
      data-ghost={ghost || undefined}
    >
      <div className="lod-detail flex items-center gap-2 px-3 pt-2" style={{ color: accent }}>
        {icon}
        <span className="text-xs font-semibold uppercase tracking-wide">{kind}</span>
        {badge && <span className="ml-auto">{badge}</span>}
      </div>
      <div className="lod-name truncate px-3 text-[15px] font-semibold" title={name}>{name}</div>
      {keyAddress}
      <div className="lod-detail px-3 pb-2 pt-1 text-xs leading-5">{children}</div>
    </div>
  );
}

/**
 * The address a card is about, shown only zoomed out (`.zoomed-out`, below FAR_ZOOM), where the
 * details are hidden: as large as the name there, so it stays readable in a small embed.
 */
export function KeyAddress({ children, inset = true, wrap = false }: { children: ReactNode; inset?: boolean; wrap?: boolean }) {
  const fit = wrap ? 'break-all text-[22px]' : 'truncate text-[26px]';
  return (
    <div data-key-address="" className={`hidden font-mono leading-[1.15] text-slate-800 dark:text-slate-100 [.zoomed-out_&]:block ${fit} ${inset ? 'px-3' : ''}`}>
      {children}
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
  terminating: 'var(--accent-miss)',
  ingress: 'var(--accent-ingress)',
} as const;
