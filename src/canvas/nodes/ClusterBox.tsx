import { createContext, memo, useContext } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ClusterBoxNode } from '../flowTypes';

/** Opens or closes the kube-system fold (ClusterCanvas holds the state); `pinned` while a trace or the selection is in it. */
export const SystemFoldContext = createContext<{ toggle: () => void; pinned: boolean } | null>(null);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The cluster boundary: everything inside exists only for the cluster's own network. */
export const ClusterBox = memo(function ClusterBox({ data }: NodeProps<ClusterBoxNode>) {
  const { provider, nodeSubnet, nodesPublic, serviceCIDR, podCIDR } = data.settings;
  const { services, pods, endpoints = 0, shown } = data.system;
  const fold = useContext(SystemFoldContext);
  const label = `${shown ? 'hide' : 'show'} kube-system (${plural(services, 'Service')}, ${plural(pods, 'pod')}${endpoints > 0 ? `, ${plural(endpoints, 'endpoint')}` : ''})`;
  return (
    <div className="h-full w-full rounded-2xl border-2 border-dashed border-[#326ce5]/60 bg-[#326ce5]/[0.04] dark:bg-[#326ce5]/[0.08]">
      {/* Two lines that never wrap: the title (and the kube-system fold), then the address ranges.
          Zoomed out, the title grows and the ranges step aside (lod-detail). */}
      <div className="px-5 pt-2 text-xs text-slate-600 dark:text-slate-300">
        <div className="flex items-baseline gap-x-3 whitespace-nowrap">
          <span className="truncate text-sm font-semibold text-[#2456c4] dark:text-[#8fb0f5] [.zoomed-out_&]:text-[26px]">
            Kubernetes cluster · {provider === 'cloud' ? 'cloud' : 'bare metal'}
          </span>
          {services + pods + endpoints > 0 && fold && (
            <button
              type="button"
              className="nodrag ml-auto shrink-0 rounded px-1 text-[#2456c4] underline decoration-dotted hover:bg-[#326ce5]/10 disabled:no-underline disabled:opacity-70 dark:text-[#8fb0f5] [.zoomed-out_&]:text-[22px]"
              aria-expanded={shown}
              aria-label={label}
              disabled={fold.pinned}
              title={fold.pinned ? 'Shown while the request or the selection passes through kube-system' : 'Cluster DNS: the kube-dns Service and its CoreDNS pods, in every cluster'}
              onClick={fold.toggle}
            >
              <span className="lod-detail">{label}</span>
              <span className="hidden [.zoomed-out_&]:inline">{shown ? '− kube-system' : '+ kube-system'}</span>
            </button>
          )}
        </div>
        <div className="lod-detail flex gap-x-4 overflow-hidden whitespace-nowrap">
          <span>nodes <span className="font-mono">{nodeSubnet}</span> ({nodesPublic ? 'public' : 'private'} subnet)</span>
          <span>Services <span className="font-mono">{serviceCIDR}</span></span>
          <span>pods <span className="font-mono">{podCIDR}</span></span>
        </div>
      </div>
    </div>
  );
});
