import { useRef } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { AppStoreProvider } from '../store/AppStoreProvider';
import { ClusterCanvas } from '../canvas/ClusterCanvas';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { SidePanel } from '../panels/SidePanel';
import { PlaybackPanel } from '../panels/PlaybackPanel';
import { PacketMarker } from '../animation/PacketMarker';
import { HopHighlight } from '../animation/HopHighlight';
import { usePlayback } from '../animation/usePlayback';
import { defaultRequestFor } from '../model/requestOptions';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useShortcuts } from './useShortcuts';

function Shell() {
  const root = useRef<HTMLDivElement>(null);
  useShortcuts(root);
  usePlayback();
  return (
    <div ref={root} className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <ReactFlowProvider>
              <ClusterCanvas>
                <PacketMarker />
                <HopHighlight />
              </ClusterCanvas>
            </ReactFlowProvider>
          </div>
          <PlaybackPanel />
        </main>
        <SidePanel />
      </div>
    </div>
  );
}

/** The full app. The error boundary sits outside the store, so "Start again" builds a fresh one. */
export function App() {
  return (
    <ErrorBoundary>
      <AppStoreProvider cluster={defaultScenario} request={defaultRequestFor}>
        <Shell />
      </AppStoreProvider>
    </ErrorBoundary>
  );
}
