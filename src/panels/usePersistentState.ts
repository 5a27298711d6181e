import { useEffect, useState } from 'react';

/**
 * State remembered across reloads in localStorage. A value that cannot be read (another version,
 * private mode, a full quota) falls back to the default; it never throws.
 */
export function usePersistentState<T>(key: string, fallback: T, isValid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw === null) return fallback;
      const parsed: unknown = JSON.parse(raw);
      return isValid(parsed) ? parsed : fallback;
    } catch {
      return fallback;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage unavailable: the setting simply is not remembered.
    }
  }, [key, value]);
  return [value, setValue];
}
