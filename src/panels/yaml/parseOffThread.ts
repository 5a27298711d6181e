import type { parseManifests as ParseManifests } from '../../model/manifests/parse';

export type ParseResult = ReturnType<typeof ParseManifests>;

/** Texts at least this long are parsed in a worker; shorter ones parse in a blink on the page. */
export const OFF_THREAD_CHARS = 100_000;

export interface Parsing {
  result: Promise<ParseResult | 'cancelled'>;
  cancel: () => void;
}

/**
 * Parses `text` in a Web Worker (Vite bundles `parse.worker.ts` as a same-origin module worker, so
 * `worker-src 'self'` or `default-src 'self'` allow it). Where no worker can start (an old browser,
 * a policy without it) or its answer does not come back whole, the page parses the text itself:
 * slower for a big paste, never wrong.
 */
export function parseOffThread(text: string, onPage: (text: string) => ParseResult): Parsing {
  let worker: Worker | undefined;
  let settle: (value: ParseResult | 'cancelled') => void = () => {};
  const result = new Promise<ParseResult | 'cancelled'>((resolve) => {
    settle = resolve;
  });
  const fallback = () => {
    worker?.terminate();
    // Let the "Checking…" status paint before the page's own parse takes the thread.
    setTimeout(() => settle(onPage(text)), 0);
  };
  try {
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: ParseResult }>) => {
      worker?.terminate();
      if (e.data.ok && e.data.result) settle(e.data.result);
      else fallback();
    };
    worker.onerror = fallback;
    worker.onmessageerror = fallback;
    worker.postMessage(text);
  } catch {
    fallback();
  }
  return {
    result,
    cancel: () => {
      worker?.terminate();
      settle('cancelled');
    },
  };
}
