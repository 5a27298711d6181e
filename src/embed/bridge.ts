import type { AppStore } from '../store/createAppStore';
import type { Command } from '../store/command';
import { runCommand } from '../store/commands';
import { goToStepCommand, pauseCommand, playCommand, stepBackCommand, stepForwardCommand } from '../store/playbackCommands';
import { selectStep, selectTrace } from '../store/selectTrace';
import type { LoadSource } from './embedStart';
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
 * the known shapes) through the dispatcher, as the buttons do, so a command that is not enabled
 * (play with nothing to play, a step past the end) is refused there too. `onLoad` handles `load`.
 */
export function startBridge(store: AppStore, parent: Window, root: HTMLElement | null, onLoad: (source: LoadSource) => void): Bridge {
  const post = (event: EmbedEvent) => parent.postMessage(eventMessage(event), '*');
  /** `load` is the embed's own (it knows the options and where to show problems). */
  const loadCommand: Command<LoadSource> = { id: 'load', label: 'Load a diagram', enabled: () => true, perform: (_, source) => onLoad(source) };

  const run = (command: EmbedCommand) => {
    switch (command.type) {
      case 'play': return runCommand(store, playCommand, 'bridge');
      case 'pause': return runCommand(store, pauseCommand, 'bridge');
      case 'step': return runCommand(store, command.by === -1 ? stepBackCommand : stepForwardCommand, 'bridge');
      case 'goTo': return runCommand(store, goToStepCommand, 'bridge', command.step);
      case 'load': {
        const { type: _, ...source } = command;
        return runCommand(store, loadCommand, 'bridge', source);
      }
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
