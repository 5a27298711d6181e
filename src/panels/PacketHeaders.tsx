import type { PacketHeaders as Headers } from '../model/trace/types';

const addr = (a: { ip: string; port: number }) => `${a.ip}:${a.port}`;

/** One packet's headers, with the fields that differ from `before` marked (and announced). */
export function PacketHeaders({ label, packet, before }: { label: string; packet: Headers; before?: Headers }) {
  const changed = (field: 'src' | 'dst') => before !== undefined && addr(before[field]) !== addr(packet[field]);
  const cell = (field: 'src' | 'dst') => (
    <span
      className={`rounded px-1 font-mono ${changed(field) ? 'bg-amber-100 font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100' : ''}`}
      data-changed={changed(field) || undefined}
    >
      {addr(packet[field])}
      {changed(field) && <span className="sr-only"> (rewritten)</span>}
    </span>
  );
  return (
    <div className="flex flex-wrap items-center gap-x-1.5 text-xs">
      <span className="w-16 shrink-0 text-slate-600 dark:text-slate-400">{label}</span>
      {cell('src')}
      <span aria-label="to">→</span>
      {cell('dst')}
      <span className="text-slate-500 dark:text-slate-400">{packet.protocol}</span>
    </div>
  );
}
