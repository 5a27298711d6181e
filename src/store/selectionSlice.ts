import type { SliceCreator } from './createAppStore';

export interface SelectionSlice {
  /** The canvas element the user selected, by id; null when nothing is. */
  selectedId: string | null;
  select: (id: string | null) => void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
});
