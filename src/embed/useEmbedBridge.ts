import { useEffect, type RefObject } from 'react';
import type { AppStore } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { stepBackCommand, stepForwardCommand } from '../store/playbackCommands';
import { eventMessage, readCommand, type EmbedCommand, type EmbedEvent } from './messages';

/**
 * Talks to the page that embeds this iframe: runs the commands it sends (only from the parent
 * window, only the known shapes) through the same commands the buttons use, and tells it about
 * hops, the outcome and the content's height. `onLoad` handles the `load` command.
 */
export function useEmbedBridge(store: AppStore, root: RefObject<HTMLElement | null>, onLoad: (cmd: Extract<EmbedCommand, { type: 'load' }>) => void, enabled: boolean) {
  useEffect(() => {
    const parent = window.parent;
    if (!enabled || parent === window) return;
    const post = (event: EmbedEvent) => parent.postMessage(eventMessage(event), '*');

    const onMessage = (e: MessageEvent) => {
      if (e.source !== parent) return;
      const command = readCommand(e.data);
      if (!command) return;
      const state = store.getState();
      switch (command.type) {
        case 'play': return state.setPlaying(true);
        case 'pause': return state.setPlaying(false);
        case 'step': return (command.by === -1 ? stepBackCommand : stepForwardCommand).perform(store);
        case 'goTo': {
          state.setPlaying(false);
          return state.goTo(Math.min(command.step, selectTrace(state)?.hops.length ?? 0));
        }
        case 'load': return onLoad(command);
      }
    };
    window.addEventListener('message', onMessage);

    let last = { trace: selectTrace(store.getState()), step: selectStep(store.getState()) };
    const unsubscribe = store.subscribe((state) => {
      const trace = selectTrace(state);
      const step = selectStep(state);
      if (trace === last.trace && step === last.step) return;
      last = { trace, step };
      if (!trace) return;
      const hop = step > 0 ? trace.hops[step - 1] : undefined;
      if (hop) {
        const addr = (a: { ip: string; port: number }) => `${a.ip}:${a.port}`;
        post({ type: 'hop', index: step - 1, step, layer: hop.layer, from: hop.from, to: hop.to, src: addr(hop.packet.src), dst: addr(hop.packet.dst) });
      }
      if (step >= trace.hops.length) post({ type: 'outcome', outcome: trace.outcome, ...(trace.reason ? { reason: trace.reason.key } : {}) });
    });

    const observer = new ResizeObserver(() => {
      if (root.current) post({ type: 'resize', height: Math.ceil(root.current.scrollHeight) });
    });
    if (root.current) observer.observe(root.current);
    post({ type: 'ready', hops: selectTrace(store.getState())?.hops.length ?? 0 });

    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
      observer.disconnect();
    };
  }, [store, root, onLoad, enabled]);
}
