import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * React Flow's edge-label layer, found once by the canvas. `EdgeLabelRenderer` looks the layer up
 * with a DOM query in a store selector, so every label re-queries the whole page on every store
 * change; on a big cluster (hundreds of load balancer → node labels) that was a large part of each
 * drag frame.
 */
export const EdgeLabelLayer = createContext<HTMLElement | null>(null);

/** Renders an edge's label in the label layer (above edges, inside the viewport). */
export function EdgeLabel({ children }: { children: ReactNode }) {
  const layer = useContext(EdgeLabelLayer);
  return layer ? createPortal(children, layer) : null;
}
