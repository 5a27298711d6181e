import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ServiceNode } from '../flowTypes';
import { ACCENT, Field, NodeCard } from './NodeCard';
import { ServiceIcon } from './icons';

/** A Service: its type, virtual IP and every port mapping it programs into each node's rules. */
export const ServiceCard = memo(function ServiceCard({ data, selected }: NodeProps<ServiceNode>) {
  const { service } = data;
  const { spec } = service;
  const external = service.status.loadBalancer.ingress?.map((i) => i.ip ?? i.hostname).join(', ');
  return (
    <>
      <Handle type="target" position={Position.Left} className="!bg-[#326ce5]" />
      <NodeCard
        accent={ACCENT.kubernetes}
        icon={<ServiceIcon />}
        kind="Service"
        name={service.metadata.name}
        selected={selected}
        badge={<span className="rounded bg-[#326ce5] px-1.5 py-0.5 text-[11px] font-semibold text-white">{spec.type}</span>}
      >
        <Field label="ClusterIP">{spec.clusterIP ?? '<none>'}</Field>
        {spec.ports.map((p) => (
          <Field key={`${p.port}/${p.protocol}`} label="port">
            {p.port}→{p.targetPort}/{p.protocol}
            {p.nodePort !== undefined && `  nodePort ${p.nodePort}`}
          </Field>
        ))}
        {spec.type === 'LoadBalancer' && <Field label="External IP">{external || '<pending>'}</Field>}
      </NodeCard>
      <Handle type="source" position={Position.Bottom} className="!bg-[#326ce5]" />
    </>
  );
});
