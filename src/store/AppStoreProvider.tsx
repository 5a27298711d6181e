import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createAppStore, type AppState, type AppStore, type InitialState } from './createAppStore';

const AppStoreContext = createContext<AppStore | null>(null);

/** Creates this instance's store once, like ReactFlowProvider does for its own. */
export function AppStoreProvider({ initial, children }: {
  /** Called once, for this instance's starting state (a scenario, a link, a saved state). */
  initial: () => InitialState;
  children: ReactNode;
}) {
  const [store] = useState(() => createAppStore(initial()));
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
