import type { SliceCreator } from './createAppStore';
import type { StartFields } from './startState';
import { historyOf } from './history';

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
  /** True while a drag is under way (between its first transient move and its end). */
  dragging: boolean;
  /** Bumped when a whole new diagram arrives (scenario, import, link): the canvas fits it to view. */
  viewEpoch: number;
  /**
   * Moves one element. `transient` moves (the frames of a drag) are not recorded one by one: the
   * whole gesture becomes a single undo step when the final, non-transient move arrives.
   */
  moveElement: (id: string, position: XY, transient?: boolean) => void;
  /** Ends a drag without keeping it: positions return to where the gesture began, unrecorded. */
  cancelGesture: () => void;
  resetLayout: () => void;
}

export const createLayoutSlice = (start: StartFields): SliceCreator<LayoutSlice> => (set, get, api) => {
  /** Positions before the current gesture started, while one is under way. */
  let gestureStart: Record<string, XY> | null = null;
  const history = () => historyOf(api).getState();
  return {
    positions: start.positions,
    dragging: false,
    viewEpoch: 0,
    moveElement: (id, position, transient = false) => {
      if (transient && gestureStart === null) {
        gestureStart = get().positions;
        history().pause();
      }
      if (!transient && gestureStart !== null) {
        // Rewind silently to where the gesture began, then record the gesture as one step.
        set({ positions: gestureStart, dragging: false });
        gestureStart = null;
        history().resume();
      }
      set((s) => ({ positions: { ...s.positions, [id]: position }, ...(transient !== s.dragging ? { dragging: transient } : {}) }));
    },
    cancelGesture: () => {
      if (gestureStart === null) return;
      set({ positions: gestureStart, dragging: false });
      gestureStart = null;
      history().resume();
    },
    resetLayout: () => set({ positions: {} }),
  };
};
