import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Cluster } from '../model/cluster';
import type { TraceRequest } from '../model/trace/types';
import { createAppStore, type AppState, type AppStore } from './createAppStore';

const AppStoreContext = createContext<AppStore | null>(null);

/** Creates this instance's store once, like ReactFlowProvider does for its own. */
export function AppStoreProvider({ cluster, request, children }: {
  cluster: () => Cluster;
  /** The request to show first, given the cluster (a scenario's suggested request). */
  request?: (cluster: Cluster) => TraceRequest | undefined;
  children: ReactNode;
}) {
  const [store] = useState(() => {
    const initial = cluster();
    return createAppStore({ cluster: initial, request: request?.(initial) ?? null });
  });
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
