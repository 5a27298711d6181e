import { memo, type ReactNode } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ServiceNode } from '../flowTypes';
import type { ExposedAddress } from '../../model/exposure';
import { hostPort } from '../hostPort';
import { ACCENT, KeyAddress, NodeCard } from './NodeCard';
import { ServiceIcon } from './icons';

/** One group of addresses, headed by who can reach them. */
function Reach({ who, children }: { who: string; children: ReactNode }) {
  return (
    <div className="mt-1">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{who}</div>
      <div className="font-mono text-slate-900 dark:text-slate-100">{children}</div>
    </div>
  );
}

/** NodeIP:nodePort on every node, shown as one pattern plus the first concrete address. */
function NodePorts({ addresses }: { addresses: ExposedAddress[] }) {
  const nodePorts = [...new Set(addresses.map((a) => a.port))];
  const nodes = new Set(addresses.map((a) => a.nodeName)).size;
  return (
    <span title={addresses.map(hostPort).join('\n')}>
      NodeIP:{nodePorts.join(', ')} <span className="font-sans text-slate-600 dark:text-slate-300">on {nodes} nodes</span>
    </span>
  );
}

const firstAddress = (addresses: ExposedAddress[]): string | undefined => (addresses[0] ? hostPort(addresses[0]) : undefined);

/**
 * Zoomed out: where the Service answers, at most two lines — its ClusterIP:port (or what its DNS
 * name answers), and the address from outside (load balancer, external IP, or the nodePort pattern).
 */
function ServiceKeyAddresses({ data }: { data: ServiceNode['data'] }) {
  const { service, exposure } = data;
  if (service.spec.type === 'ExternalName') {
    return <KeyAddress wrap>CNAME {service.spec.externalName ?? ''}</KeyAddress>;
  }
  const inside = exposure.dnsAnswer === 'pod-ips' ? 'headless' : firstAddress(exposure.inCluster);
  const nodePort = exposure.onEveryNode[0]?.port;
  const outside = firstAddress(exposure.external) ?? (exposure.loadBalancerPending ? '<pending>' : nodePort && `NodeIP:${nodePort}`);
  return (
    <>
      {inside && <KeyAddress>{inside}</KeyAddress>}
      {outside && <KeyAddress>{outside}</KeyAddress>}
    </>
  );
}

/**
 * A Service: its type, ports, and every address it answers on, grouped by who can reach each —
 * so ClusterIP:port and NodeIP:nodePort are visibly different places.
 */
export const ServiceCard = memo(function ServiceCard({ data, selected }: NodeProps<ServiceNode>) {
  const { service, exposure } = data;
  const { spec } = service;
  return (
    <>
      <Handle type="target" position={Position.Left} className="!bg-[#326ce5]" />
      <NodeCard
        accent={ACCENT.kubernetes}
        icon={<ServiceIcon />}
        kind="Service"
        name={service.metadata.name}
        selected={selected}
        keyAddress={<ServiceKeyAddresses data={data} />}
        badge={<span className="rounded bg-[#326ce5] px-1.5 py-0.5 text-xs font-semibold text-white">{spec.type}</span>}
      >
        <div className="truncate font-mono text-slate-700 dark:text-slate-300" title={exposure.dnsName}>{exposure.dnsName}</div>
        <div className="whitespace-normal break-all font-mono">
          {spec.type === 'ExternalName'
            ? `CNAME → ${spec.externalName ?? ''}`
            : spec.ports.map((p) => `${p.port}→${p.targetPort}/${p.protocol}`).join(', ')}
        </div>
        {exposure.inCluster.length > 0 && (
          <Reach who="Inside the cluster">{exposure.inCluster.map(hostPort).join(', ')}</Reach>
        )}
        {exposure.dnsAnswer === 'pod-ips' && <Reach who="Inside the cluster">headless: DNS returns pod IPs</Reach>}
        {exposure.onEveryNode.length > 0 && (
          <Reach who={exposure.nodesReachableFromInternet ? 'Every node · LAN and internet' : 'Every node · LAN only'}>
            <NodePorts addresses={exposure.onEveryNode} />
          </Reach>
        )}
        {(exposure.external.length > 0 || exposure.loadBalancerPending) && (
          <Reach who="From the internet">
            {exposure.external.map(hostPort).join(', ')}
            {exposure.loadBalancerPending && <span className="text-amber-700 dark:text-amber-300">&lt;pending&gt;</span>}
          </Reach>
        )}
      </NodeCard>
      <Handle type="source" position={Position.Bottom} className="!bg-[#326ce5]" />
    </>
  );
});
