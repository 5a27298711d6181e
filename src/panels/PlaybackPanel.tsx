import type { Ref } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { runShortcut } from '../store/commands';
import { playbackCommands } from '../store/playbackCommands';
import { HopDetails } from './HopDetails';
import { PlaybackControls } from './PlaybackControls';
import { RequestPicker } from './RequestPicker';
import { SendMany } from './SendMany';
import { Timeline } from './Timeline';
import { useWideScreen } from './useWideScreen';

/**
 * The request being explained: who sends where, the controls, every hop, and the current hop in
 * words. Playback keys work while focus is anywhere in here (not on the canvas, where arrows move
 * the selection).
 *
 * From md up it is a band of three columns under the canvas. Narrower, it is a sheet under the
 * canvas that scrolls on its own: the step buttons stay at its top and the current hop's words come
 * next, so the diagram and the explanation share the first screen; the request's source and
 * destination, the hop list and the options follow. The order on screen is the order in the page,
 * so Tab follows what the eye sees.
 */
export function PlaybackPanel({ ref, id }: { ref?: Ref<HTMLElement>; id?: string }) {
  const store = useAppStoreApi();
  const wide = useWideScreen();
  return (
    <section
      ref={ref}
      id={id}
      // The skip link's target: focusable by script, not a Tab stop of its own.
      tabIndex={-1}
      aria-label="Request playback"
      className={
        wide
          // A fixed height beside the canvas: sized by its content, the panel would resize the diagram
          // at every hop (its words change length), making the picture jump and redraw.
          ? 'grid h-[21rem] max-h-[45%] min-h-56 shrink-0 grid-cols-[18rem_16rem_1fr] gap-4 overflow-y-auto border-t border-slate-200 bg-white p-3 focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-[#326ce5] dark:border-slate-800 dark:bg-slate-900'
          // Also fixed (a share of the screen), for the same reason.
          : 'flex h-[46%] shrink-0 flex-col gap-3 overflow-y-auto border-t border-slate-200 bg-white px-3 pb-3 focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-[#326ce5] dark:border-slate-800 dark:bg-slate-900'
      }
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && target.getAttribute('type') !== 'radio') return;
        if (runShortcut(store, e.nativeEvent, playbackCommands)) e.preventDefault();
      }}
    >
      {wide ? (
        <>
          <div className="space-y-3">
            <RequestPicker />
            <PlaybackControls />
            <SendMany />
          </div>
          <Timeline />
          <HopDetails />
        </>
      ) : (
        <>
          <div className="sticky top-0 z-10 -mx-3 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
            <PlaybackControls part="buttons" />
          </div>
          <HopDetails />
          <Timeline />
          <RequestPicker />
          <PlaybackControls part="options" />
          <SendMany />
        </>
      )}
    </section>
  );
}
