import { nodeInternalIP, type Cluster } from '../model/cluster';
import type { XY } from '../store/layoutSlice';
import { CLUSTER_ORIGIN, SIZE } from './layoutMetrics';
import { elementId, type AppEdge, type AppNode, type PodNode, type WorkerNode } from './flowTypes';

export interface Flow {
  nodes: AppNode[];
  edges: AppEdge[];
}

/** Child positions may not leave their parent's top-left corner (the cluster box grows the other way). */
function clampInside(p: XY, minY: number): XY {
  return { x: Math.max(SIZE.cluster.padding / 2, p.x), y: Math.max(minY, p.y) };
}

/**
 * The canvas, derived: React Flow nodes and edges from the cluster and the positions the user
 * dragged. Pure, so the same cluster always draws the same picture and nothing is stored twice.
 * Parents come before their children, as React Flow requires for sub-flows.
 */
export function toFlow(cluster: Cluster, positions: Record<string, XY>, selectedId: string | null = null): Flow {
  const { padding, header, bandGap, gap } = SIZE.cluster;
  const at = (id: string, fallback: XY) => positions[id] ?? fallback;
  const nodes: AppNode[] = [];
  const edges: AppEdge[] = [];

  // Services sit in a band across the top of the cluster: they are rules on every node.
  const serviceNodes: AppNode[] = cluster.services.map((service, i) => {
    const id = elementId.service(service);
    return {
      id,
      type: 'service',
      parentId: elementId.cluster(),
      position: clampInside(at(id, { x: padding + i * (SIZE.service.width + gap), y: header }), header / 2),
      width: SIZE.service.width,
      height: SIZE.service.height,
      data: { service },
      ariaLabel: `Service ${service.metadata.name}`,
    };
  });

  const workersTop = header + SIZE.service.height + bandGap;
  const workers: WorkerNode[] = [];
  const pods: PodNode[] = [];
  cluster.nodes.forEach((node, i) => {
    const id = elementId.node(node.metadata.name);
    const nodePods = cluster.pods.filter((p) => p.spec.nodeName === node.metadata.name);
    const w = SIZE.worker;
    const height = Math.max(w.minHeight, w.header + nodePods.length * (SIZE.pod.height + w.podGap) + w.padding);
    workers.push({
      id,
      type: 'worker',
      parentId: elementId.cluster(),
      position: clampInside(at(id, { x: padding + i * (w.width + gap), y: workersTop }), header / 2),
      width: w.width,
      height,
      data: { node, podCount: nodePods.length },
      ariaLabel: `Node ${node.metadata.name}`,
    });
    nodePods.forEach((pod, j) => {
      const podId = elementId.pod(pod);
      pods.push({
        id: podId,
        type: 'pod',
        parentId: id,
        extent: 'parent',
        position: at(podId, { x: (w.width - SIZE.pod.width) / 2, y: w.header + j * (SIZE.pod.height + w.podGap) }),
        width: SIZE.pod.width,
        height: SIZE.pod.height,
        data: { pod },
        ariaLabel: `Pod ${pod.metadata.name}`,
      });
    });
  });

  // The cluster box grows to hold whatever the user dragged inside it.
  const children = [...serviceNodes, ...workers];
  const width = Math.max(...children.map((c) => c.position.x + (c.width ?? 0)), 0) + padding;
  const height = Math.max(...children.map((c) => c.position.y + (c.height ?? 0)), 0) + padding;
  const clusterAt = at(elementId.cluster(), CLUSTER_ORIGIN);
  nodes.push({
    id: elementId.cluster(),
    type: 'cluster',
    position: clusterAt,
    width,
    height,
    data: { settings: cluster.settings },
    ariaLabel: 'Cluster',
    // The boundary is a backdrop: clicking inside it should not select the whole cluster.
    selectable: false,
  });
  nodes.push(...serviceNodes, ...workers, ...pods);

  // Outside the boundary: clients on the left; below them, one cloud load balancer per LoadBalancer
  // Service, low enough that its edges run under the nodes and enter each one from below.
  cluster.settings.clients.forEach((client, i) => {
    const id = elementId.client(client);
    nodes.push({
      id,
      type: 'client',
      position: at(id, { x: 0, y: clusterAt.y + workersTop + i * (SIZE.client.height + gap) }),
      width: SIZE.client.width,
      height: SIZE.client.height,
      data: { client },
      ariaLabel: `Client ${client.name}`,
    });
  });
  const loadBalancers = cluster.services.filter((s) => s.spec.type === 'LoadBalancer');
  loadBalancers.forEach((service, i) => {
    const id = elementId.loadBalancer(service);
    nodes.push({
      id,
      type: 'loadBalancer',
      position: at(id, { x: 40, y: clusterAt.y + height + 48 + i * (SIZE.loadBalancer.height + gap) }),
      width: SIZE.loadBalancer.width,
      height: SIZE.loadBalancer.height,
      data: { service, provider: cluster.settings.provider },
      ariaLabel: `Load balancer for ${service.metadata.name}`,
    });
    for (const client of cluster.settings.clients.filter((c) => c.location === 'internet')) {
      edges.push({ id: `${elementId.client(client)}->${id}`, source: elementId.client(client), target: id });
    }
    // The load balancer sends to NodeIP:nodePort on every node (for now every node is a target).
    const nodePorts = service.spec.ports.map((p) => p.nodePort).filter((p) => p !== undefined);
    for (const worker of workers) {
      const nodeIP = nodeInternalIP(worker.data.node) ?? worker.data.node.metadata.name;
      edges.push({
        id: `${id}->${worker.id}`,
        source: id,
        target: worker.id,
        type: 'address',
        data: { address: nodePorts.map((p) => `${nodeIP}:${p}`).join(', ') },
      });
    }
  });

  if (selectedId) {
    for (const n of nodes) if (n.id === selectedId) n.selected = true;
  }
  return { nodes, edges };
}
