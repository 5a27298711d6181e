import { useEffect, useRef, type RefObject } from 'react';
import type { AppStore } from '../store/createAppStore';
import type { LoadSource } from './embedStart';
import { loadLateParts } from './lateParts';

/**
 * Talks to the page that embeds this iframe (bridge.ts), only to the parent window. `live` says the
 * embed can explain: its diagram is drawn and the trace engine is in (it comes after the first
 * paint). Then the bridge loads, posts `ready` with the real hop count and starts reporting hops
 * and the content's height; messages the parent sent before wait and are handled then, in order.
 */
export function useEmbedBridge(store: AppStore, root: RefObject<HTMLElement | null>, onLoad: (source: LoadSource) => void, enabled: boolean, live: boolean) {
  const early = useRef<unknown[]>([]);
  useEffect(() => {
    const parent = window.parent;
    if (!enabled || parent === window) return;
    const waiting = early.current;
    let bridge: { receive: (data: unknown) => void; stop: () => void } | undefined;
    let stopped = false;
    const onMessage = (e: MessageEvent) => {
      if (e.source !== parent) return;
      if (bridge) bridge.receive(e.data);
      else waiting.push(e.data);
    };
    window.addEventListener('message', onMessage);
    if (live) {
      void loadLateParts().then(({ startBridge }) => {
        if (stopped) return;
        bridge = startBridge(store, parent, root.current, onLoad);
        for (const data of waiting.splice(0)) bridge.receive(data);
      });
    }
    return () => {
      stopped = true;
      window.removeEventListener('message', onMessage);
      bridge?.stop();
    };
  }, [store, root, onLoad, enabled, live]);
}
