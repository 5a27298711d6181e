import { createContext } from 'react';

/**
 * "The person moved the view": a pan, a zoom, a pinch on the canvas, its zoom buttons or the
 * overview map. What moves the view by itself (the fit to a request's path, the follow-pan) listens
 * and stops fighting them (src/animation/PacketMarker.tsx). Plain callbacks, no React state: a pan
 * calls it on every frame.
 */
export interface ViewIntent {
  moved: () => void;
  onMoved: (listener: () => void) => () => void;
}

export function createViewIntent(): ViewIntent {
  const listeners = new Set<() => void>();
  return {
    moved: () => {
      for (const listener of listeners) listener();
    },
    onMoved: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The canvas's own ViewIntent, for overlays rendered inside it. */
export const ViewIntentContext = createContext<ViewIntent | null>(null);
