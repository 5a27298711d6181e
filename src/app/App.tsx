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
import { decideStartup, defaultState, type Startup } from './startup';
import { StartupNotice } from './StartupNotice';
import { SaveNotice } from './SaveNotice';
import { useEdited } from './useEdited';
import { useLeaveWarning } from './useLeaveWarning';
import { trace } from '../model/trace/trace';
import { provideTraceEngine } from '../store/selectTrace';

// The editor traces from its first render (its panels show the trace at once); only the embed,
// whose first screen is the diagram, loads the engine after painting (see store/selectTrace.ts).
provideTraceEngine(trace);

function Shell({ startup }: { startup: Startup }) {
  const root = useRef<HTMLDivElement>(null);
  const [autosave, setAutosave] = useState(startup.autosave);
  useShortcuts(root);
  usePlayback();
  const saving = useAutosave(autosave);
  const edited = useEdited();
  // Edits on a shared link (not saved until the person keeps them) and edits a failed save left only
  // in the page: leaving asks first.
  useLeaveWarning((!autosave && edited) || saving.unsaved);
  const colorMode = useColorScheme('auto', 'document');
  return (
    <div ref={root} className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      {startup.notice && <StartupNotice notice={startup.notice} onKeepEditing={() => setAutosave(true)} />}
      <SaveNotice status={saving.status} onLoadTheirs={saving.loadTheirs} onSaveMine={saving.saveMine} />
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <ClusterCanvas colorMode={colorMode}>
              <PacketMarker />
              <HopHighlight />
            </ClusterCanvas>
          </div>
          <PlaybackPanel />
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
    setStartup({ initial: defaultState(), autosave: false, notice: { kind: 'restarted' } });
    setGeneration((g) => g + 1);
  };
  // A link pasted into the address bar of an open tab changes only the hash: open it too.
  useEffect(() => {
    const onHashChange = () => {
      if (!location.hash.startsWith('#s=')) return;
      setStartup(decideStartup(location.hash));
      setGeneration((g) => g + 1);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return (
    <ErrorBoundary onReset={reset}>
      <AppStoreProvider key={generation} initial={() => startup.initial}>
        {/* Around the whole shell: the toolbar's image export reads the flow too. */}
        <ReactFlowProvider>
          <Shell startup={startup} />
        </ReactFlowProvider>
      </AppStoreProvider>
    </ErrorBoundary>
  );
}
