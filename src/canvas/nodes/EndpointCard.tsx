import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { EndpointAddress, SliceOnlyEndpoints } from '../../model/endpoints';
import type { EndpointCardNode } from '../flowTypes';
import { ACCENT, Field, KeyAddress } from './NodeCard';
import { EndpointIcon } from './icons';

/** An endpoint's conditions in one word, the way kube-proxy reads them: terminating first, then ready. */
export function endpointState(address: EndpointAddress): { word: 'Ready' | 'Not ready' | 'Terminating'; accent: string } {
  if (address.terminating) return { word: 'Terminating', accent: ACCENT.terminating };
  return address.ready ? { word: 'Ready', accent: ACCENT.pod } : { word: 'Not ready', accent: ACCENT.notReady };
}

/** Every condition, in words (the card's accessible description and its tooltip). */
export function endpointConditions(address: EndpointAddress): string {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return `ready: ${yes(address.ready)}, serving: ${yes(address.serving)}, terminating: ${yes(address.terminating)}`;
}

/** The ports the slices list, `name 8080/TCP`. */
export function slicePorts(group: SliceOnlyEndpoints): string {
  return group.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port ?? '*'}/${p.protocol}`).join(', ');
}

/**
 * One address an EndpointSlice lists with no pod in the cluster behind it (a dump of slices alone,
 * an external backend of a selector-less Service): its IP, the ports, its conditions and the pod it
 * names, if any. Solid when ready; dashed when not ready or terminating, with the word.
 */
export const EndpointCard = memo(function EndpointCard({ data, selected }: NodeProps<EndpointCardNode>) {
  const { address, group } = data;
  const { word, accent } = endpointState(address);
  const ports = slicePorts(group);
  const conditions = endpointConditions(address);
  return (
    <div
      className={`h-full w-full rounded-md border border-l-4 bg-white px-2.5 py-1.5 text-xs leading-[18px] text-slate-800 shadow-sm dark:bg-slate-900 dark:text-slate-100 ${
        word === 'Ready' ? '' : 'border-dashed'
      } ${selected ? 'ring-2 ring-[#326ce5]' : ''}`}
      style={{ borderColor: accent }}
      data-endpoint-state={word.toLowerCase().replace(' ', '-')}
    >
      <Handle type="target" position={Position.Left} className="!bg-teal-600" />
      <div className="flex items-center gap-1.5" style={{ color: accent }}>
        <span className="lod-detail"><EndpointIcon /></span>
        <span className="lod-name truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50" title={address.ip}>{address.ip}</span>
        <span className="lod-detail ml-auto shrink-0 text-[11px] font-semibold uppercase tracking-wide">Endpoint</span>
      </div>
      <KeyAddress inset={false}>{word}</KeyAddress>
      <div className="lod-detail">
        <Field label="ports">{ports || '<none>'}</Field>
        <div className="flex items-center justify-between gap-2 text-slate-600 dark:text-slate-300">
          <span className="truncate" title={address.podName ? `pod ${address.podName}` : 'no pod named'}>
            {address.podName ? `pod ${address.podName}` : address.hostname ? `hostname ${address.hostname}` : 'no pod'}
          </span>
          <span className="shrink-0 font-medium" style={{ color: accent }} title={conditions}>
            {word}
            <span className="sr-only"> ({conditions})</span>
          </span>
        </div>
      </div>
    </div>
  );
});
