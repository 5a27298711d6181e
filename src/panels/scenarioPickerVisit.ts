/**
 * When the scenario picker opens by itself: on a person's first visit to the plain app, never
 * over a shared link or an embed (any query string or hash), and not under automation
 * (`navigator.webdriver`, which Playwright sets) unless the URL asks with `?picker`.
 */
export const SEEN_PICKER_KEY = 'service-explainer:seen-picker';

export interface VisitFacts {
  /** `location.search`, e.g. "" or "?picker". */
  search: string;
  /** `location.hash`, e.g. "" or "#s=…". */
  hash: string;
  webdriver: boolean;
  /** Whether the seen-picker key is stored (true when storage cannot be read: do not nag). */
  seen: boolean;
}

export function shouldOpenPickerOnLoad({ search, hash, webdriver, seen }: VisitFacts): boolean {
  if (new URLSearchParams(search).has('picker')) return true;
  if (search !== '' || hash !== '' || webdriver) return false;
  return !seen;
}

/** Reads the facts from the browser, tolerating storage that throws (private modes, sandboxed frames). */
export function visitFacts(): VisitFacts {
  let seen = true;
  try {
    seen = localStorage.getItem(SEEN_PICKER_KEY) !== null;
  } catch {
    // Unreadable storage: treat as seen, so the picker never opens on every single visit.
  }
  return { search: location.search, hash: location.hash, webdriver: navigator.webdriver === true, seen };
}

export function rememberPickerSeen(): void {
  try {
    localStorage.setItem(SEEN_PICKER_KEY, '1');
  } catch {
    // Storage refused: the picker may open again next time, which is harmless.
  }
}
