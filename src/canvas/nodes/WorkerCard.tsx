import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { nodeExternalIP, nodeInternalIP } from '../../model/cluster';
import type { WorkerNode } from '../flowTypes';
import { ACCENT, Field, KeyAddress, NodeCard } from './NodeCard';
import { ServerIcon } from './icons';

/** A worker node: a sub-flow holding its pods, with the addresses kube-proxy listens on. */
export const WorkerCard = memo(function WorkerCard({ data, selected }: NodeProps<WorkerNode>) {
  const { node } = data;
  const external = nodeExternalIP(node);
  return (
    <>
      <Handle type="target" position={Position.Bottom} className="!bg-slate-400" />
      <NodeCard
        accent={ACCENT.node}
        icon={<ServerIcon />}
        kind="Node"
        name={node.metadata.name}
        selected={selected}
        keyAddress={<KeyAddress>{nodeInternalIP(node) ?? '<none>'}</KeyAddress>}
        badge={<span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">kube-proxy</span>}
      >
        <Field label="InternalIP">{nodeInternalIP(node) ?? '<none>'}</Field>
        <Field label="ExternalIP">{external ?? '<none>'}</Field>
        <Field label="podCIDR">{node.spec.podCIDR ?? '<none>'}</Field>
        {data.podCount === 0 && !data.endpointCount && <p className="mt-6 text-center text-slate-500 dark:text-slate-400">no pods scheduled here</p>}
      </NodeCard>
    </>
  );
});
