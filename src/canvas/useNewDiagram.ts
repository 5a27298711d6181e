import { useState } from 'react';
import { isNewDiagram } from './viewFit';

const idsOf = (nodes: readonly { id: string }[]): ReadonlySet<string> => new Set(nodes.map((n) => n.id));

/**
 * A count of the new diagrams that arrived as cluster edits (an import or a YAML Apply of mostly
 * new objects, the undo of one; see `isNewDiagram`): the canvas fits each to the view, as it fits a
 * scenario or a link (the store's `viewEpoch`). Cards are compared only when the cluster object
 * changes. (State updated during render: React's pattern for a value derived from the previous render.)
 */
export function useNewDiagram(nodes: readonly { id: string }[], cluster: object): number {
  const [seen, setSeen] = useState(() => ({ cluster, ids: idsOf(nodes), count: 0 }));
  if (seen.cluster === cluster) return seen.count;
  const ids = idsOf(nodes);
  const count = isNewDiagram(seen.ids, ids) ? seen.count + 1 : seen.count;
  setSeen({ cluster, ids, count });
  return count;
}
