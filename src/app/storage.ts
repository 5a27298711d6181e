/**
 * localStorage that never throws: reading gives null where storage is disabled, blocked or broken,
 * and writing says why it failed, so the caller can tell the person instead of losing work.
 */
export type WriteFailure = 'full' | 'unavailable';

export function readKey(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeKey(key: string, value: string): { ok: true } | { ok: false; reason: WriteFailure } {
  try {
    localStorage.setItem(key, value);
    return { ok: true };
  } catch (e) {
    // QuotaExceededError (code 22; Firefox's NS_ERROR_DOM_QUOTA_REACHED, 1014) means full; the rest
    // (SecurityError in a sandbox, storage switched off) means there is no storage to write.
    const name = e instanceof DOMException ? e.name : '';
    const code = e instanceof DOMException ? e.code : 0;
    return { ok: false, reason: name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014 ? 'full' : 'unavailable' };
  }
}

export function removeKey(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to remove from storage that cannot be reached.
  }
}

/** Every key in storage, or none where it cannot be read. */
export function allKeys(): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k !== null);
  } catch {
    return [];
  }
}
