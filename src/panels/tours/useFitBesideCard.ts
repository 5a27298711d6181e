import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../../store/AppStoreProvider';
import type { AppState } from '../../store/createAppStore';

const selectViewEpoch = (s: AppState) => s.viewEpoch;

/**
 * Fits a new diagram into the part of the canvas the docked tour card leaves free, so the card
 * does not sit on the elements it talks about. Runs after the canvas's own fit of the same
 * diagram (two frames later), and again when the card is shown or unfolded.
 */
export function useFitBesideCard(card: RefObject<HTMLElement | null>, enabled: boolean) {
  const flow = useReactFlow();
  const epoch = useAppStore(selectViewEpoch);
  useEffect(() => {
    if (!enabled) return;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        const width = card.current?.offsetWidth ?? 0;
        const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        void flow.fitView({ padding: { left: `${width + 24}px`, top: '16px', right: '16px', bottom: '16px' }, duration: reduce ? 0 : 250 });
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [card, enabled, epoch, flow]);
}
