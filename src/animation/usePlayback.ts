import { useEffect } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { selectStep, selectTrace } from '../store/selectTrace';
import { createPlayback } from './createPlayback';
import { HOP_MS } from './PacketMarker';

/** Runs the playback controller while the store says `playing`; a thin hook around plain TS. */
export function usePlayback() {
  const store = useAppStoreApi();
  useEffect(() => {
    const playback = createPlayback({
      hopCount: () => selectTrace(store.getState())?.hops.length ?? 0,
      step: () => selectStep(store.getState()),
      goTo: (step) => store.getState().goTo(step),
      onEnd: () => store.getState().setPlaying(false),
      hopDuration: () => HOP_MS,
      speed: () => store.getState().speed,
    });
    let playing = store.getState().playing;
    if (playing) playback.play();
    const unsubscribe = store.subscribe((state) => {
      if (state.playing === playing) return;
      playing = state.playing;
      if (playing) playback.play();
      else playback.pause();
    });
    return () => {
      unsubscribe();
      playback.destroy();
    };
  }, [store]);
}
