/**
 * What the browser part of the benchmark needs, computed in Node from the app's own modules (run.mjs
 * loads this through Vite's SSR loader, so no TypeScript build step): per size, the state to open
 * (as a snapshot: the app opens it from `#s=`, its real startup path), the graph the app draws (the
 * baseline page draws the same nodes, edges and nesting, plainly) and the packet's legs.
 */
import { toFlow } from '../src/canvas/toFlow';
import { snapshotOf, type Snapshot } from '../src/embed/snapshot';
import { markerLegs } from '../src/animation/markerPath';
import { defaultRequestFor } from '../src/model/requestOptions';
import { traceFor } from '../src/store/selectTrace';
import { trace as traceEngine } from '../src/model/trace/trace';
import { benchCluster, SIZES, type BenchSize } from './clusters';

/** A plain React Flow node for the baseline: same id, parent, position and size as the app's. */
export interface BaselineNode {
  id: string;
  parentId?: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
  group: boolean;
}

export interface Prepared {
  size: BenchSize;
  snapshot: Snapshot;
  nodes: BaselineNode[];
  edges: { id: string; source: string; target: string }[];
  /** The packet's legs on the default lens, as element ids. */
  legs: { from: string; to: string; inPlace: boolean }[];
}

export function prepare(size: BenchSize): Prepared {
  const cluster = benchCluster(size);
  const request = defaultRequestFor(cluster);
  if (!request) throw new Error(`no request on ${size.name}`);
  const state = { cluster, positions: {}, request, seed: 0, step: 0, lens: 'layers' as const };
  const flow = toFlow(cluster, {});
  const parents = new Set(flow.nodes.map((n) => n.parentId).filter(Boolean));
  const trace = traceFor(traceEngine, cluster, request, 0);
  if (trace.outcome !== 'delivered') throw new Error(`the ${size.name} trace is ${trace.outcome}`);
  return {
    size,
    snapshot: snapshotOf(state),
    nodes: flow.nodes.map((n) => ({
      id: n.id,
      ...(n.parentId ? { parentId: n.parentId } : {}),
      position: n.position,
      width: n.width,
      height: n.height,
      group: parents.has(n.id),
    })),
    edges: flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    legs: markerLegs(trace, 'layers'),
  };
}

export const prepareAll = (): Prepared[] => SIZES.map(prepare);
