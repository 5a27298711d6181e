import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { PodNode } from '../flowTypes';
import { ACCENT, Field, KeyAddress } from './NodeCard';
import { PodIcon } from './icons';

/**
 * A pod's name, truncated in the middle when it does not fit: the last part (a ReplicaSet pod's
 * random suffix, a StatefulSet pod's ordinal) is what tells pods apart, so it stays in view.
 */
function PodName({ name }: { name: string }) {
  const cut = name.lastIndexOf('-');
  const [head, tail] = cut > 0 && name.length - cut <= 6 ? [name.slice(0, cut), name.slice(cut)] : [name, ''];
  return (
    <span className="lod-name flex min-w-0 text-[13px] font-semibold text-slate-900 dark:text-slate-50" title={name}>
      <span className="truncate">{head}</span>
      {tail && <span className="shrink-0">{tail}</span>}
    </span>
  );
}

/** A pod: its IP, labels, the ports its containers listen on, and whether it is ready. */
export const PodCard = memo(function PodCard({ data, selected }: NodeProps<PodNode>) {
  const { pod } = data;
  const accent = pod.status.ready ? ACCENT.pod : ACCENT.notReady;
  const ports = pod.spec.containers.flatMap((c) => c.ports ?? []);
  const labels = Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  return (
    <div
      className={`h-full w-full rounded-md border border-l-4 bg-white px-2.5 py-1.5 text-xs leading-[18px] text-slate-800 shadow-sm dark:bg-slate-900 dark:text-slate-100 ${
        selected ? 'ring-2 ring-[#326ce5]' : ''
      }`}
      style={{ borderColor: accent }}
    >
      <Handle type="target" position={Position.Left} className="!bg-teal-600" />
      <div className="flex items-center gap-1.5" style={{ color: accent }}>
        <span className="lod-detail"><PodIcon /></span>
        <PodName name={pod.metadata.name} />
      </div>
      <KeyAddress inset={false}>{pod.status.podIP ?? '<none>'}</KeyAddress>
      <div className="lod-detail">
        <Field label="IP">
          {pod.status.podIP ?? '<none>'}
          {ports.length > 0 && `  :${ports.map((p) => p.containerPort).join(',')}`}
        </Field>
        <div className="flex items-center justify-between gap-2 text-slate-600 dark:text-slate-300">
          <span className="truncate" title={labels}>{labels || 'no labels'}</span>
          <span className="shrink-0 font-medium" style={{ color: accent }}>{pod.status.ready ? 'Ready' : 'Not ready'}</span>
        </div>
      </div>
    </div>
  );
});
