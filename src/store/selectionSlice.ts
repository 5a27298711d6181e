import type { StartFields } from './startState';
import type { SliceCreator } from './createAppStore';

export interface SelectionSlice {
  /** The canvas element the user selected, by id; null when nothing is. */
  selectedId: string | null;
  select: (id: string | null) => void;
}

export const createSelectionSlice =
  (start: StartFields): SliceCreator<SelectionSlice> =>
  (set) => ({
    selectedId: start.selectedId,
    select: (selectedId) => set({ selectedId }),
  });
