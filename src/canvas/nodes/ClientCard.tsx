import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ClientNode } from '../flowTypes';
import { ACCENT, Field, KeyAddress, NodeCard } from './NodeCard';
import { GlobeIcon, LaptopIcon } from './icons';

/** A machine outside the cluster that sends requests: on the internet or on the nodes' LAN. */
export const ClientCard = memo(function ClientCard({ data, selected }: NodeProps<ClientNode>) {
  const { client } = data;
  return (
    <>
      <NodeCard
        accent={ACCENT.client}
        icon={client.location === 'internet' ? <GlobeIcon /> : <LaptopIcon />}
        kind={client.location === 'internet' ? 'Client · internet' : 'Client · node LAN'}
        name={client.name}
        selected={selected}
        keyAddress={<KeyAddress>{client.ip}</KeyAddress>}
      >
        <Field label="IP">{client.ip}</Field>
      </NodeCard>
      <Handle type="source" position={Position.Right} className="!bg-slate-500" />
      {/* To the load balancer drawn below it (toFlow places it so). */}
      <Handle id="below" type="source" position={Position.Bottom} className="!bg-slate-500" />
    </>
  );
});
