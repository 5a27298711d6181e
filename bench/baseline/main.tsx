/**
 * The benchmark's baseline: bare React Flow drawing the same nodes (same ids, sizes, positions and
 * sub-flow nesting) and edges as the app, from `graph-<size>.json` written by bench/run.mjs, with the
 * textbook controlled-nodes pattern (useState + applyNodeChanges) and a packet moved along the same
 * legs with the Web Animations API. Not shipped; only `npm run bench` builds it.
 */
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { applyNodeChanges, Background, ReactFlow, ReactFlowProvider, useReactFlow, ViewportPortal, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

interface Graph {
  nodes: { id: string; parentId?: string; position: { x: number; y: number }; width?: number; height?: number; group: boolean }[];
  edges: { id: string; source: string; target: string }[];
  legs: { from: string; to: string; inPlace: boolean }[];
}

/** Same timing as the app's PacketMarker at 1×. */
const HOP_MS = 900;

function Packet({ legs }: { legs: Graph['legs'] }) {
  const flow = useReactFlow();
  const marker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const centre = (id: string) => {
      const n = flow.getInternalNode(id);
      if (!n) return { x: 0, y: 0 };
      const { x, y } = n.internals.positionAbsolute;
      return { x: x + (n.measured.width ?? 0) / 2, y: y + (n.measured.height ?? 0) / 2 };
    };
    /** Plays every leg, one per HOP_MS, and marks the packet delivered at the end. */
    (window as unknown as { __play: () => void }).__play = () => {
      const el = marker.current!;
      el.dataset.outcome = 'moving';
      legs.forEach((leg, i) => {
        setTimeout(() => {
          const a = centre(leg.from);
          const b = centre(leg.to);
          el.style.transform = `translate(${b.x}px, ${b.y}px)`;
          el.animate([{ transform: `translate(${a.x}px, ${a.y}px)` }, { transform: `translate(${b.x}px, ${b.y}px)` }], { duration: HOP_MS * 0.8, easing: 'ease-in-out' });
          if (i === legs.length - 1) setTimeout(() => (el.dataset.outcome = 'delivered'), HOP_MS * 0.8);
        }, i * HOP_MS);
      });
    };
  }, [flow, legs]);
  return (
    <ViewportPortal>
      <div ref={marker} data-testid="packet" style={{ position: 'absolute', left: -10, top: -10, width: 20, height: 20, borderRadius: 10, background: '#326ce5', zIndex: 1000 }} />
    </ViewportPortal>
  );
}

function Baseline({ graph }: { graph: Graph }) {
  const [nodes, setNodes] = useState<Node[]>(() =>
    graph.nodes.map((n) => ({
      id: n.id,
      position: n.position,
      ...(n.parentId ? { parentId: n.parentId } : {}),
      width: n.width,
      height: n.height,
      // Parents stay 'default' nodes: React Flow's 'group' type has no handles, and edges end on workers.
      type: 'default',
      data: { label: n.id },
      ...(n.group ? { style: { background: 'rgba(0,0,0,0.03)' } } : {}),
    })),
  );
  const [edges] = useState<Edge[]>(graph.edges);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  return (
    <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.1}>
      <Background />
      <Packet legs={graph.legs} />
    </ReactFlow>
  );
}

const size = new URLSearchParams(location.search).get('size') ?? 'S';
void fetch(`./graph-${size}.json`).then(async (r) => {
  const graph = (await r.json()) as Graph;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ReactFlowProvider>
        <Baseline graph={graph} />
      </ReactFlowProvider>
    </StrictMode>,
  );
});
