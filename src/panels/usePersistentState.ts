import { useEffect, useState } from 'react';

/**
 * State remembered across reloads in localStorage. A value that cannot be read (another version,
 * private mode, a full quota) falls back to the default; it never throws. `upgrade` rewrites what an
 * earlier version stored into today's shape before it is checked.
 */
export function usePersistentState<T>(key: string, fallback: T, isValid: (v: unknown) => v is T, upgrade: (v: unknown) => unknown = (v) => v): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw === null) return fallback;
      const parsed: unknown = upgrade(JSON.parse(raw));
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
