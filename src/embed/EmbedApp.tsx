import { useCallback, useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { AppStoreProvider, useAppStoreApi } from '../store/AppStoreProvider';
import { ClusterCanvas } from '../canvas/ClusterCanvas';
import { useColorScheme } from '../canvas/useColorScheme';
import { PacketMarker } from '../animation/PacketMarker';
import { HopHighlight } from '../animation/HopHighlight';
import { usePlayback } from '../animation/usePlayback';
import { PlaybackControls } from '../panels/PlaybackControls';
import { HopDetails } from '../panels/HopDetails';
import { runShortcut } from '../store/commands';
import { playbackCommands } from '../store/playbackCommands';
import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';
import { snapshotOf } from './snapshot';
import type { EmbedOptions } from './options';
import type { InitialState } from '../store/createAppStore';
import type { EmbedCommand } from './messages';
import { fromInlineManifests, immediateStart, requestFor } from './embedStart';
import { useEmbedBridge } from './useEmbedBridge';

/** Where the full app lives, relative to this embed (the same build, without `?embed`). */
export interface EmbedProps {
  options: EmbedOptions;
  /** The full app's URL, for "Open in Service Explainer". */
  appUrl: string;
  /** Loads a scenario by id (the catalog, loaded on demand); absent where scenarios are not offered. */
  /**
   * Obey and answer the parent window over postMessage: true for the iframe embed only. A custom
   * element lives in the page itself; if that page were framed, its elements must not answer the frame's parent.
   */
  bridge?: boolean;
  loadScenario?: (id: string) => Promise<{ cluster: import('../model/cluster').Cluster; request: import('../model/trace/types').TraceRequest | null } | { error: string }>;
}

function EmbedShell({ options, appUrl, loadScenario, bridge = false, initialProblem = '' }: EmbedProps & { initialProblem?: string }) {
  const store = useAppStoreApi();
  const root = useRef<HTMLDivElement>(null);
  const colorMode = useColorScheme(options.theme, root);
  const [problem, setProblem] = useState(initialProblem);
  const [ready, setReady] = useState(!options.scenario && !options.yaml);
  usePlayback();

  /** Resolves what to show (a state, inline YAML, a scenario) without touching React state. */
  const resolve = useCallback(
    async (source: { scenario?: string; state?: string; yaml?: string }): Promise<{ initial: InitialState } | { problem: string }> => {
      if (source.state) {
        const decoded = decodeSnapshot(source.state);
        return decoded.ok ? { initial: decoded.state } : { problem: 'That diagram could not be read.' };
      }
      if (source.yaml) return fromInlineManifests(source.yaml, options);
      if (source.scenario && loadScenario) {
        const result = await loadScenario(source.scenario);
        if ('error' in result) return { problem: result.error };
        return { initial: { cluster: result.cluster, request: requestFor(result.cluster, options, result.request), step: options.step ?? 0, ...(options.lens ? { lens: options.lens } : {}) } };
      }
      return { problem: `There is no scenario "${source.scenario ?? ''}" here.` };
    },
    [options, loadScenario],
  );

  const load = useCallback(
    (source: { scenario?: string; state?: string; yaml?: string }) =>
      resolve(source).then((result) => {
        if ('problem' in result) setProblem(result.problem);
        else store.getState().restoreState(result.initial);
        setReady(true);
        if (options.autoplay) store.getState().setPlaying(true);
      }),
    [resolve, store, options.autoplay],
  );

  useEffect(() => {
    if (options.yaml || options.scenario) void load({ ...(options.yaml ? { yaml: options.yaml } : {}), ...(options.scenario ? { scenario: options.scenario } : {}) });
    else if (options.autoplay) store.getState().setPlaying(true);
  }, [load, options, store]);

  const onLoadCommand = useCallback((command: Extract<EmbedCommand, { type: 'load' }>) => void load(command), [load]);
  useEmbedBridge(store, root, onLoadCommand, bridge);

  const openLink = useRef<HTMLAnchorElement>(null);
  const refreshLink = () => {
    if (openLink.current) openLink.current.href = `${appUrl}#s=${encodeSnapshot(snapshotOf(store.getState()))}`;
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
      <div className="relative min-h-48 flex-1">
        {ready ? (
          <ReactFlowProvider>
            <ClusterCanvas colorMode={colorMode}>
              <PacketMarker />
              <HopHighlight />
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
          onClick={refreshLink}
          target="_blank"
          rel="noopener"
          className="absolute right-2 top-2 z-10 rounded-md bg-white/90 px-2 py-1 text-xs font-medium text-[#2456c4] shadow hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] dark:bg-slate-900/90 dark:text-[#8fb0f5]"
        >
          Open in Service Explainer ↗
        </a>
      </div>
      {problem && <p role="alert" className="border-t border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">{problem}</p>}
      <section aria-label="Request playback" className="max-h-[45%] shrink-0 space-y-2 overflow-y-auto border-t border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        {options.controls && <PlaybackControls />}
        <HopDetails />
      </section>
    </div>
  );
}

/**
 * The embed: the diagram, the playback controls and the hop explanation, nothing to edit. Its own
 * store (two embeds on a page never share state), never autosaved, sized to its container.
 */
export function EmbedApp(props: EmbedProps) {
  const [start] = useState(() => immediateStart(props.options));
  return (
    <AppStoreProvider initial={() => start.initial}>
      <EmbedShell {...props} {...(start.problem ? { initialProblem: start.problem } : {})} />
    </AppStoreProvider>
  );
}
