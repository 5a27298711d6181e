import { useContext, useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import type { AppNode } from '../canvas/flowTypes';
import { FAR_ZOOM, READABLE_ZOOM } from '../canvas/layoutMetrics';
import { ViewIntentContext } from '../canvas/viewIntent';
import { useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { selectStep, selectTrace } from '../store/selectTrace';
import { anchorFor, type Point } from './anchors';
import { markerLegs, markerRest } from './markerPath';
import { sourceElement } from '../model/sourceElement';
import { panToShow } from './panToShow';
import { boundsOf, fitPath, freeRects, onScreen, pathNeedsMove, type Rect, type View } from './followPath';

/** Milliseconds one hop's movement takes at 1×. */
export const HOP_MS = 900;

/** React Flow's own transform string for a view (its Viewport writes the same). */
const transformOf = (v: View) => `translate(${v.x}px,${v.y}px) scale(${v.zoom})`;

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The fit to a request's path: its move, the room left around the cards, and how close it may come. */
const FIT_MS = 500;
const FIT_PADDING = 24;
/** Cards are drawn for zoom 1; closer only makes them big, not more readable. */
const FIT_MAX_ZOOM = 1;
/**
 * Cards above which a view move is a jump: moving a diagram that big, even on the compositor, makes
 * the browser re-layer and re-raster it in frames of hundreds of milliseconds (npm run bench, L).
 */
const ANIMATED_MOVE_MAX_CARDS = 1000;
/** The follow-pan's move, and how far inside the edge it keeps the packet. */
const PAN_MS = 400;
const PAN_MARGIN = 48;
/** Frames between a run's start and its fit: the canvas's own fit of a new diagram (one frame) and a docked tour card's (two) come first. */
const FIT_AFTER_FRAMES = 3;

/** Where something sits over the canvas, relative to its corner: its panels (zoom controls, map, attribution) and what the page docks on it (a tour card, the embed's link). */
function coversOf(canvas: HTMLElement, box: DOMRect): Rect[] {
  const over = [...canvas.querySelectorAll<HTMLElement>('.react-flow__panel'), ...[...(canvas.parentElement?.children ?? [])].filter((c): c is HTMLElement => c !== canvas && c instanceof HTMLElement)];
  return over.flatMap((e) => {
    if (typeof e.checkVisibility === 'function' && !e.checkVisibility({ visibilityProperty: true })) return [];
    const r = e.getBoundingClientRect();
    if (r.width < 4 || r.height < 4) return [];
    return [{ left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top }];
  });
}

/**
 * The packet. It lives in React Flow's viewport (so pan and zoom apply) and is moved by the Web
 * Animations API from a store subscription: React renders it once; each hop reached starts one
 * animation; no frame goes through React.
 */
export function PacketMarker() {
  const store = useAppStoreApi();
  const flow = useReactFlow<AppNode>();
  const flowStore = useStoreApi();
  const intent = useContext(ViewIntentContext);
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
     * The view follows the request. A run starts when playback starts, or when a request is
     * stepped from its start: a few frames later (after any fit of a new diagram) the view is fitted
     * to every card on the path, animated (a jump under reduced motion), at a zoom that keeps text
     * readable (READABLE_ZOOM to FIT_MAX_ZOOM), in the part of the canvas nothing covers. A view that
     * already shows them all readably is left alone. Then, hop by hop, the follow-pan keeps the
     * packet in view by the smallest pan (panToShow), keeping the hop's other end in view too where
     * both fit (a path too big for a readable zoom is seen a part at a time). Once the person pans or
     * zooms, the view is theirs until the next run (or the next diagram). Every move is a
     * compositor animation (moveView): pixels already drawn are moved, and redrawn sharp at the end.
     */
    let following = true;
    /** The request of the run under way (null: none; the next play or step starts one). */
    let run: { request: unknown } | null = null;
    /** A fit asked for and not done yet (waiting for its frames or for the path's cards). */
    let fitWanted = false;
    let fitFrame = 0;
    /** The view is moving by itself (a fit or a pan) until its animation ends; a token per move. */
    let moves = 0;
    let moving = false;
    let viewMove: Animation | null = null;

    const canvasBox = () => {
      const canvas = el.closest<HTMLElement>('.react-flow');
      if (!canvas) return undefined;
      const client = canvas.getBoundingClientRect();
      if (client.width === 0 || client.height === 0) return undefined;
      return { box: { left: 0, top: 0, right: client.width, bottom: client.height }, covers: coversOf(canvas, client) };
    };

    /**
     * Moves the view to `view`. React Flow's store (and with it d3's zoom state, the background and
     * the zoom tier) takes the new view at once, in one write; the move itself is a Web Animation of
     * the viewport's transform from where it was, which the compositor runs. Animating through React
     * Flow instead (`setViewport({ duration })`) writes its store on every frame, and each frame then
     * re-layerizes the whole diagram on the main thread: on a big cluster that missed frames.
     */
    const moveView = (view: View, duration: number) => {
      const move = ++moves;
      viewMove?.cancel();
      viewMove = null;
      const viewport = el.closest<HTMLElement>('.react-flow__viewport');
      const from = flow.getViewport();
      void flow.setViewport(view);
      if (duration === 0 || !viewport || flowStore.getState().nodeLookup.size > ANIMATED_MOVE_MAX_CARDS) {
        moving = false;
        return;
      }
      moving = true;
      viewMove = viewport.animate([{ transform: transformOf(from) }, { transform: transformOf(view) }], { duration, easing: 'ease-in-out' });
      viewMove.onfinish = () => {
        if (move !== moves) return;
        moving = false;
        viewMove = null;
        // A hop reached during the fit is caught up with now.
        if (resting) follow(resting.at, undefined);
      };
    };
    /** A press or a wheel on the canvas ends a move at once: what React Flow hit-tests is where the move ends. */
    const canvas = el.closest<HTMLElement>('.react-flow');
    const endMove = () => viewMove?.finish();
    canvas?.addEventListener('pointerdown', endMove, { capture: true });
    canvas?.addEventListener('wheel', endMove, { capture: true, passive: true });

    const follow = (p: Point, from: Point | undefined) => {
      if (!following || moving || fitWanted) return;
      const room = canvasBox();
      if (!room) return;
      // The largest part of the canvas nothing covers.
      const rooms = freeRects(room.box, room.covers);
      const box = rooms.reduce((a, b) => ((b.right - b.left) * (b.bottom - b.top) > (a.right - a.left) * (a.bottom - a.top) ? b : a), rooms[0] ?? room.box);
      const view = flow.getViewport();
      const shift = panToShow([onScreen(p, view), ...(from ? [onScreen(from, view)] : [])], box, PAN_MARGIN);
      if (shift.x === 0 && shift.y === 0) return;
      moveView({ x: view.x + shift.x, y: view.y + shift.y, zoom: view.zoom }, prefersReducedMotion() ? 0 : PAN_MS);
    };

    /** The cards of the whole path (its source and both ends of every hop), in flow coordinates. */
    const pathCards = (state: AppState): Rect[] => {
      const trace = selectTrace(state);
      if (!trace || !state.request) return [];
      const ids = new Set([sourceElement(state.request.from), ...markerLegs(trace, state.lens).flatMap((leg) => [leg.from, leg.to])]);
      return [...ids].flatMap((id) => {
        const node = flow.getInternalNode(id);
        if (!node?.width || !node.height) return [];
        const { x, y } = node.internals.positionAbsolute;
        return [{ left: x, top: y, right: x + node.width, bottom: y + node.height }];
      });
    };

    const fitToPath = () => {
      if (!fitWanted || fitFrame !== 0 || !following) return;
      const cards = pathCards(store.getState());
      const bounds = boundsOf(cards);
      const room = canvasBox();
      // The path's cards are not on the canvas yet (a new diagram mounting): tried again on the next change.
      if (!bounds || !room) return;
      fitWanted = false;
      const rooms = freeRects(room.box, room.covers);
      const fit = fitPath(bounds, rooms, { padding: FIT_PADDING, minZoom: READABLE_ZOOM, maxZoom: FIT_MAX_ZOOM, detailZoom: FAR_ZOOM });
      if (!fit) return;
      const now = flow.getViewport();
      const onView = cards.map((c) => {
        const a = onScreen({ x: c.left, y: c.top }, now);
        const b = onScreen({ x: c.right, y: c.bottom }, now);
        return { left: a.x, top: a.y, right: b.x, bottom: b.y };
      });
      if (!pathNeedsMove(onView, room.box, room.covers, now.zoom, fit.view.zoom, { minZoom: READABLE_ZOOM, farZoom: FAR_ZOOM })) {
        if (resting) follow(resting.at, undefined);
        return;
      }
      let view = fit.view;
      if (!fit.fits && resting) {
        // Too long a path for a readable zoom: its middle, moved just enough to show the packet,
        // and the whole card it waits on where that fits too.
        const card = flow.getInternalNode(resting.id);
        const corners = card?.width && card.height ? [card.internals.positionAbsolute, { x: card.internals.positionAbsolute.x + card.width, y: card.internals.positionAbsolute.y + card.height }] : [];
        const shift = panToShow([resting.at, ...corners].map((p) => onScreen(p, view)), fit.room, PAN_MARGIN / 2);
        view = { x: view.x + shift.x, y: view.y + shift.y, zoom: view.zoom };
      }
      moveView(view, prefersReducedMotion() ? 0 : FIT_MS);
    };

    const startRun = (state: AppState) => {
      run = { request: state.request };
      following = true;
      fitWanted = true;
      cancelAnimationFrame(fitFrame);
      let frames = 0;
      const tick = () => {
        if (++frames < FIT_AFTER_FRAMES) fitFrame = requestAnimationFrame(tick);
        else {
          fitFrame = 0;
          fitToPath();
        }
      };
      fitFrame = requestAnimationFrame(tick);
    };

    const endRun = () => {
      run = null;
      fitWanted = false;
      cancelAnimationFrame(fitFrame);
      fitFrame = 0;
    };

    /** Runs begin with playback, or with a step from the start of a request already on show. */
    let last = { playing: store.getState().playing, step: store.getState().step, epoch: store.getState().viewEpoch, request: store.getState().request };
    const watchRuns = (state: AppState) => {
      const before = last;
      last = { playing: state.playing, step: state.step, epoch: state.viewEpoch, request: state.request };
      const sameRequest = state.viewEpoch === before.epoch && state.request === before.request;
      if (!sameRequest) {
        // A new diagram or request: the person's pan was about the last one.
        endRun();
        following = true;
      } else if (state.step === 0 && before.step !== 0 && !state.playing) endRun();
      if (state.playing && !before.playing) startRun(state);
      else if (sameRequest && state.step !== before.step && state.step > 0 && !run) startRun(state);
    };

    // The run goes on (its next hops start no new one); only the view is the person's now.
    const stopIntent = intent?.onMoved(() => {
      following = false;
      fitWanted = false;
      cancelAnimationFrame(fitFrame);
      fitFrame = 0;
      moves++;
      moving = false;
      viewMove?.finish();
      viewMove = null;
    });

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
    const stopApp = store.subscribe((state) => {
      watchRuns(state);
      update(state);
      if (fitWanted) fitToPath();
    });
    // React Flow's store changes when cards are placed, measured or dragged: the packet stays on its
    // card (a new diagram's cards arrive after the store that asked for them, so a packet placed at
    // once would sit where the old card was, in empty canvas). One node lookup per change.
    const stopFlow = flowStore.subscribe(() => {
      if (fitWanted) fitToPath();
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
      stopIntent?.();
      endRun();
      viewMove?.cancel();
      canvas?.removeEventListener('pointerdown', endMove, { capture: true });
      canvas?.removeEventListener('wheel', endMove, { capture: true });
    };
  }, [store, flow, flowStore, intent]);

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
