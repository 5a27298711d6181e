/**
 * Where each tour was left, kept in localStorage so a reader can resume after a reload. Storage
 * that throws (private modes, sandboxed frames) or holds something unreadable is treated as empty;
 * nothing here ever throws.
 */
export const TOUR_PROGRESS_KEY = 'service-explainer:tours';

/** The part of `Storage` this module uses (injectable for tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface TourProgress {
  /** The step the reader was on (0-based), while the tour is unfinished. */
  step?: number;
  /** Set once the reader reached the end. */
  done?: boolean;
}

export type ProgressBook = Record<string, TourProgress>;

const isProgress = (v: unknown): v is TourProgress => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const { step, done } = v as Record<string, unknown>;
  return (step === undefined || (Number.isInteger(step) && (step as number) >= 0 && (step as number) < 100))
    && (done === undefined || typeof done === 'boolean');
};

/** The browser's localStorage, or null where reading it throws. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readProgress(storage: StorageLike | null): ProgressBook {
  if (!storage) return {};
  try {
    const raw = storage.getItem(TOUR_PROGRESS_KEY);
    if (raw === null) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const book: ProgressBook = {};
    for (const [id, entry] of Object.entries(parsed)) {
      // Own keys only, and never the prototype's names (a crafted value must not reach Object.prototype).
      if (id === '__proto__' || id === 'constructor' || id === 'prototype') continue;
      if (isProgress(entry)) book[id] = { ...(entry.step !== undefined ? { step: entry.step } : {}), ...(entry.done ? { done: true } : {}) };
    }
    return book;
  } catch {
    return {};
  }
}

export function writeProgress(storage: StorageLike | null, id: string, progress: TourProgress): void {
  if (!storage) return;
  try {
    const book = readProgress(storage);
    book[id] = progress;
    storage.setItem(TOUR_PROGRESS_KEY, JSON.stringify(book));
  } catch {
    // Storage full or refused: progress is simply not remembered.
  }
}
