/**
 * Endpoints that EndpointSlices list with no pod in the cluster behind them (the model's
 * `sliceOnlyEndpoints`: a `kubectl get endpointslices -A -o yaml` dump alone, or a selector-less
 * Service's external backends), as canvas elements: one endpoint card per address and Service, on
 * the node its slice names (else outside any node), a ghost card for a Service only its slices
 * name, and an edge from the Service (real or ghost) to each of its endpoint cards.
 */
import type { Cluster } from '../model/cluster';
import { sliceOnlyEndpoints, type EndpointAddress, type SliceOnlyEndpoints } from '../model/endpoints';
import { elementId } from '../model/elementIds';
import type { EndpointCardData, EndpointEdge, SliceServiceData } from './flowTypes';
import { endpointConditions, endpointState } from './nodes/EndpointCard';
import { SYSTEM_NAMESPACE } from './systemFold';

export interface SliceEndpointCard {
  id: string;
  /** The node it is drawn on; undefined: outside any node. */
  nodeName?: string;
  data: EndpointCardData;
  ariaLabel: string;
}

export interface SliceServiceCard {
  id: string;
  data: SliceServiceData;
  ariaLabel: string;
}

export interface SliceElements {
  cards: SliceEndpointCard[];
  ghosts: SliceServiceCard[];
  edges: EndpointEdge[];
  /** How many endpoint cards kube-system's slices give, drawn or folded away (the fold says so). */
  system: number;
}

const sourceName = (group: SliceOnlyEndpoints) => group.serviceName ?? 'slices without a Service';

/** The edge from a Service to one endpoint card: solid when ready, dashed with the reason when not. */
function edgeTo(source: string, target: string, group: SliceOnlyEndpoints, address: EndpointAddress): EndpointEdge {
  const name = sourceName(group);
  const id = `${source}->${target}`;
  if (address.ready && !address.terminating) {
    const where = group.ports.map((p) => `${address.ip}:${p.port ?? '*'}/${p.protocol}`).join(', ') || address.ip;
    return { id, source, target, type: 'endpoint', data: { status: 'ready' }, ariaLabel: `${name} sends to ${address.ip} at ${where}` };
  }
  const reason = address.terminating ? 'terminating: no new traffic' : 'not ready: no traffic';
  return { id, source, target, type: 'endpoint', data: { status: 'not-ready', reason }, ariaLabel: `${address.ip} is listed by ${name}'s EndpointSlices but ${reason}` };
}

/**
 * The elements for the cluster's slice-only endpoints, `visible` deciding which namespaces are
 * drawn (the kube-system fold). Empty for a cluster whose slices all back its pods.
 */
export function sliceEndpointElements(cluster: Cluster, visible: (namespace: string) => boolean): SliceElements {
  const nodes = new Set(cluster.nodes.map((n) => n.metadata.name));
  const cards: SliceEndpointCard[] = [];
  const ghosts: SliceServiceCard[] = [];
  const edges: EndpointEdge[] = [];
  let system = 0;
  for (const group of sliceOnlyEndpoints(cluster)) {
    if (group.namespace === SYSTEM_NAMESPACE) system += group.addresses.length;
    if (!visible(group.namespace)) continue;
    let source: string | undefined;
    if (group.serviceName !== undefined) {
      const service = group.serviceInCluster
        ? cluster.services.find((s) => s.metadata.namespace === group.namespace && s.metadata.name === group.serviceName)
        : undefined;
      source = service ? elementId.service(service) : elementId.sliceService(group.namespace, group.serviceName);
      if (!service) {
        ghosts.push({ id: source, data: { group }, ariaLabel: `Service ${group.serviceName}, not in the manifests: only its EndpointSlices are` });
      }
    }
    for (const address of group.addresses) {
      const id = elementId.endpoint(group.namespace, group.serviceName, address.ip);
      const { word } = endpointState(address);
      const pod = address.podName ? `, pod ${address.podName}` : '';
      cards.push({
        id,
        ...(address.nodeName && nodes.has(address.nodeName) ? { nodeName: address.nodeName } : {}),
        data: { address, group },
        ariaLabel: `Endpoint ${address.ip} of ${sourceName(group)}, ${word.toLowerCase()} (${endpointConditions(address)})${pod}`,
      });
      if (source) edges.push(edgeTo(source, id, group, address));
    }
  }
  return { cards, ghosts, edges, system };
}
