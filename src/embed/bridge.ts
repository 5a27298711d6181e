import type { AppStore } from '../store/createAppStore';
import type { Command } from '../store/commands';
import { selectStep, selectTrace } from '../store/selectTrace';
import { eventMessage, readCommand, type EmbedCommand, type EmbedEvent } from './messages';

export interface Bridge {
  /** Takes a message's data from the parent window (anything else was filtered out before). */
  receive: (data: unknown) => void;
  stop: () => void;
}

/**
 * The iframe's side of the postMessage API, started once the embed can explain (its diagram drawn,
 * the trace engine in; see useEmbedBridge): posts `ready` with the hop count, then a `hop` for each
 * hop reached, the `outcome` at the end and the content's height; runs the parent's commands (only
 * the known shapes) through the same commands the buttons use. `onLoad` handles `load`.
 */
export function startBridge(
  store: AppStore,
  parent: Window,
  root: HTMLElement | null,
  onLoad: (cmd: Extract<EmbedCommand, { type: 'load' }>) => void,
  /** The playback buttons' commands, handed in by the embed, which already holds them. */
  step: { back: Command; forward: Command },
): Bridge {
  const post = (event: EmbedEvent) => parent.postMessage(eventMessage(event), '*');

  const run = (command: EmbedCommand) => {
    const state = store.getState();
    switch (command.type) {
      case 'play': return state.setPlaying(true);
      case 'pause': return state.setPlaying(false);
      case 'step': return (command.by === -1 ? step.back : step.forward).perform(store);
      case 'goTo': {
        state.setPlaying(false);
        return state.goTo(Math.min(command.step, selectTrace(state)?.hops.length ?? 0));
      }
      case 'load': return onLoad(command);
    }
  };

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
    if (root) post({ type: 'resize', height: Math.ceil(root.scrollHeight) });
  });
  if (root) observer.observe(root);
  post({ type: 'ready', hops: selectTrace(store.getState())?.hops.length ?? 0 });

  return {
    receive: (data) => {
      const command = readCommand(data);
      if (command) run(command);
    },
    stop: () => {
      unsubscribe();
      observer.disconnect();
    },
  };
}
