import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useAppStoreApi } from '../../store/AppStoreProvider';

/** Per app instance (keyed by its store, so two embeds never share), forgotten with the instance. */
const memory = new WeakMap<object, Map<string, unknown>>();

/**
 * useState that outlives the component within one app instance: the side panel unmounts a tab's
 * panel when another tab opens, and coming back should find the command and history as they were.
 */
export function useInstanceState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const store = useAppStoreApi();
  const [value, setValue] = useState<T>(() => {
    const remembered = memory.get(store);
    return remembered?.has(key) ? (remembered.get(key) as T) : initial;
  });
  useEffect(() => {
    let remembered = memory.get(store);
    if (!remembered) memory.set(store, (remembered = new Map()));
    remembered.set(key, value);
  }, [store, key, value]);
  return [value, setValue];
}
