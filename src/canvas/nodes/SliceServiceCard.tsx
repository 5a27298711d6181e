import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { SliceServiceNode } from '../flowTypes';
import { slicePorts } from './EndpointCard';
import { ACCENT, Field, KeyAddress, NodeCard } from './NodeCard';
import { ServiceIcon } from './icons';

/**
 * A Service that EndpointSlices name (kubernetes.io/service-name) but the manifests do not hold:
 * a ghost, dashed and muted, saying so, with edges to the endpoints its slices list.
 */
export const SliceServiceCard = memo(function SliceServiceCard({ data, selected }: NodeProps<SliceServiceNode>) {
  const { group } = data;
  const ready = group.addresses.filter((a) => a.ready).length;
  return (
    <>
      <Handle type="target" position={Position.Left} className="!bg-[#326ce5]" />
      <NodeCard
        accent={ACCENT.kubernetes}
        icon={<ServiceIcon />}
        kind="Service · not in the manifests"
        name={group.serviceName ?? ''}
        selected={selected}
        ghost
        keyAddress={<KeyAddress>{`${ready}/${group.addresses.length} ready`}</KeyAddress>}
      >
        <div className="whitespace-normal leading-4 text-slate-700 dark:text-slate-300" data-testid="slices-only">
          not in the manifests: only its EndpointSlices are
        </div>
        <Field label="slices">{group.slices.join(', ')}</Field>
        <Field label="ports">{slicePorts(group) || '<none>'}</Field>
        <Field label="endpoints">{`${ready} of ${group.addresses.length} ready`}</Field>
      </NodeCard>
      <Handle type="source" position={Position.Bottom} className="!bg-[#326ce5]" />
    </>
  );
});
