import type { Cluster, Pod } from '../model/cluster';
import { serviceExposure } from '../model/exposure';
import { serviceEndpointEdges } from './endpointEdges';
import { loadBalancerEdges } from './loadBalancerEdges';
import type { XY } from '../store/layoutSlice';
import { CLUSTER_ORIGIN, SIZE } from './layoutMetrics';
import { elementId } from '../model/elementIds';
import type { AppEdge, AppNode, ClientData, EndpointEdge } from './flowTypes';
import { flowRows, workerColumns } from './rows';
import { isSystemObject, systemSummary, SYSTEM_NAMESPACE } from './systemFold';
import { sliceEndpointElements, type SliceEndpointCard } from './sliceEndpoints';

export interface Flow {
  nodes: AppNode[];
  edges: AppEdge[];
}

/** A canvas element before placement: everything that depends on the cluster alone. */
type Element = Omit<AppNode, 'position'> & {
  /** Where it sits when the user has not dragged it; external elements are placed later. */
  home?: XY;
};

interface Elements {
  inside: Element[];
  pods: Element[];
  outside: Element[];
  edges: AppEdge[];
  workersTop: number;
  /** Endpoint cards kube-system's slices give (drawn or folded). */
  systemEndpoints: number;
}

/**
 * Element data is derived once per cluster object and reused across placements, so dragging (which
 * changes only positions) hands React Flow the same `data` objects and memoised cards do not
 * re-render on every frame.
 */
const derivedElements = { shown: new WeakMap<Cluster, Elements>(), folded: new WeakMap<Cluster, Elements>() };

function deriveElements(cluster: Cluster, showSystem: boolean): Elements {
  const cache = showSystem ? derivedElements.shown : derivedElements.folded;
  const cached = cache.get(cluster);
  if (cached) return cached;
  // kube-system (cluster DNS) is folded away unless asked for: every cluster has it, few care.
  const visible = <T extends { metadata: { namespace?: string } }>(list: T[]): T[] => (showSystem ? list : list.filter((o) => !isSystemObject(o)));
  const services = visible(cluster.services);
  const { padding, header, bandGap, gap } = SIZE.cluster;
  const inside: Element[] = [];
  const pods: Element[] = [];
  const outside: Element[] = [];
  const edges: AppEdge[] = [];

  // Services sit in a band across the top of the cluster: they are rules on every node.
  const band: Element[] = [];
  services.forEach((service) => {
    edges.push(...serviceEndpointEdges(cluster, service));
    const exposure = serviceExposure(cluster, service);
    const groups = [
      exposure.inCluster.length > 0 || exposure.dnsAnswer === 'pod-ips',
      exposure.onEveryNode.length > 0,
      exposure.external.length > 0 || exposure.loadBalancerPending,
      // An ExternalName's CNAME target is a long DNS name: it wraps onto a second line.
      service.spec.type === 'ExternalName',
    ].filter(Boolean).length;
    band.push({
      id: elementId.service(service),
      type: 'service',
      parentId: elementId.cluster(),
      width: SIZE.service.width,
      height: SIZE.service.height + groups * SIZE.service.perGroup,
      data: { service, exposure },
      ariaLabel: `Service ${service.metadata.name}`,
    });
  });

  // Ingresses join the band: like Services, they are configuration, not a place.
  cluster.ingresses.forEach((ingress) => {
    const id = elementId.ingress(ingress);
    const rules = (ingress.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => ({ host: r.host ?? '*', path: p.path ?? '/', backend: p.backend.service })));
    band.push({
      id,
      type: 'ingress',
      parentId: elementId.cluster(),
      width: SIZE.ingress.width,
      height: SIZE.ingress.headerHeight + (rules.length + (ingress.spec.defaultBackend ? 1 : 0)) * SIZE.ingress.perRule,
      data: { ingress },
      ariaLabel: `Ingress ${ingress.metadata.name}`,
    });
    const backends = [...rules, ...(ingress.spec.defaultBackend?.service ? [{ host: 'default', path: '', backend: ingress.spec.defaultBackend.service }] : [])];
    for (const { host, path, backend } of backends) {
      const target = services.find((s) => s.metadata.namespace === ingress.metadata.namespace && s.metadata.name === backend?.name);
      if (!target) continue;
      const edgeId = `${id}->${elementId.service(target)}:${host}${path}`;
      if (edges.some((e) => e.id === edgeId)) continue;
      edges.push({ id: edgeId, source: id, target: elementId.service(target), type: 'address', data: { address: `${host}${path}` }, ariaLabel: `Ingress ${ingress.metadata.name} routes ${host}${path} to ${target.metadata.name}` });
    }
  });

  const w = SIZE.worker;
  // Endpoints that EndpointSlices list with no pod behind them: a Service only its slices name is a
  // ghost in the band; each address a card on the node its slice names (under its pods), or in a
  // box of its own when it names none.
  const slices = sliceEndpointElements(cluster, (ns) => showSystem || ns !== SYSTEM_NAMESPACE);
  for (const ghost of slices.ghosts) {
    band.push({
      id: ghost.id,
      type: 'sliceService',
      parentId: elementId.cluster(),
      width: SIZE.service.width,
      height: SIZE.sliceService.height,
      data: ghost.data,
      ariaLabel: ghost.ariaLabel,
    });
  }
  edges.push(...slices.edges);
  const endpointsOn = new Map<string | undefined, SliceEndpointCard[]>();
  for (const card of slices.cards) {
    const list = endpointsOn.get(card.nodeName);
    if (list) list.push(card);
    else endpointsOn.set(card.nodeName, [card]);
  }
  const stackHeight = (pods: number, endpoints: number) => w.header + pods * (SIZE.pod.height + w.podGap) + endpoints * (SIZE.endpoint.height + w.podGap) + w.padding;

  // Workers, each as tall as its stack of pods, in rows under the band.
  const podsOn = new Map<string | undefined, Pod[]>();
  for (const pod of visible(cluster.pods)) {
    const list = podsOn.get(pod.spec.nodeName);
    if (list) list.push(pod);
    else podsOn.set(pod.spec.nodeName, [pod]);
  }
  const workers: Element[] = cluster.nodes.map((node) => {
    const podCount = podsOn.get(node.metadata.name)?.length ?? 0;
    const endpointCount = endpointsOn.get(node.metadata.name)?.length ?? 0;
    return {
      id: elementId.node(node.metadata.name),
      type: 'worker',
      parentId: elementId.cluster(),
      width: w.width,
      height: Math.max(w.minHeight, stackHeight(podCount, endpointCount)),
      data: endpointCount > 0 ? { node, podCount, endpointCount } : { node, podCount },
      ariaLabel: `Node ${node.metadata.name}`,
    };
  });
  const offNode = endpointsOn.get(undefined) ?? [];
  if (offNode.length > 0) {
    workers.push({
      id: elementId.offNode(),
      type: 'offNode',
      parentId: elementId.cluster(),
      width: w.width,
      height: Math.max(w.minHeight, stackHeight(0, offNode.length)),
      data: { count: offNode.length },
      ariaLabel: `Outside any node: ${offNode.length} endpoint${offNode.length === 1 ? '' : 's'} no node holds`,
    });
  }
  const sized = (e: Element) => ({ width: e.width ?? 0, height: e.height ?? 0 });
  const tallest = { width: w.width, height: Math.max(0, ...workers.map((e) => e.height ?? 0)) };
  const workersWidth = workerColumns(workers.length, tallest, gap) * (w.width + gap) - gap;
  // The band wraps at the workers' width, or eight Services, whichever is wider.
  const bandLayout = flowRows(band.map(sized), Math.max(workersWidth, 8 * (SIZE.service.width + gap) - gap), gap);
  band.forEach((e, i) => (e.home = { x: padding + bandLayout.at[i]!.x, y: header + bandLayout.at[i]!.y }));
  const workersTop = header + bandLayout.height + bandGap;
  const workerLayout = flowRows(workers.map(sized), workersWidth, gap);
  workers.forEach((e, i) => (e.home = { x: padding + workerLayout.at[i]!.x, y: workersTop + workerLayout.at[i]!.y }));
  inside.push(...band, ...workers);

  cluster.nodes.forEach((node, i) => {
    (podsOn.get(node.metadata.name) ?? []).forEach((pod, j) => {
      pods.push({
        id: elementId.pod(pod),
        type: 'pod',
        parentId: workers[i]!.id,
        width: SIZE.pod.width,
        height: SIZE.pod.height,
        data: { pod },
        ariaLabel: `Pod ${pod.metadata.name}`,
        home: { x: (w.width - SIZE.pod.width) / 2, y: w.header + j * (SIZE.pod.height + w.podGap) },
      });
    });
  });
  // Endpoint cards under the pods of their node; those of no node in the box outside any node.
  const holders: { parent: string; nodeName: string | undefined; below: number }[] = [
    ...cluster.nodes.map((node) => ({ parent: elementId.node(node.metadata.name), nodeName: node.metadata.name as string | undefined, below: podsOn.get(node.metadata.name)?.length ?? 0 })),
    { parent: elementId.offNode(), nodeName: undefined, below: 0 },
  ];
  for (const { parent, nodeName, below } of holders) {
    (endpointsOn.get(nodeName) ?? []).forEach((card, j) => {
      pods.push({
        id: card.id,
        type: 'endpointAddress',
        parentId: parent,
        width: SIZE.endpoint.width,
        height: SIZE.endpoint.height,
        data: card.data,
        ariaLabel: card.ariaLabel,
        home: { x: (w.width - SIZE.endpoint.width) / 2, y: w.header + below * (SIZE.pod.height + w.podGap) + j * (SIZE.endpoint.height + w.podGap) },
      });
    });
  }

  for (const client of cluster.settings.clients) {
    outside.push({
      id: elementId.client(client),
      type: 'client',
      width: SIZE.client.width,
      height: SIZE.client.height,
      data: { client },
      ariaLabel: `Client ${client.name}`,
    });
  }
  for (const service of services.filter((s) => s.spec.type === 'LoadBalancer')) {
    const id = elementId.loadBalancer(service);
    // Pending (EXTERNAL-IP <pending>): no controller made it. Drawn as a ghost, with no edges.
    const pending = serviceExposure(cluster, service).loadBalancerPending;
    outside.push({
      id,
      type: 'loadBalancer',
      width: SIZE.loadBalancer.width,
      height: SIZE.loadBalancer.height,
      data: { service, provider: cluster.settings.provider, pending },
      ariaLabel: pending ? `Load balancer for ${service.metadata.name}, pending: none exists` : `Load balancer for ${service.metadata.name}`,
    });
    if (pending) continue;
    for (const client of cluster.settings.clients.filter((c) => c.location === 'internet')) {
      edges.push({ id: `${elementId.client(client)}->${id}`, source: elementId.client(client), target: id, sourceHandle: 'below', targetHandle: 'above' });
    }
    edges.push(...loadBalancerEdges(cluster, service, id));
  }

  // Service → pod edges keep to the gutters (see EndpointEdge): down to the lane between the band
  // and the nodes, along it, down the gap left of the pod's node, and into the pod from its left,
  // instead of cutting through node headers. Distances are from the pod's left handle, so the
  // route follows a dragged node.
  const homeOf = new Map(pods.map((p) => [p.id, p.home!]));
  const routed = edges.map((e) => {
    const home = e.type === 'endpoint' ? homeOf.get(e.target) : undefined;
    if (!home) return e;
    const route = { up: home.y + SIZE.pod.height / 2 + bandGap / 2, left: home.x + gap / 2 };
    return { ...e, data: { ...(e.data as EndpointEdge['data'])!, route } } as EndpointEdge;
  });

  const elements = { inside, pods, outside, edges: routed, workersTop, systemEndpoints: slices.system };
  cache.set(cluster, elements);
  return elements;
}

/** Between the cluster boundary and a load balancer; between a client and the balancer it uses. */
const OUTSIDE_GAP = 64;
const CLIENT_GAP = 48;

/** How far ahead of its contents the cluster box grows during a drag, in flow pixels. */
const DRAG_GROWTH = 240;

/** Children may not leave their parent's top-left corner (the cluster box grows the other way). */
function clampInside(p: XY): XY {
  return { x: Math.max(SIZE.cluster.padding / 2, p.x), y: Math.max(SIZE.cluster.header / 2, p.y) };
}

/**
 * The last node placed for each element. A drag changes one position per frame; handing React Flow
 * the very same node objects for everything else lets it skip them (it re-adopts a node only when
 * the object changes), so a frame costs one node, not the whole graph.
 */
const placedNodes = new WeakMap<Element, AppNode>();
/** The cluster box, likewise, keyed by the cluster's derived elements. */
const placedBoxes = new WeakMap<Element[], AppNode>();

/**
 * Every node has a fixed size, so it is handed over as already measured. React Flow keeps a node's
 * measured handle positions across re-adoption only when the new object carries `measured`; without
 * it, each drag frame would drop them, re-observe the node and re-measure the whole graph.
 */
function measuredAs(node: { width?: number; height?: number }): { width?: number; height?: number } {
  return { width: node.width, height: node.height };
}

function place(element: Element, position: XY, selectedId: string | null): AppNode {
  const selected = element.id === selectedId;
  const last = placedNodes.get(element);
  if (last && last.position.x === position.x && last.position.y === position.y && (last.selected === true) === selected) return last;
  const { home: _home, ...rest } = element;
  const node = { ...rest, position, measured: measuredAs(rest) } as AppNode;
  if (selected) node.selected = true;
  placedNodes.set(element, node);
  return node;
}

/**
 * The canvas, derived: React Flow nodes and edges from the cluster and the positions the user
 * dragged. Pure, so the same cluster always draws the same picture and nothing is stored twice
 * (the one memory: during a drag the cluster box keeps the size it last had, see `grown`).
 * Parents come before their children, as React Flow requires for sub-flows.
 */
export function toFlow(cluster: Cluster, positions: Record<string, XY>, selectedId: string | null = null, { dragging = false, showSystem = false } = {}): Flow {
  const { inside, pods, outside, edges, workersTop, systemEndpoints } = deriveElements(cluster, showSystem);
  const { padding, gap } = SIZE.cluster;
  const placedInside = inside.map((e) => place(e, clampInside(positions[e.id] ?? e.home!), selectedId));

  // The cluster box grows to hold whatever the user dragged inside it.
  // Wide enough for its title line even when it holds one node.
  const fitsWidth = Math.max(SIZE.cluster.minWidth, Math.max(0, ...placedInside.map((c) => c.position.x + (c.width ?? 0))) + padding);
  const fitsHeight = Math.max(0, ...placedInside.map((c) => c.position.y + (c.height ?? 0))) + padding;
  const clusterAt = positions[elementId.cluster()] ?? CLUSTER_ORIGIN;
  const lastBox = placedBoxes.get(inside);
  // While a drag is under way the box never shrinks and grows a step ahead of what it holds: each
  // resize makes React Flow re-measure and re-place every node, so one per step, not one per frame.
  // The drop fits it snugly again.
  const grown = (fits: number, last: number | undefined) => (!dragging || last === undefined ? fits : fits <= last ? last : fits + DRAG_GROWTH);
  const width = grown(fitsWidth, lastBox?.width);
  const height = grown(fitsHeight, lastBox?.height);
  const clusterBox: AppNode = lastBox && lastBox.width === width && lastBox.height === height && lastBox.position.x === clusterAt.x && lastBox.position.y === clusterAt.y ? lastBox : {
    id: elementId.cluster(),
    type: 'cluster',
    position: clusterAt,
    width,
    height,
    measured: { width, height },
    data: { settings: cluster.settings, system: { ...systemSummary(cluster), ...(systemEndpoints > 0 ? { endpoints: systemEndpoints } : {}), shown: showSystem } },
    ariaLabel: 'Cluster',
    // The boundary is a backdrop: clicking inside it should not select the whole cluster.
    selectable: false,
  };
  placedBoxes.set(inside, clusterBox);

  // Outside the boundary, on the left: internet client → load balancer → the nodes. A balancer sits
  // at the cluster's bottom-left corner with its centre just below the boundary, so its edges run
  // under the nodes' doors (and below their nodePort labels) and enter each node from below; the
  // clients it serves sit straight above it, one short edge away, in the room left of the nodes.
  // Other clients wait by the nodes they reach.
  const balancer = SIZE.loadBalancer;
  const balancerX = clusterAt.x - OUTSIDE_GAP - balancer.width;
  const balancerTop = clusterAt.y + height + SIZE.cluster.padding - balancer.height / 2;
  const hasBalancer = outside.some((e) => e.type === 'loadBalancer');
  let balancers = 0;
  let servedClients = 0;
  let otherClients = 0;
  const placedOutside = outside.map((e) => {
    let home: XY;
    if (e.type === 'loadBalancer') {
      home = { x: balancerX, y: balancerTop + balancers++ * (balancer.height + gap) };
    } else if (hasBalancer && (e.data as ClientData).client.location === 'internet') {
      home = { x: balancerX - servedClients++ * (SIZE.client.width + gap), y: balancerTop - CLIENT_GAP - SIZE.client.height };
    } else {
      home = { x: clusterAt.x - CLUSTER_ORIGIN.x, y: clusterAt.y + workersTop + otherClients++ * (SIZE.client.height + gap) };
    }
    return place(e, positions[e.id] ?? home, selectedId);
  });

  const nodes = [clusterBox, ...placedInside, ...pods.map((e) => place(e, positions[e.id] ?? e.home!, selectedId)), ...placedOutside];
  return { nodes, edges };
}
