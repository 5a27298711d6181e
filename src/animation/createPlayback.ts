/** A clock the controller runs on; tests pass a fake one and advance it by hand. */
export interface Clock {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const realClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PlaybackOptions {
  /** Hops in the current trace. */
  hopCount: () => number;
  /** The step now on show. */
  step: () => number;
  /** Moves to a step (writes the store once per hop — never per frame). */
  goTo: (step: number) => void;
  /** Called when playback stops by itself at the end. */
  onEnd: () => void;
  /** Milliseconds one hop takes at 1×. */
  hopDuration: () => number;
  speed: () => number;
  clock?: Clock;
}

export interface Playback {
  play: () => void;
  pause: () => void;
  destroy: () => void;
}

/**
 * Playback timing in plain TypeScript: one timer per hop, so React only hears about a hop when it is
 * reached. The marker's movement between hops is the Web Animations API's business (PacketMarker).
 */
export function createPlayback(options: PlaybackOptions): Playback {
  const clock = options.clock ?? realClock;
  let timer: unknown = null;

  const stop = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const schedule = () => {
    stop();
    timer = clock.setTimeout(() => {
      timer = null;
      const next = options.step() + 1;
      if (next > options.hopCount()) return options.onEnd();
      options.goTo(next);
      if (next >= options.hopCount()) options.onEnd();
      else schedule();
    }, options.hopDuration() / options.speed());
  };

  return {
    play: () => {
      // Playing from the end starts over, as a media player does.
      if (options.step() >= options.hopCount()) options.goTo(0);
      schedule();
    },
    pause: stop,
    destroy: stop,
  };
}
