import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ClusterBoxNode } from '../flowTypes';

/** The cluster boundary: everything inside exists only for the cluster's own network. */
export const ClusterBox = memo(function ClusterBox({ data }: NodeProps<ClusterBoxNode>) {
  const { provider, nodeSubnet, nodesPublic, serviceCIDR, podCIDR } = data.settings;
  return (
    <div className="h-full w-full rounded-2xl border-2 border-dashed border-[#326ce5]/60 bg-[#326ce5]/[0.04] dark:bg-[#326ce5]/[0.08]">
      <div className="flex flex-wrap items-baseline gap-x-4 px-5 pt-3 text-xs text-slate-600 dark:text-slate-300">
        <span className="text-sm font-semibold text-[#2456c4] dark:text-[#8fb0f5]">
          Kubernetes cluster · {provider === 'cloud' ? 'cloud' : 'bare metal'}
        </span>
        <span>nodes <span className="font-mono">{nodeSubnet}</span> ({nodesPublic ? 'public' : 'private'} subnet)</span>
        <span>Services <span className="font-mono">{serviceCIDR}</span></span>
        <span>pods <span className="font-mono">{podCIDR}</span></span>
      </div>
    </div>
  );
});
