import type { Cluster } from '../../model/cluster';
import type { ApplyMode, ApplyResult } from '../../model/manifests/merge';

/** A text to apply onto a cluster (merge) or instead of it (replace). */
export interface ApplyRequest {
  text: string;
  cluster: Cluster;
  mode: ApplyMode;
}

/** Texts at least this long are parsed in a worker; shorter ones parse in a blink on the page. */
export const OFF_THREAD_CHARS = 100_000;

export interface Parsing {
  result: Promise<ApplyResult | 'cancelled'>;
  cancel: () => void;
}

/**
 * Applies `request` in a Web Worker (Vite bundles `parse.worker.ts` as a same-origin module worker, so
 * `worker-src 'self'` or `default-src 'self'` allow it). Where no worker can start (an old browser,
 * a policy without it) or its answer does not come back whole, the page does it itself:
 * slower for a big paste, never wrong.
 */
export function parseOffThread(request: ApplyRequest, onPage: (request: ApplyRequest) => ApplyResult): Parsing {
  let worker: Worker | undefined;
  let settle: (value: ApplyResult | 'cancelled') => void = () => {};
  const result = new Promise<ApplyResult | 'cancelled'>((resolve) => {
    settle = resolve;
  });
  const fallback = () => {
    worker?.terminate();
    // Let the "Checking…" status paint before the page's own parse takes the thread.
    setTimeout(() => settle(onPage(request)), 0);
  };
  try {
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: ApplyResult }>) => {
      worker?.terminate();
      if (e.data.ok && e.data.result) settle(e.data.result);
      else fallback();
    };
    worker.onerror = fallback;
    worker.onmessageerror = fallback;
    worker.postMessage(request);
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
