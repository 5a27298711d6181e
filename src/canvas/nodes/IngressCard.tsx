import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { IngressNode } from '../flowTypes';
import { ACCENT, KeyAddress, NodeCard } from './NodeCard';

const RouteIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M4 12h6M10 12l4-6h6M10 12l4 6h6" />
  </svg>
);

/** An Ingress: host and path rules an ingress controller applies to HTTP requests. */
export const IngressCard = memo(function IngressCard({ data, selected }: NodeProps<IngressNode>) {
  const { ingress } = data;
  const rules = (ingress.spec.rules ?? []).flatMap((r) =>
    (r.http?.paths ?? []).map((p) => ({ host: r.host ?? '*', path: p.path ?? '/', to: p.backend.service })),
  );
  return (
    <>
      <Handle type="target" position={Position.Left} className="!bg-[#c2410c]" />
      <NodeCard accent={ACCENT.ingress} icon={<RouteIcon />} kind="Ingress" name={ingress.metadata.name} selected={selected}
        keyAddress={rules.map((r, i) => <KeyAddress key={i}>{r.host}{r.path}</KeyAddress>)}
        badge={ingress.spec.ingressClassName && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">{ingress.spec.ingressClassName}</span>}>
        {rules.map((r, i) => (
          <div key={i} className="truncate font-mono" title={`${r.host}${r.path} → ${r.to?.name}:${r.to?.port.number ?? r.to?.port.name}`}>
            {r.host}{r.path} → {r.to?.name}:{r.to?.port.number ?? r.to?.port.name}
          </div>
        ))}
        {ingress.spec.defaultBackend?.service && <div className="truncate font-mono">default → {ingress.spec.defaultBackend.service.name}</div>}
      </NodeCard>
      <Handle type="source" position={Position.Bottom} className="!bg-[#c2410c]" />
    </>
  );
});
