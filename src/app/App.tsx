import { ReactFlowProvider } from '@xyflow/react';
import { AppStoreProvider } from '../store/AppStoreProvider';
import { ClusterCanvas } from '../canvas/ClusterCanvas';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';

/** The full app: header and canvas, one store per instance. */
export function App() {
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <main className="relative min-h-0 flex-1">
        <ErrorBoundary>
          <AppStoreProvider cluster={defaultScenario}>
            <ReactFlowProvider>
              <ClusterCanvas />
            </ReactFlowProvider>
          </AppStoreProvider>
        </ErrorBoundary>
      </main>
    </div>
  );
}
