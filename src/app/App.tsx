import { useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { AppStoreProvider } from '../store/AppStoreProvider';
import { ClusterCanvas } from '../canvas/ClusterCanvas';
import { SidePanel } from '../panels/SidePanel';
import { PlaybackPanel } from '../panels/PlaybackPanel';
import { PacketMarker } from '../animation/PacketMarker';
import { HopHighlight } from '../animation/HopHighlight';
import { usePlayback } from '../animation/usePlayback';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useShortcuts } from './useShortcuts';
import { useAutosave } from './useAutosave';
import { useColorScheme } from '../canvas/useColorScheme';
import { AUTOSAVE_KEY, decideStartup, type Startup } from './startup';
import { readKey } from './storage';
import { defaultStart } from '../store/startState';
import { linkInHash } from '../embed/linkHash';
import { StartupNotice } from './StartupNotice';
import { SaveNotice } from './SaveNotice';
import { useEdited } from './useEdited';
import { useLeaveWarning } from './useLeaveWarning';
import { trace } from '../model/trace/trace';

/** Hidden until focused by the keyboard; then a visible chip in the top-left corner. */
const SKIP_LINK =
  'sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-[2000] focus:rounded-md focus:border focus:border-[#326ce5] focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-[#2456c4] focus:shadow-lg focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-[#326ce5] dark:focus:bg-slate-900 dark:focus:text-[#8fb0f5]';

function Shell({ startup }: { startup: Startup }) {
  const root = useRef<HTMLDivElement>(null);
  const [autosave, setAutosave] = useState(startup.autosave);
  useShortcuts(root);
  usePlayback();
  const saving = useAutosave(autosave, startup.stored);
  const edited = useEdited();
  // Edits on a shared link (not saved until the person keeps them) and edits a failed save left only
  // in the page: leaving asks first.
  useLeaveWarning((!autosave && edited) || saving.unsaved);
  const colorMode = useColorScheme('auto', 'document');
  const playback = useRef<HTMLElement>(null);
  return (
    // On a phone the page grows past one screen (the side panel stacks below), so the first screen
    // is exactly the header, the canvas and the playback sheet; from md up everything fits the window.
    <div ref={root} className="flex min-h-full flex-col bg-slate-50 text-slate-900 md:h-full dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#request-playback"
        className={SKIP_LINK}
        onClick={(e) => {
          // Focus only: a fragment in the address bar would be mistaken for a shared link.
          e.preventDefault();
          playback.current?.focus();
        }}
      >
        Skip to the request controls
      </a>
      <Header />
      {startup.notice && <StartupNotice notice={startup.notice} onKeepEditing={() => setAutosave(true)} />}
      <SaveNotice status={saving.status} onLoadTheirs={saving.loadTheirs} onSaveMine={saving.saveMine} />
      <div className="flex flex-1 flex-col md:min-h-0 md:flex-row">
        <main className="flex h-[calc(100dvh-3.25rem)] min-w-0 shrink-0 flex-col md:h-auto md:flex-1 md:shrink">
          <div className="relative min-h-0 flex-1">
            <ClusterCanvas colorMode={colorMode}>
              <PacketMarker />
              <HopHighlight />
            </ClusterCanvas>
          </div>
          <PlaybackPanel ref={playback} id="request-playback" />
        </main>
        <SidePanel />
      </div>
    </div>
  );
}

/**
 * The full app. The error boundary sits outside the store, so "Start again" builds a fresh one
 * from the default scenario, with autosave paused so the saved work stays untouched (a state that
 * crashed the page is never saved: the shell, and its pending save, are gone before it could be);
 * the notice then offers the saved work back.
 */
export function App() {
  const [startup, setStartup] = useState(() => decideStartup(location.hash));
  // A new generation remounts the store after a crash, from a state known to be good.
  const [generation, setGeneration] = useState(0);
  const reset = () => {
    setStartup({ initial: defaultStart(), autosave: false, stored: readKey(AUTOSAVE_KEY), notice: { kind: 'restarted' } });
    setGeneration((g) => g + 1);
  };
  // A link pasted into the address bar of an open tab changes only the hash: open it too.
  useEffect(() => {
    const onHashChange = () => {
      if (linkInHash(location.hash) === undefined) return;
      setStartup(decideStartup(location.hash));
      setGeneration((g) => g + 1);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return (
    <ErrorBoundary onReset={reset}>
      {/* The editor traces from its first render (its panels show the trace at once); only the embed,
          whose first screen is the diagram, loads the engine after painting (store/engineSlice.ts). */}
      <AppStoreProvider key={generation} initial={() => startup.initial} traceEngine={trace}>
        {/* Around the whole shell: the toolbar's image export reads the flow too. */}
        <ReactFlowProvider>
          <Shell startup={startup} />
        </ReactFlowProvider>
      </AppStoreProvider>
    </ErrorBoundary>
  );
}
