import type { Edge, Node } from '@xyflow/react';
import type { Client, Ingress, Node as K8sNode, Pod, Service, ClusterSettingsSpec } from '../model/cluster';
import type { ServiceExposure } from '../model/exposure';
import type { EndpointAddress, SliceOnlyEndpoints } from '../model/endpoints';

/** Canvas element data. Each node component reads only its own `data`. */
/** `system`: what the kube-system fold holds, and whether it is open. */
/** `endpoints`: endpoint cards of kube-system slices with no pod behind them (set only when there are some). */
export type ClusterBoxData = { settings: ClusterSettingsSpec; system: { services: number; pods: number; endpoints?: number; shown: boolean } };
/** `endpointCount`: endpoint cards (slice endpoints with no pod in the cluster) drawn under its pods. */
export type WorkerData = { node: K8sNode; podCount: number; endpointCount?: number };
/**
 * An address EndpointSlices list that no pod in the cluster stands behind: `group` is the slices of
 * one Service it comes from (its ports, its name), `address` the endpoint itself.
 */
export type EndpointCardData = { address: EndpointAddress; group: SliceOnlyEndpoints };
/** A Service only EndpointSlices name (kubernetes.io/service-name): not in the manifests. */
export type SliceServiceData = { group: SliceOnlyEndpoints };
/** Where endpoints no node holds sit (an external database behind a selector-less Service). */
export type OffNodeData = { count: number };
export type PodData = { pod: Pod };
export type ServiceData = { service: Service; exposure: ServiceExposure };
/** `pending`: status.loadBalancer is empty (the model's exposure says so): no load balancer exists yet. */
export type LoadBalancerData = { service: Service; provider: ClusterSettingsSpec['provider']; pending: boolean };
export type ClientData = { client: Client };
export type IngressData = { ingress: Ingress };

export type ClusterBoxNode = Node<ClusterBoxData, 'cluster'>;
export type WorkerNode = Node<WorkerData, 'worker'>;
export type PodNode = Node<PodData, 'pod'>;
export type ServiceNode = Node<ServiceData, 'service'>;
export type LoadBalancerNode = Node<LoadBalancerData, 'loadBalancer'>;
export type ClientNode = Node<ClientData, 'client'>;
export type IngressNode = Node<IngressData, 'ingress'>;
export type EndpointCardNode = Node<EndpointCardData, 'endpointAddress'>;
export type SliceServiceNode = Node<SliceServiceData, 'sliceService'>;
export type OffNodeNode = Node<OffNodeData, 'offNode'>;

export type AppNode = ClusterBoxNode | WorkerNode | PodNode | ServiceNode | LoadBalancerNode | ClientNode | IngressNode | EndpointCardNode | SliceServiceNode | OffNodeNode;

/** An edge labelled at its receiving end with the address packets are sent to on it. */
export type AddressEdge = Edge<{ address: string }, 'address'>;
/** Service → pod: a ready endpoint, a selected pod that is not ready, or a one-label near miss. */
/**
 * `route`: the gutters the edge keeps to, as distances from the pod's left handle: `up` to the lane
 * above the nodes, `left` to the gap beside the pod's node (toFlow sets it; EndpointEdge draws it).
 */
export type EndpointEdge = Edge<{ status: 'ready' | 'not-ready' | 'near-miss'; reason?: string; route?: { up: number; left: number } }, 'endpoint'>;
export type AppEdge = Edge | AddressEdge | EndpointEdge;

