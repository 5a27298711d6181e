import { useEffect } from 'react';
import { useStoreApi, type Edge } from '@xyflow/react';
import type { AppNode } from './flowTypes';

/**
 * Shown for a moment in React Flow's place when a new cluster brings many new cards (see
 * useBulkRemount): hands React Flow's store the cards before React Flow mounts again, so its
 * renderers mount them whole instead of inserting them one by one. Says what it is doing, since a
 * paste of thousands of cards takes a while to draw.
 */
export function CardHandOver({ nodes, edges, onDone }: { nodes: AppNode[]; edges: Edge[]; onDone: () => void }) {
  const flowStore = useStoreApi<AppNode>();
  useEffect(() => {
    flowStore.getState().setNodes(nodes);
    flowStore.getState().setEdges(edges);
    onDone();
  }, [flowStore, nodes, edges, onDone]);
  return (
    <p role="status" className="grid h-full place-items-center text-sm text-slate-600 dark:text-slate-300">
      Drawing {nodes.length.toLocaleString('en')} cards…
    </p>
  );
}
