import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { markerLeg } from './markerPath';

/** The current hop's two elements, as a selector string (stable while the hop does not change). */
const selectHopElements = (s: AppState): string => {
  const trace = selectTrace(s);
  const step = selectStep(s);
  const hop = trace && step > 0 ? trace.hops[step - 1] : undefined;
  if (!hop) return '';
  const leg = markerLeg(hop, s.lens);
  return [leg.from, leg.to].map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"]`).join(',');
};

/**
 * Highlights the current hop's elements with one style rule, so no canvas card re-renders when the
 * packet moves on (React renders this tiny component once per hop).
 */
export function HopHighlight() {
  const selector = useAppStore(selectHopElements);
  if (!selector) return null;
  return <style>{`${selector} { filter: drop-shadow(0 0 6px var(--accent-service)); } ${selector} > * { outline: 2px solid var(--accent-service); outline-offset: 2px; border-radius: 8px; }`}</style>;
}
