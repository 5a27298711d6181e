import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LoadBalancerNode } from '../flowTypes';
import { ACCENT, Field, KeyAddress, NodeCard } from './NodeCard';
import { CloudIcon } from './icons';

/**
 * The cloud provider's load balancer a LoadBalancer Service asks for; it lives outside the cluster.
 * Pending (status.loadBalancer empty, EXTERNAL-IP `<pending>`), it does not exist: drawn as a ghost,
 * dashed and muted, with no edges (toFlow gives it none) and a line saying why.
 */
export const LoadBalancerCard = memo(function LoadBalancerCard({ data, selected }: NodeProps<LoadBalancerNode>) {
  const { service, provider, pending } = data;
  const ip = service.status.loadBalancer.ingress?.[0];
  const address = ip?.ip ?? ip?.hostname;
  const ports = service.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
  return (
    <>
      <Handle type="target" position={Position.Left} className="!bg-violet-600" />
      {/* From the clients drawn above it. */}
      <Handle id="above" type="target" position={Position.Top} className="!bg-violet-600" />
      <NodeCard
        accent={pending ? ACCENT.node : ACCENT.loadBalancer}
        icon={<CloudIcon />}
        kind={pending ? 'Load balancer · pending' : 'Cloud load balancer'}
        name={`for ${service.metadata.name}`}
        selected={selected}
        ghost={pending}
        keyAddress={<KeyAddress>{address ?? '<pending>'}</KeyAddress>}
      >
        <Field label="IP">{address ?? '<pending>'}</Field>
        <Field label="listens">{ports}</Field>
        {pending && (
          <div className="whitespace-normal leading-4 text-amber-800 dark:text-amber-300" data-testid="lb-pending">
            {provider === 'bare-metal' ? 'Pending: no load balancer controller here, so none exists' : 'Pending: no load balancer made yet'}
          </div>
        )}
      </NodeCard>
      <Handle type="source" position={Position.Right} className="!bg-violet-600" />
    </>
  );
});
