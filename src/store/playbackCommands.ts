import type { AppStore } from './createAppStore';
import type { Command, KeyLike } from './commands';
import { selectStep, selectTrace } from './selectTrace';

const hopCount = (store: AppStore) => selectTrace(store.getState())?.hops.length ?? 0;
const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;

/** Moves to a step and stops playing: stepping by hand takes over from the timer. */
function jump(store: AppStore, step: number) {
  const { goTo, setPlaying } = store.getState();
  setPlaying(false);
  goTo(Math.max(0, Math.min(step, hopCount(store))));
}

export const playPauseCommand: Command = {
  id: 'play-pause',
  label: 'Play / pause',
  shortcut: 'Space',
  keyTest: (e) => plain(e) && e.key === ' ',
  enabled: (store) => hopCount(store) > 0,
  perform: (store) => store.getState().setPlaying(!store.getState().playing),
};

export const stepForwardCommand: Command = {
  id: 'step-forward',
  label: 'Next hop',
  shortcut: '→',
  keyTest: (e) => plain(e) && e.key === 'ArrowRight',
  enabled: (store) => selectStep(store.getState()) < hopCount(store),
  perform: (store) => jump(store, selectStep(store.getState()) + 1),
};

export const stepBackCommand: Command = {
  id: 'step-back',
  label: 'Previous hop',
  shortcut: '←',
  keyTest: (e) => plain(e) && e.key === 'ArrowLeft',
  enabled: (store) => selectStep(store.getState()) > 0,
  perform: (store) => jump(store, selectStep(store.getState()) - 1),
};

export const restartCommand: Command = {
  id: 'restart',
  label: 'Back to the start',
  shortcut: 'Home',
  keyTest: (e) => plain(e) && e.key === 'Home',
  enabled: (store) => selectStep(store.getState()) > 0,
  perform: (store) => jump(store, 0),
};

export const endCommand: Command = {
  id: 'end',
  label: 'To the last hop',
  shortcut: 'End',
  keyTest: (e) => plain(e) && e.key === 'End',
  enabled: (store) => selectStep(store.getState()) < hopCount(store),
  perform: (store) => jump(store, hopCount(store)),
};

/** Playback's keys; active while focus is in the playback controls, so they never fight the canvas. */
export const playbackCommands: readonly Command[] = [playPauseCommand, stepForwardCommand, stepBackCommand, restartCommand, endCommand];

/** Jumps to the state after hop `index` (0-based), as the timeline does. */
export function goToHop(store: AppStore, index: number) {
  jump(store, index + 1);
}
