import { memo } from 'react';
import { BaseEdge, getBezierPath, Position, type EdgeProps } from '@xyflow/react';
import { EdgeLabel } from './EdgeLabel';
import { gutterPoints, roundedPath } from './gutterPath';
import type { EndpointEdge as EndpointEdgeType } from '../flowTypes';

const STYLE = {
  ready: { stroke: 'var(--accent-service)', strokeWidth: 1.6 },
  'not-ready': { stroke: 'var(--accent-warn)', strokeWidth: 1.6, strokeDasharray: '6 4' },
  'near-miss': { stroke: 'var(--accent-miss)', strokeWidth: 1.6, strokeDasharray: '2 4' },
} as const;

/**
 * Service → pod, through the gutters between cards (gutterPath.ts) where the layout allows. Solid: a ready endpoint. Dashed: selected but not ready (listed in the
 * EndpointSlice, given no traffic). Dotted: one label away from being selected. The reason is
 * the edge's accessible name and its label, next to the pod.
 */
export const EndpointEdge = memo(function EndpointEdge(props: EdgeProps<EndpointEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const route = data?.route && gutterPoints({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data.route);
  const path = route ? roundedPath(route) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  const status = data?.status ?? 'ready';
  return (
    <>
      <BaseEdge id={id} path={path} style={STYLE[status]} />
      {status !== 'ready' && data?.reason && (
        <EdgeLabel>
          <div
            // Kept when zoomed out, larger (the reason is what the edge is there to say).
            className="nodrag nopan pointer-events-none absolute max-w-52 truncate rounded border bg-white px-1.5 py-0.5 text-xs text-slate-800 [.zoomed-out_&]:max-w-[28rem] [.zoomed-out_&]:text-[20px] dark:bg-slate-900 dark:text-slate-100"
            // Beside the pod on the side the edge comes in, never over the next card.
            style={{ transform: targetPosition === Position.Right ? `translate(-100%, -100%) translate(${targetX - 4}px, ${targetY - 22}px)` : `translate(0, -100%) translate(${targetX + 4}px, ${targetY - 22}px)`, borderColor: STYLE[status].stroke }}
            title={data.reason}
          >
            {data.reason}
          </div>
        </EdgeLabel>
      )}
    </>
  );
});
