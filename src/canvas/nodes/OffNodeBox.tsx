import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { OffNodeNode } from '../flowTypes';
import { ACCENT, KeyAddress, NodeCard } from './NodeCard';
import { EndpointIcon } from './icons';

/**
 * Where endpoints with no nodeName sit: addresses outside every node (an external database behind
 * a selector-less Service). Drawn like a node, dashed: it is not a machine of the cluster.
 */
export const OffNodeBox = memo(function OffNodeBox({ data, selected }: NodeProps<OffNodeNode>) {
  return (
    <>
      <Handle type="target" position={Position.Bottom} className="!bg-slate-400" />
      <NodeCard
        accent={ACCENT.node}
        icon={<EndpointIcon />}
        kind="No node"
        name="Outside any node"
        selected={selected}
        ghost
        keyAddress={<KeyAddress>{`${data.count} endpoint${data.count === 1 ? '' : 's'}`}</KeyAddress>}
      >
        <p className="whitespace-normal leading-4">Endpoints whose slice names no node: addresses outside the cluster&apos;s nodes, reached as they are.</p>
      </NodeCard>
    </>
  );
});
