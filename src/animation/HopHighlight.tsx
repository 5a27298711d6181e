import { useEffect } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { markerLeg } from './markerPath';
import './animation.css';

/** The current hop's two canvas elements (empty before the first hop). */
function hopElements(s: AppState): string[] {
  const trace = selectTrace(s);
  const step = selectStep(s);
  const hop = trace && step > 0 ? trace.hops[step - 1] : undefined;
  if (!hop) return [];
  const leg = markerLeg(hop, s.lens);
  return [leg.from, leg.to];
}

const selectDomNode = (s: ReactFlowState) => s.domNode;

/**
 * Marks the current hop's two elements with `data-hop` (styled in animation.css). Only those two
 * elements change: a style rule naming them would make the browser re-check every element of a
 * big diagram at each hop, and would reach into another embed on the same page. No React render
 * per hop either: the marks follow the stores. React Flow's store is watched too, so a card that
 * mounts later (a new diagram, an edit) gets its mark.
 */
export function HopHighlight() {
  const store = useAppStoreApi();
  const flowStore = useStoreApi();
  const canvas = useStore(selectDomNode);

  useEffect(() => {
    if (!canvas) return;
    let marked: HTMLElement[] = [];
    let markedIds = '';
    /** Every element of the current hop found and marked. */
    let complete = true;
    const apply = () => {
      const ids = hopElements(store.getState());
      if (ids.join('\n') === markedIds && marked.every((el) => el.isConnected)) return;
      for (const el of marked) delete el.dataset.hop;
      marked = ids.flatMap((id) => canvas.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? []);
      for (const el of marked) el.dataset.hop = '';
      // Not all there yet (cards still mounting): try again on the next change.
      complete = marked.length === ids.length;
      markedIds = complete ? ids.join('\n') : '';
    };
    apply();
    const stopApp = store.subscribe(apply);
    // React Flow's store changes on every drag frame: only a missing or unmounted mark sends it back
    // to the trace; a hop change always comes through the app store.
    const stopFlow = flowStore.subscribe(() => {
      if (!complete || marked.some((el) => !el.isConnected)) apply();
    });
    return () => {
      stopApp();
      stopFlow();
      for (const el of marked) delete el.dataset.hop;
    };
  }, [canvas, store, flowStore]);

  return null;
}
