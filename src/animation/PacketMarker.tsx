import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import type { AppNode } from '../canvas/flowTypes';
import { useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { anchorFor, type Point } from './anchors';
import { markerLegs, markerRest, sourceElement } from './markerPath';
import { panToShow } from './panToShow';

/** Milliseconds one hop's movement takes at 1×. */
export const HOP_MS = 900;

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The packet. It lives in React Flow's viewport (so pan and zoom apply) and is moved by the Web
 * Animations API from a store subscription: React renders it once; each hop reached starts one
 * animation; no frame goes through React.
 */
export function PacketMarker() {
  const store = useAppStoreApi();
  const flow = useReactFlow<AppNode>();
  const flowStore = useStoreApi();
  const marker = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = marker.current;
    if (!el) return;
    let shown: { trace: unknown; step: number; lens: string } | null = null;
    let animation: Animation | null = null;

    const place = (p: Point) => {
      el.style.transform = `translate(${p.x}px, ${p.y}px)`;
    };

    /**
     * Keeps the packet in view: when it would leave the visible part of the canvas, pans by just
     * enough to bring it back inside the margin, keeping the hop's other end in view too where both
     * fit (centring on the packet used to push the very cards a scenario is about off screen). While
     * the pan runs, the viewport is its own compositor layer, so each frame moves pixels already
     * drawn instead of repainting the whole diagram (on big clusters that repaint missed every
     * frame). Only for the pan: a layer kept through a zoom would show text rastered at the old
     * scale, blurred.
     */
    let pans = 0;
    const follow = (p: Point, from: Point | undefined) => {
      const box = el.closest('.react-flow')?.getBoundingClientRect();
      if (!box) return;
      const shift = panToShow([flow.flowToScreenPosition(p), ...(from ? [flow.flowToScreenPosition(from)] : [])], box, 48);
      if (shift.x === 0 && shift.y === 0) return;
      const duration = prefersReducedMotion() ? 0 : 400;
      const viewport = el.closest<HTMLElement>('.react-flow__viewport');
      const pan = ++pans;
      if (viewport && duration > 0) viewport.style.willChange = 'transform';
      const { x, y, zoom } = flow.getViewport();
      void flow.setViewport({ x: x + shift.x, y: y + shift.y, zoom }, { duration }).then(() => {
        if (viewport && pan === pans) viewport.style.willChange = '';
      });
    };

    /** The element the packet rests on and where it was drawn, to follow the card if it moves. */
    let resting: { id: string; at: Point } | null = null;

    const update = (state: AppState) => {
      const trace = selectTrace(state);
      const step = selectStep(state);
      if (!trace || !state.request) {
        el.style.visibility = 'hidden';
        shown = null;
        resting = null;
        return;
      }
      if (shown && shown.trace === trace && shown.step === step && shown.lens === state.lens) return;
      const rest = trace.hops.length === 0 ? sourceElement(state.request.from) : markerRest(trace, step, state.lens);
      const target = rest ? anchorFor(flow, rest) : undefined;
      el.dataset.outcome = step >= trace.hops.length ? trace.outcome : 'moving';
      if (rest) el.dataset.at = rest;
      animation?.cancel();
      if (!target) {
        // Where the canvas draws nothing (a host outside the cluster), there is no path to show it
        // on. Not remembered as shown: a card still mounting is looked for again on the next change.
        el.style.visibility = 'hidden';
        shown = null;
        resting = null;
        return;
      }
      el.style.visibility = 'visible';
      const stepForward = shown && shown.trace === trace && shown.lens === state.lens && step === shown.step + 1;
      const leg = step > 0 ? markerLegs(trace, state.lens)[step - 1] : undefined;
      const from = stepForward && leg ? anchorFor(flow, leg.from) : undefined;
      place(target);
      resting = { id: rest!, at: target };
      if (from && !leg?.inPlace && !prefersReducedMotion()) {
        animation = el.animate(
          [{ transform: `translate(${from.x}px, ${from.y}px)` }, { transform: `translate(${target.x}px, ${target.y}px)` }],
          { duration: (HOP_MS * 0.8) / state.speed, easing: 'ease-in-out' },
        );
      } else if (leg?.inPlace && !prefersReducedMotion()) {
        // A rewrite on the spot (on the wire, the Service's rules act on this node): a pulse.
        animation = el.animate([{ scale: 1 }, { scale: 1.8 }, { scale: 1 }], { duration: (HOP_MS * 0.8) / state.speed });
      }
      follow(target, from);
      shown = { trace, step, lens: state.lens };
    };

    update(store.getState());
    const stopApp = store.subscribe(update);
    // React Flow's store changes when cards are placed, measured or dragged: the packet stays on its
    // card (a new diagram's cards arrive after the store that asked for them, so a packet placed at
    // once would sit where the old card was, in empty canvas). One node lookup per change.
    const stopFlow = flowStore.subscribe(() => {
      if (!shown) return update(store.getState());
      if (!resting) return;
      const now = anchorFor(flow, resting.id);
      if (!now) return update(store.getState());
      if (now.x === resting.at.x && now.y === resting.at.y) return;
      animation?.cancel();
      place(now);
      resting = { id: resting.id, at: now };
    });
    return () => {
      stopApp();
      stopFlow();
    };
  }, [store, flow, flowStore]);

  return (
    <ViewportPortal>
      <div
        ref={marker}
        data-testid="packet"
        aria-hidden="true"
        className="pointer-events-none absolute left-0 top-0 z-[1000] -ml-2.5 -mt-2.5 h-5 w-5 rounded-full border-2 border-white bg-[#326ce5] shadow-[0_0_0_4px_rgba(50,108,229,0.35)] data-[outcome=dropped]:bg-red-600 data-[outcome=no-route]:bg-red-600 data-[outcome=nxdomain]:bg-red-600 data-[outcome=nodata]:bg-red-600 data-[outcome=refused]:bg-red-600 data-[outcome=http-error]:bg-red-600 data-[outcome=delivered]:bg-emerald-600"
        style={{ visibility: 'hidden' }}
      />
    </ViewportPortal>
  );
}
