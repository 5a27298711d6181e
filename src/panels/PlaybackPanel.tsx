import { useAppStoreApi } from '../store/AppStoreProvider';
import { runShortcut } from '../store/commands';
import { playbackCommands } from '../store/playbackCommands';
import { HopDetails } from './HopDetails';
import { PlaybackControls } from './PlaybackControls';
import { RequestPicker } from './RequestPicker';
import { SendMany } from './SendMany';
import { Timeline } from './Timeline';

/**
 * The request being explained: who sends where, the controls, every hop, and the current hop in
 * words. Playback keys work while focus is anywhere in here (not on the canvas, where arrows move
 * the selection).
 */
export function PlaybackPanel() {
  const store = useAppStoreApi();
  return (
    <section
      aria-label="Request playback"
      // A fixed height beside the canvas: sized by its content, the panel would resize the diagram
      // at every hop (its words change length), making the picture jump and redraw.
      className="grid max-h-[45%] min-h-56 shrink-0 md:h-[21rem] grid-cols-1 gap-4 overflow-y-auto border-t border-slate-200 bg-white p-3 md:grid-cols-[18rem_16rem_1fr] dark:border-slate-800 dark:bg-slate-900"
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && target.getAttribute('type') !== 'radio') return;
        if (runShortcut(store, e.nativeEvent, playbackCommands)) e.preventDefault();
      }}
    >
      <div className="space-y-3">
        <RequestPicker />
        <PlaybackControls />
        <SendMany />
      </div>
      <Timeline />
      <HopDetails />
    </section>
  );
}
