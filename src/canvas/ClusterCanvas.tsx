import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, useStore, useStoreApi, type InternalNode, type NodeChange, type OnMove, type ReactFlowState, type Viewport } from '@xyflow/react';
import './canvas.css';
import { reschedulePod } from '../model/edits';
import { parseElementId } from '../model/elementIds';
import type { XY } from '../store/layoutSlice';
import { workerUnder } from './dropTarget';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { nodeTypes } from './nodeTypes';
import { edgeTypes } from './edgeTypes';
import { toFlow } from './toFlow';
import type { AppNode, PodNode, WorkerData } from './flowTypes';
import { ACCENT } from './nodes/NodeCard';
import { FAR_ZOOM } from './layoutMetrics';
import { EdgeLabelLayer } from './edges/EdgeLabel';
import { SystemFoldContext } from './nodes/ClusterBox';
import { isSystemElement, traceTouchesSystem } from './systemFold';
import { selectTrace } from '../store/selectTrace';
import { useBulkRemount } from './useBulkRemount';
import { CardHandOver } from './CardHandOver';
import { useRovingFocus } from './useRovingFocus';
import { MinimapToggle } from './MinimapToggle';
import { FIT_VIEW_OPTIONS, MAX_ZOOM, MIN_ZOOM, fittedViewport } from './viewFit';
import { useNewDiagram } from './useNewDiagram';
import { createViewIntent, ViewIntentContext } from './viewIntent';

const selectCluster = (s: AppState) => s.cluster;
const selectPositions = (s: AppState) => s.positions;
const selectSelectedId = (s: AppState) => s.selectedId;
const selectDragging = (s: AppState) => s.dragging;
const selectViewEpoch = (s: AppState) => s.viewEpoch;
/** The kube-system fold opens by itself while the trace or the selection is in it. */
const selectSystemNeeded = (s: AppState) => isSystemElement(s.selectedId) || traceTouchesSystem(selectTrace(s));
/** One boolean for the whole canvas: cards switch detail by CSS, with no re-render of their own. */
const selectZoomedOut = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

const minimapColor = (node: AppNode): string => {
  switch (node.type) {
    case 'service': return ACCENT.kubernetes;
    case 'pod': return ACCENT.pod;
    case 'endpointAddress': return ACCENT.pod;
    case 'sliceService': return ACCENT.kubernetes;
    case 'loadBalancer': return ACCENT.loadBalancer;
    case 'cluster': return 'transparent';
    default: return ACCENT.node;
  }
};

// Props React Flow copies into its store: constants, so a re-render (every drag frame) does not hand
// it new objects. A new `defaultEdgeOptions` object alone re-renders every edge.
// The fit (FIT_VIEW_OPTIONS) is in viewFit.ts, shared with the first frame's viewport.
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep', style: { strokeWidth: 1.6 } };
const PRO_OPTIONS = { hideAttribution: false };
/** What a screen reader says on a card: this canvas's keys, not React Flow's (whose arrows would move it). */
const KEYS_HELP = 'Arrow keys move between cards. Enter or Space selects the focused card; Shift and an arrow key then move it. Delete removes it, Escape clears the selection.';
const ARIA_LABEL_CONFIG = { 'node.a11yDescription.default': KEYS_HELP, 'node.a11yDescription.keyboardDisabled': KEYS_HELP };

/**
 * Above this many cards the overview map is dropped: it draws and re-checks one shape per card on
 * every change (a drag frame), costing more than the diagram itself, and a diagram that large
 * opens zoomed out to its own overview anyway.
 */
const MINIMAP_MAX_NODES = 1000;

/** The cluster drawn with React Flow. Nodes are derived from the store; changes go back as actions. */
/** `children` render inside React Flow (overlays such as the packet marker, which need its viewport). */
export function ClusterCanvas({ children, colorMode }: { children?: React.ReactNode; colorMode: 'light' | 'dark' }) {
  const cluster = useAppStore(selectCluster);
  const positions = useAppStore(selectPositions);
  const selectedId = useAppStore(selectSelectedId);
  const dragging = useAppStore(selectDragging);
  const store = useAppStoreApi();

  const [systemOpen, setSystemOpen] = useState(false);
  const systemNeeded = useAppStore(selectSystemNeeded);
  const showSystem = systemOpen || systemNeeded;
  const systemFold = useMemo(() => ({ toggle: () => setSystemOpen((open) => !open), pinned: systemNeeded }), [systemNeeded]);

  const flowElements = useMemo(() => toFlow(cluster, positions, selectedId, { dragging, showSystem }), [cluster, positions, selectedId, dragging, showSystem]);
  const { edges } = flowElements;
  // One Tab stop for the whole diagram; arrows go from card to card (useRovingFocus).
  const { nodes, onKeyDownCapture, onFocusCapture, announcement } = useRovingFocus(flowElements.nodes, selectedId);
  // The overview map covers a corner of the cluster: off until asked for.
  const [showMinimap, setShowMinimap] = useState(false);

  const flowKey = useBulkRemount(nodes, cluster);
  // A new key first takes React Flow away (it clears its store as it unmounts), hands the store the
  // new cards (CardHandOver), then mounts React Flow again, whose renderers mount them whole.
  const [mountedKey, setMountedKey] = useState(flowKey);
  const handedOver = useCallback(() => setMountedKey(flowKey), [flowKey]);
  const flow = useReactFlow<AppNode>();
  const zoomedOut = useStore(selectZoomedOut);
  // React Flow renders its label layer with the canvas; edges reach it through context.
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  const findLabelLayer = useCallback((canvas: HTMLDivElement | null) => setLabelLayer(canvas?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null), []);

  // A new diagram (scenario, link, or an import of mostly new cards) is fitted to the view once
  // React Flow has its nodes.
  const viewEpoch = useAppStore(selectViewEpoch);
  const newDiagrams = useNewDiagram(nodes, cluster);
  useEffect(() => {
    if (viewEpoch === 0 && newDiagrams === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [viewEpoch, newDiagrams, flow]);

  // The first frame is the fitted one: React Flow's own `fitView` waits for its nodes to be
  // measured and draws one frame at zoom 1 first (cards in full detail, then names only: a layout
  // shift in an embed). So the canvas measures its box before React Flow mounts (a layout effect,
  // before any paint) and hands it the viewport `fitView` would set. A remount (useBulkRemount)
  // reuses the last size React Flow had.
  const flowStore = useStoreApi<AppNode>();
  const sizer = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    if (size || !sizer.current) return;
    const { width, height } = sizer.current.getBoundingClientRect();
    setSize({ width, height });
  }, [size]);
  const [firstView, setFirstView] = useState<{ key: number; viewport: Viewport | undefined } | null>(null);
  if (size && firstView?.key !== mountedKey) {
    const { width, height } = flowStore.getState();
    setFirstView({ key: mountedKey, viewport: fittedViewport(nodes, firstView && width > 0 && height > 0 ? { width, height } : size) });
  }

  // What the person does to the view, for what moves it by itself (the packet's follow) to give way.
  const [viewIntent] = useState(createViewIntent);
  // Only a gesture carries an event; a programmatic move (a fit, the follow-pan) has none.
  const onMove = useCallback<OnMove>((event) => {
    if (event) viewIntent.moved();
  }, [viewIntent]);
  const onMinimapGesture = useCallback((e: React.SyntheticEvent) => {
    if ((e.target as Element).closest?.('.react-flow__minimap')) viewIntent.moved();
  }, [viewIntent]);

  /** A pod let go: on another node it is rescheduled there; outside every node it goes back. */
  const dropPod = useCallback(
    (podId: string, position: XY) => {
      const state = store.getState();
      const pod = flow.getInternalNode(podId);
      const target = pod && workerUnder(pod, flow.getNodes().flatMap((n) => flow.getInternalNode(n.id) ?? []));
      if (!pod || !target) return state.cancelGesture();
      if (target.id === pod.parentId) return state.moveElement(podId, position);
      state.cancelGesture();
      const data = (pod as InternalNode<PodNode>).data.pod;
      const errors = state.applyEdit(
        (c) => reschedulePod(c, { namespace: data.metadata.namespace, name: data.metadata.name }, (target.data as WorkerData).node.metadata.name),
        [podId],
      );
      if (errors.length > 0) console.warn('reschedule refused', errors);
    },
    [flow, store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => {
      const { moveElement, select } = store.getState();
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          const isPod = parseElementId(change.id)?.kind === 'pod';
          if (isPod && change.dragging === false) dropPod(change.id, change.position);
          else moveElement(change.id, change.position, change.dragging);
        } else if (change.type === 'select') {
          if (change.selected) select(change.id);
          else if (store.getState().selectedId === change.id) select(null);
        }
      }
    },
    [store, dropPod],
  );

  if (mountedKey !== flowKey) return <CardHandOver nodes={nodes} edges={edges} onDone={handedOver} />;
  if (!size || firstView?.key !== mountedKey) return <div ref={sizer} className="h-full w-full" />;
  return (
    <ViewIntentContext.Provider value={viewIntent}>
    <EdgeLabelLayer.Provider value={labelLayer}>
    <SystemFoldContext.Provider value={systemFold}>
    <ReactFlow<AppNode>
      key={flowKey}
      ref={findLabelLayer}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      colorMode={colorMode}
      // Delete goes through the app's own command (model edit, undoable), not React Flow's.
      deleteKeyCode={null}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      {...(firstView.viewport ? { defaultViewport: firstView.viewport } : {})}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      onMove={onMove}
      onPointerDownCapture={onMinimapGesture}
      onWheelCapture={onMinimapGesture}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      proOptions={PRO_OPTIONS}
      aria-label="Cluster diagram"
      // Edges are not Tab stops: the canvas is one, and arrows move between cards (useRovingFocus).
      edgesFocusable={false}
      onKeyDownCapture={onKeyDownCapture}
      onFocusCapture={onFocusCapture}
      ariaLabelConfig={ARIA_LABEL_CONFIG}
      className={zoomedOut ? 'zoomed-out' : undefined}
    >
      <Background gap={24} />
      {showMinimap && nodes.length <= MINIMAP_MAX_NODES && <MiniMap<AppNode> pannable zoomable nodeColor={minimapColor} ariaLabel="Overview map" />}
      <Controls onZoomIn={viewIntent.moved} onZoomOut={viewIntent.moved} onFitView={viewIntent.moved}>
        {nodes.length <= MINIMAP_MAX_NODES && <MinimapToggle shown={showMinimap} onToggle={() => setShowMinimap((shown) => !shown)} />}
      </Controls>
      <div role="status" className="sr-only">{announcement}</div>
      {children}
    </ReactFlow>
    </SystemFoldContext.Provider>
    </EdgeLabelLayer.Provider>
    </ViewIntentContext.Provider>
  );
}
