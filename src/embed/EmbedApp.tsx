import { useCallback, useEffect, useRef } from 'react';
import { ReactFlowProvider, useNodesInitialized } from '@xyflow/react';
import { AppStoreProvider, useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import { ClusterCanvas } from '../canvas/ClusterCanvas';
import { useColorScheme } from '../canvas/useColorScheme';
import { PacketMarker } from '../animation/PacketMarker';
import { HopHighlight } from '../animation/HopHighlight';
import { usePlayback } from '../animation/usePlayback';
import { PlaybackControls } from '../panels/PlaybackControls';
import { runShortcut } from '../store/commands';
import { playbackCommands } from '../store/playbackCommands';
import type { EmbedOptions } from './options';
import type { AppState } from '../store/createAppStore';
import type { InitialState } from '../store/startState';
import { diagramShown, immediateStart, waitsForEngine } from './embedStart';
import { useEmbedStart } from './useEmbedStart';
import { useEmbedBridge } from './useEmbedBridge';
import { lateModule, loadLateParts, startLateParts, useLateParts } from './lateParts';
import { hashForLink } from './linkHash';
import { EmbedBoundary } from './EmbedBoundary';

/** Where the full app lives, relative to this embed (the same build, without `?embed`). */
export interface EmbedProps {
  options: EmbedOptions;
  /** The full app's URL, for "Open in Service Explainer". */
  appUrl: string;
  /**
   * Obey and answer the parent window over postMessage: true for the iframe embed only. A custom
   * element lives in the page itself; if that page were framed, its elements must not answer the frame's parent.
   */
  bridge?: boolean;
}

/**
 * How long after the diagram's first paint the late parts are fetched: none beyond the frame that
 * paints it, so the packet marker and the enabled controls follow at once; the hop panel's first
 * words are already there (HopDetailsPlaceholder).
 */
const LATE_AFTER_PAINT_MS = 0;

/** Runs `onPainted` a moment after the diagram's nodes are measured and painted. */
function AfterDiagramPaint({ onPainted }: { onPainted: () => void }) {
  const drawn = useNodesInitialized();
  useEffect(() => {
    if (!drawn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(onPainted, LATE_AFTER_PAINT_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, onPainted]);
  return null;
}

const selectHasRequest = (s: AppState) => s.request !== null;
const selectCluster = (s: AppState) => s.cluster;
/** Whether the first screen shows a hop, which only the trace can tell: then the embed waits for it. */
const selectAtHop = (s: AppState) => s.request !== null && s.step > 0;
const selectEngineStatus = (s: AppState) => s.engineStatus;

/**
 * What HopDetails shows before the packet leaves (or with no request), word for word and box for
 * box, so that swapping it for the real panel moves nothing. The one case that grows: a trace that
 * stops before its first hop (a pending load balancer, a ClusterIP asked from outside…) adds its
 * outcome below, which only the engine can tell.
 */
function HopDetailsPlaceholder() {
  const hasRequest = useAppStore(selectHasRequest);
  if (!hasRequest) return <p className="text-sm text-slate-600 dark:text-slate-400">Pick a source and a destination to trace a request.</p>;
  return (
    <div className="text-sm">
      <p className="text-slate-700 dark:text-slate-300">Ready: the packet waits at its source. Press play or → to send it.</p>
    </div>
  );
}

/**
 * The hop explanation once the late parts are in, else its placeholder. Rendered straight from the
 * loaded module rather than through React.lazy, which would show its fallback for a frame first.
 */
function HopPanel({ late }: { late: boolean }) {
  const parts = late ? lateModule() : undefined;
  return parts ? <parts.HopDetails /> : <HopDetailsPlaceholder />;
}

function EmbedShell({ options, appUrl, bridge = false, previousRef }: EmbedProps & { previousRef: React.RefObject<InitialState | null> }) {
  const store = useAppStoreApi();
  const root = useRef<HTMLDivElement>(null);
  const colorMode = useColorScheme(options.theme, root);
  const { resolved, problem, setProblem, load } = useEmbedStart(store, options, previousRef);
  const shownCluster = useAppStore(selectCluster);
  /** After a crash while drawing: the diagram shown before, if any (see EmbedBoundary). */
  const recover = useCallback(() => {
    const last = previousRef.current;
    previousRef.current = null;
    if (!last) return false;
    try {
      store.getState().restoreState(last);
      return true;
    } catch {
      return false;
    }
  }, [store, previousRef]);
  usePlayback();

  // The trace engine and the hop explanation come after the diagram's first paint (lateParts.ts),
  // unless the first screen shows a hop: then they load at once and the diagram waits for them.
  const late = useLateParts(store);
  const engine = useAppStore(selectEngineStatus);
  const startLate = useCallback(() => {
    startLateParts(store).catch(() => setProblem('The request explanation could not be loaded; reload the page to try again.'));
  }, [store, setProblem]);
  const atHop = useAppStore(selectAtHop);
  const holding = waitsForEngine({ atHop, engine });
  const shown = diagramShown({ resolved, atHop, engine });
  useEffect(() => {
    if (holding) startLate();
  }, [holding, startLate]);

  // The parent hears `ready` once the diagram is drawn and can be explained; commands sent before wait.
  useEmbedBridge(store, root, load, bridge, resolved && late);

  const openLink = useRef<HTMLAnchorElement>(null);
  const linkHref = (codec: NonNullable<ReturnType<typeof lateModule>>) => `${appUrl}${hashForLink(codec.encodeSnapshot(codec.snapshotOf(store.getState())))}`;
  const refreshLink = () => {
    const codec = lateModule();
    if (codec && openLink.current) openLink.current.href = linkHref(codec);
  };
  /** The link's encoder comes after the first paint; a click that beats it opens the link once it is in. */
  const openWithState = (e: React.MouseEvent) => {
    if (lateModule()) return refreshLink();
    e.preventDefault();
    void loadLateParts().then(
      (codec) => window.open(linkHref(codec), '_blank', 'noopener'),
      () => window.open(appUrl, '_blank', 'noopener'),
    );
  };

  return (
    <div
      ref={root}
      className="flex h-full min-h-80 flex-col overflow-hidden bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && target.getAttribute('type') !== 'radio') return;
        if (target.closest('.react-flow__node')) return;
        if (runShortcut(store, e.nativeEvent, playbackCommands)) e.preventDefault();
      }}
    >
      <EmbedBoundary recover={recover} resetKey={shownCluster}>
        <div className="relative min-h-48 flex-1">
          {shown ? (
            <ReactFlowProvider>
              <ClusterCanvas colorMode={colorMode}>
                <PacketMarker />
                <HopHighlight />
                {!late && <AfterDiagramPaint onPainted={startLate} />}
              </ClusterCanvas>
            </ReactFlowProvider>
          ) : (
            <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading the diagram…</p>
          )}
          <a
            ref={openLink}
            href={appUrl}
            onMouseEnter={refreshLink}
            onFocus={refreshLink}
            onClick={openWithState}
            target="_blank"
            rel="noopener"
            className="absolute right-2 top-2 z-10 rounded-md bg-white/90 px-2 py-1 text-xs font-medium text-[#2456c4] shadow hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] dark:bg-slate-900/90 dark:text-[#8fb0f5]"
          >
            Open in Service Explainer ↗
          </a>
        </div>
        {problem && <p role="alert" className="border-t border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">{problem}</p>}
        {shown && (
          // A fixed share of the embed: sized by its words, the panel would resize the diagram at each hop.
          <section aria-label="Request playback" className="h-[40%] min-h-24 shrink-0 space-y-2 overflow-y-auto border-t border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            {options.controls && <PlaybackControls />}
            <HopPanel late={late} />
          </section>
        )}
      </EmbedBoundary>
    </div>
  );
}

/**
 * The embed: the diagram, the playback controls and the hop explanation, nothing to edit. Its own
 * store (two embeds on a page never share state), never autosaved, sized to its container.
 */
export function EmbedApp(props: EmbedProps) {
  const previousRef = useRef<InitialState | null>(null);
  return (
    <AppStoreProvider initial={() => immediateStart(props.options)}>
      <EmbedShell {...props} previousRef={previousRef} />
    </AppStoreProvider>
  );
}
