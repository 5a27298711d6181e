import type { TraceRequest } from '../model/trace/types';
import type { StartFields } from './startState';
import type { SliceCreator } from './createAppStore';

export type Lens = 'layers' | 'wire';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  /** The request being explained; the trace itself is derived (selectTrace), never stored. */
  request: TraceRequest | null;
  /** Seed for the random choices iptables and the load balancer make; "Send again" changes it. */
  seed: number;
  /**
   * How many hops have been taken: 0 = the packet waits at the source, n = it has arrived (or
   * stopped). The hop on show is hops[step - 1]. Clamped to the trace when the cluster changes.
   */
  step: number;
  playing: boolean;
  speed: number;
  lens: Lens;
  setRequest: (request: TraceRequest | null) => void;
  /** Jumps to a step; the caller clamps to the trace's length (the store does not compute traces). */
  goTo: (step: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  setLens: (lens: Lens) => void;
  reseed: () => void;
}

export const createPlaybackSlice =
  (start: StartFields): SliceCreator<PlaybackSlice> =>
  (set) => ({
    request: start.request,
    seed: start.seed,
    step: start.step,
    playing: start.playing,
    speed: 1,
    lens: start.lens,
    setRequest: (request) => set({ request, step: 0, playing: false }),
    goTo: (step) => set({ step: Math.max(0, step) }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed: Math.min(4, Math.max(0.25, speed)) }),
    setLens: (lens) => set({ lens }),
    reseed: () => set((s) => ({ seed: s.seed + 1, step: 0 })),
  });
