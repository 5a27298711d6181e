import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { EdgeLabel } from './EdgeLabel';
import type { AddressEdge as AddressEdgeType } from '../flowTypes';

/**
 * An edge labelled with the address a packet is sent to on it, drawn beside the receiving end
 * (e.g. `10.0.1.11:30080` at a node's door) in the HTML layer, so overlapping edges never hide it.
 */
export const AddressEdge = memo(function AddressEdge(props: EdgeProps<AddressEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, data } = props;
  const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {data?.address && (
        <EdgeLabel>
          <div
            className="lod-detail nodrag nopan pointer-events-none absolute rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            style={{ transform: `translate(${targetX + 6}px, ${targetY + 6}px)` }}
          >
            {data.address}
          </div>
        </EdgeLabel>
      )}
    </>
  );
});
