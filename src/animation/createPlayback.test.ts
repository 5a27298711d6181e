import { describe, expect, it } from 'vitest';
import { createPlayback, type Clock } from './createPlayback';

/** A clock that runs only when told: tests own time. */
function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let id = 0;
  const clock: Clock = {
    setTimeout: (fn, ms) => (timers.set(++id, { at: now + ms, fn }), id),
    clearTimeout: (h) => void timers.delete(h as number),
  };
  const tick = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, tick };
}

describe('createPlayback', () => {
  function setup(hops = 4, speed = 1) {
    const { clock, tick } = fakeClock();
    const state = { step: 0, ended: 0 };
    const playback = createPlayback({
      hopCount: () => hops,
      step: () => state.step,
      goTo: (s) => void (state.step = s),
      onEnd: () => void state.ended++,
      hopDuration: () => 1000,
      speed: () => speed,
      clock,
    });
    return { playback, state, tick };
  }

  it('advances one hop per hop duration and stops at the end', () => {
    const { playback, state, tick } = setup();
    playback.play();
    tick(999);
    expect(state.step).toBe(0);
    tick(1);
    expect(state.step).toBe(1);
    tick(5000);
    expect(state.step).toBe(4);
    expect(state.ended).toBe(1);
  });

  it('runs faster at 4×, and pause holds the step', () => {
    const { playback, state, tick } = setup(4, 4);
    playback.play();
    tick(500);
    expect(state.step).toBe(2);
    playback.pause();
    tick(5000);
    expect(state.step).toBe(2);
  });

  it('starts over when played from the end', () => {
    const { playback, state, tick } = setup(2);
    state.step = 2;
    playback.play();
    expect(state.step).toBe(0);
    tick(1000);
    expect(state.step).toBe(1);
  });
});
