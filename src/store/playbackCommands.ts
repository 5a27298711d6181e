import type { AppStore } from './createAppStore';
import type { Command, KeyLike } from './command';
import type { TraceRequest } from '../model/trace/types';
import type { Lens } from './playbackSlice';
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

/** Plays (the embedding page's `play`, an embed's `autoplay`); from the end it starts over. */
export const playCommand: Command = {
  id: 'play',
  label: 'Play',
  enabled: (store) => hopCount(store) > 0,
  perform: (store) => store.getState().setPlaying(true),
};

export const pauseCommand: Command = {
  id: 'pause',
  label: 'Pause',
  enabled: () => true,
  perform: (store) => store.getState().setPlaying(false),
};

/** Jumps to a step (0 = at the source, n = after hop n), clamped to the trace; stops playing. */
export const goToStepCommand: Command<number> = {
  id: 'go-to-step',
  label: 'Go to step',
  enabled: () => true,
  perform: jump,
};

export const setLensCommand: Command<Lens> = {
  id: 'set-lens',
  label: 'Lens',
  enabled: () => true,
  perform: (store, lens) => store.getState().setLens(lens),
};

export const setSpeedCommand: Command<number> = {
  id: 'set-speed',
  label: 'Speed',
  enabled: () => true,
  perform: (store, speed) => store.getState().setSpeed(speed),
};

/** "Send again": a new seed, so iptables and the load balancer may choose differently. */
export const sendAgainCommand: Command = {
  id: 'send-again',
  label: 'Send again (new random choice)',
  enabled: () => true,
  perform: (store) => store.getState().reseed(),
};

/** Explains another request (or none), from its first hop. */
export const setRequestCommand: Command<TraceRequest | null> = {
  id: 'set-request',
  label: 'Trace this request',
  enabled: () => true,
  perform: (store, request) => store.getState().setRequest(request),
};
