import { useState } from 'react';

/**
 * Past this many new cards in one change, React Flow is mounted afresh instead of updated.
 * React inserts each new child of a mounted parent by walking its later siblings for one already
 * in the page (getHostSibling); when they are all new that walk is quadratic: a pasted cluster of
 * 6,000 cards spent 64 s there. A fresh mount builds the whole tree before attaching it.
 */
export const BULK_INSERT = 300;

const idsOf = (nodes: readonly { id: string }[]): ReadonlySet<string> => new Set(nodes.map((n) => n.id));

/**
 * A key for <ReactFlow>: the same from render to render, a new one when a new `cluster` (an
 * import, a paste, the undo of one) brings BULK_INSERT new cards or more. Cards are compared only
 * when the cluster object changes, not on every drag frame. React Flow's own store lives in the
 * provider above it; the remount costs its viewport, which `fitView` sets anew, as a new diagram
 * wants anyway. (State updated during render: React's pattern for a value derived from the
 * previous render.)
 */
export function useBulkRemount(nodes: readonly { id: string }[], cluster: object): number {
  const [seen, setSeen] = useState(() => ({ cluster, ids: idsOf(nodes), key: 0 }));
  if (seen.cluster === cluster) return seen.key;
  const ids = idsOf(nodes);
  let added = 0;
  for (const id of ids) if (!seen.ids.has(id)) added++;
  const key = added >= BULK_INSERT ? seen.key + 1 : seen.key;
  setSeen({ cluster, ids, key });
  return key;
}
