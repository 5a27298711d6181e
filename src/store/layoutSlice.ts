import type { StateCreator } from 'zustand';
import type { AppState } from './createAppStore';

export interface XY {
  x: number;
  y: number;
}

export interface LayoutSlice {
  /**
   * Positions the user dragged, by canvas element id, relative to the element's parent (as React
   * Flow positions children). Kept apart from the model: where a box sits is not cluster state.
   * Elements not listed here sit where the automatic layout puts them.
   */
  positions: Record<string, XY>;
  moveElement: (id: string, position: XY) => void;
  resetLayout: () => void;
}

export const createLayoutSlice: StateCreator<AppState, [], [], LayoutSlice> = (set) => ({
  positions: {},
  moveElement: (id, position) => set((s) => ({ positions: { ...s.positions, [id]: position } })),
  resetLayout: () => set({ positions: {} }),
});
