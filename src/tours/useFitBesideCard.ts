import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';

const selectViewEpoch = (s: AppState) => s.viewEpoch;

/**
 * Fits a new diagram into the part of the canvas the docked tour card leaves free, so the card
 * does not sit on the elements it talks about: right of the card on a wide screen, above it on a
 * narrow one (where it docks along the bottom). Runs after the canvas's own fit of the same
 * diagram (two frames later), and again when the card is shown or unfolded.
 */
export function useFitBesideCard(card: RefObject<HTMLElement | null>, enabled: boolean, side: 'left' | 'bottom' = 'left') {
  const flow = useReactFlow();
  const epoch = useAppStore(selectViewEpoch);
  useEffect(() => {
    if (!enabled) return;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        const px = (n: number) => `${n}px` as const;
        const padding = side === 'left'
          ? { left: px((card.current?.offsetWidth ?? 0) + 24), top: px(16), right: px(16), bottom: px(16) }
          : { left: px(12), top: px(12), right: px(12), bottom: px((card.current?.offsetHeight ?? 0) + 20) };
        void flow.fitView({ padding, duration: reduce ? 0 : 250 });
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [card, enabled, epoch, flow, side]);
}
