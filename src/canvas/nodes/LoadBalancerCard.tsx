import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LoadBalancerNode } from '../flowTypes';
import { ACCENT, Field, NodeCard } from './NodeCard';
import { CloudIcon } from './icons';

/** The cloud provider's load balancer a LoadBalancer Service asks for; it lives outside the cluster. */
export const LoadBalancerCard = memo(function LoadBalancerCard({ data, selected }: NodeProps<LoadBalancerNode>) {
  const { service, provider } = data;
  const ip = service.status.loadBalancer.ingress?.[0];
  const address = ip?.ip ?? ip?.hostname;
  return (
    <>
      <Handle type="target" position={Position.Left} className="!bg-violet-600" />
      <NodeCard accent={ACCENT.loadBalancer} icon={<CloudIcon />} kind="Cloud load balancer" name={`for ${service.metadata.name}`} selected={selected}>
        <Field label="IP">{address ?? '<pending>'}</Field>
        <Field label="listens">{service.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}</Field>
        {!address && provider === 'bare-metal' && <div className="text-amber-700 dark:text-amber-400">no cloud provider</div>}
      </NodeCard>
      <Handle type="source" position={Position.Right} className="!bg-violet-600" />
    </>
  );
});
