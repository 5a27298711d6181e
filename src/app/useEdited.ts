import { useEffect, useState } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { samePositions } from '../store/history';

/** Whether the cluster or the boxes' positions changed since the store was created (undoing back counts as unchanged). */
export function useEdited(): boolean {
  const store = useAppStoreApi();
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    const start = store.getState();
    const check = () => {
      const s = store.getState();
      setEdited(s.cluster !== start.cluster || !samePositions(s.positions, start.positions));
    };
    return store.subscribe(check);
  }, [store]);
  return edited;
}
