import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createAppStore, type AppState, type AppStore } from './createAppStore';
import type { InitialState } from './startState';
import type { TraceEngine } from './engineSlice';

const AppStoreContext = createContext<AppStore | null>(null);

/** Creates this instance's store once, like ReactFlowProvider does for its own. */
export function AppStoreProvider({ initial, traceEngine, children }: {
  /** Called once, for this instance's starting state (a scenario, a link, a saved state). */
  initial: () => InitialState;
  /** The trace engine from the start (the editor); without it the store waits for `loadTraceEngine`. */
  traceEngine?: TraceEngine;
  children: ReactNode;
}) {
  const [store] = useState(() => createAppStore(initial(), traceEngine ? { traceEngine } : {}));
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

/** The instance's store object, for actions and imperative reads. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>');
  return store;
}

/** Subscribes to one narrow slice of the instance's state. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
