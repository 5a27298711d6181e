/**
 * The cluster as the API server stores it: Kubernetes objects with the field names, nesting and
 * defaults of the real API (core/v1, discovery.k8s.io/v1, networking.k8s.io/v1), plus the app's own
 * `ClusterSettings` for what no Kubernetes object holds (the provider, CIDRs, clients).
 *
 * Invariants of a `Cluster` the model hands out (parseManifests, scenario builders, store actions):
 * - defaults are applied and addresses allocated, as after `kubectl apply` + `kubectl get -o yaml`:
 *   every non-headless, non-ExternalName Service has `spec.clusterIP` inside `serviceCIDR`, every
 *   NodePort/LoadBalancer port has a `nodePort` in `nodePortRange`, every port has `protocol` and
 *   `targetPort`;
 * - every Pod with `spec.nodeName` names an existing Node and, once running, has a `status.podIP`
 *   inside that Node's `spec.podCIDR` (a `hostNetwork` pod: the Node's InternalIP);
 * - object names are unique per kind and namespace (Nodes per cluster).
 * Functions that take user input (manifests, edits) validate before producing a Cluster.
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export type Labels = Record<string, string>;

/** metadata of namespaced objects. `namespace` defaults to "default" when parsed. */
export interface ObjectMeta {
  name: string;
  namespace: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  /** RFC 3339. Filled deterministically when absent so kubectl's AGE column is stable. */
  creationTimestamp?: string;
  /** Set while the object is being deleted: a pod then counts as terminating for its Services. */
  deletionTimestamp?: string;
  /** metadata.ownerReferences: the controller that made the object (as a cluster dump lists it). */
  ownerReferences?: OwnerReference[];
}

/** metadata.ownerReferences[] (apimachinery meta/v1 OwnerReference). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** metadata of cluster-scoped objects (Node). */
export interface ClusterObjectMeta {
  name: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
}

// ---------------------------------------------------------------------------------------------
// Node (core/v1)

export type NodeAddressType = 'InternalIP' | 'ExternalIP' | 'Hostname' | 'InternalDNS' | 'ExternalDNS';

export interface NodeAddress {
  type: NodeAddressType;
  address: string;
}

export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ClusterObjectMeta;
  /** spec.podCIDR: the range this node's pods get their IPs from (node IPAM). */
  spec: { podCIDR?: string; unschedulable?: boolean; taints?: Taint[] };
  status: {
    addresses: NodeAddress[];
    /** The Ready condition, flattened. */
    ready: boolean;
    /** status.nodeInfo: what `kubectl get nodes -o wide` shows in VERSION, OS-IMAGE, … */
    nodeInfo?: NodeSystemInfo;
  };
}

/** The subset of status.nodeInfo that kubectl prints. */
export interface NodeSystemInfo {
  kubeletVersion: string;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
}

/** spec.taints[] of a Node: pods that do not tolerate it are kept off (NoSchedule) or off and evicted (NoExecute). */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

// ---------------------------------------------------------------------------------------------
// Pod (core/v1)

/** spec.tolerations[] of a Pod. An empty key with operator Exists tolerates every taint. */
export interface Toleration {
  key?: string;
  /** Defaults to Equal. */
  operator?: 'Exists' | 'Equal';
  value?: string;
  /** Empty: every effect. */
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** One term: every requirement must hold (terms are ORed). */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  /** Only `metadata.name` is a supported field. */
  matchFields?: NodeSelectorRequirement[];
}

/**
 * spec.affinity. The scheduler here honours the required node affinity; the preferred terms and
 * pod (anti-)affinity are kept as given so manifests round-trip.
 */
export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: unknown[];
  };
  podAffinity?: unknown;
  podAntiAffinity?: unknown;
}

/** The pod spec fields that decide where the scheduler may place a pod. */
export interface PodPlacement {
  /** Every label must be on the node. */
  nodeSelector?: Labels;
  tolerations?: Toleration[];
  affinity?: Affinity;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  /** Defaults to TCP. */
  protocol: Protocol;
}

export interface Container {
  name: string;
  image: string;
  ports?: ContainerPort[];
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodPlacement & {
    nodeName?: string;
    containers: Container[];
    /** hostname/subdomain give a pod its own DNS name under a headless Service. */
    hostname?: string;
    subdomain?: string;
    /** The pod shares its node's network namespace: its IP is the node's InternalIP. */
    hostNetwork?: boolean;
  };
  status: {
    phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
    podIP?: string;
    /** The Ready condition, flattened: readiness probe passing. Only ready pods are endpoints. */
    ready: boolean;
  };
}

// ---------------------------------------------------------------------------------------------
// Service (core/v1)

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  /** Required when the Service has more than one port. */
  name?: string;
  /** Defaults to TCP. */
  protocol: Protocol;
  port: number;
  /** A number, or the name of a container port. Defaults to `port`. */
  targetPort: number | string;
  /** Allocated from the node-port range for NodePort and LoadBalancer Services. */
  nodePort?: number;
  appProtocol?: string;
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  /** Defaulted to VIP for an ingress with an IP (SetDefaults_Service); describe prints it. */
  ipMode?: 'VIP' | 'Proxy';
}

export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    /** Defaults to ClusterIP. */
    type: ServiceType;
    /** Absent: no endpoints are managed for this Service (bring your own EndpointSlices). */
    selector?: Labels;
    ports: ServicePort[];
    /** An IP from the service CIDR, or "None" for a headless Service. Absent for ExternalName. */
    clusterIP?: string;
    clusterIPs?: string[];
    externalName?: string;
    externalIPs?: string[];
    /** Only for NodePort and LoadBalancer. Defaults to Cluster there. */
    externalTrafficPolicy?: 'Cluster' | 'Local';
    /** Defaults to Cluster (not for ExternalName). */
    internalTrafficPolicy?: 'Cluster' | 'Local';
    /** Defaults to None. */
    sessionAffinity: 'None' | 'ClientIP';
    /** spec.sessionAffinityConfig.clientIP.timeoutSeconds, default 10800 when ClientIP. */
    sessionAffinityConfig?: { clientIP: { timeoutSeconds: number } };
    loadBalancerSourceRanges?: string[];
    loadBalancerIP?: string;
    /** Allocated for LoadBalancer with externalTrafficPolicy Local. */
    healthCheckNodePort?: number;
    publishNotReadyAddresses?: boolean;
    /** Set by the API server on allocation (single-stack IPv4 here). */
    ipFamilies?: ('IPv4' | 'IPv6')[];
    ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
    /** LoadBalancer only; defaults to true (nodePorts are allocated for the load balancer). */
    allocateLoadBalancerNodePorts?: boolean;
    loadBalancerClass?: string;
    /** spec.trafficDistribution: PreferClose (= PreferSameZone), PreferSameZone or PreferSameNode. */
    trafficDistribution?: string;
  };
  status: {
    /** Empty ingress list: `<pending>` in kubectl. */
    loadBalancer: { ingress?: LoadBalancerIngress[] };
  };
}

// ---------------------------------------------------------------------------------------------
// EndpointSlice (discovery.k8s.io/v1)

export interface EndpointSliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  hostname?: string;
  targetRef?: { kind: 'Pod'; name: string; namespace: string };
}

export interface EndpointSlicePort {
  name?: string;
  port?: number;
  protocol?: Protocol;
  appProtocol?: string;
}

export interface EndpointSlice {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  /** labels["kubernetes.io/service-name"] names the Service it belongs to. */
  metadata: ObjectMeta;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: EndpointSliceEndpoint[];
  ports: EndpointSlicePort[];
}

// ---------------------------------------------------------------------------------------------
// Ingress (networking.k8s.io/v1)

export interface IngressServiceBackend {
  name: string;
  port: { number?: number; name?: string };
}

export interface IngressBackend {
  service?: IngressServiceBackend;
}

export interface HTTPIngressPath {
  path?: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface Ingress {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ObjectMeta;
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: IngressRule[];
    tls?: { hosts?: string[]; secretName?: string }[];
  };
  status: { loadBalancer: { ingress?: LoadBalancerIngress[] } };
}

/** A pod template's spec, as far as the model reads it; its pods get these fields. */
export type PodTemplateSpec = PodPlacement & {
  containers: Container[];
  /** Binds every pod of the template to this node, past the scheduler. */
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  /** The pod shares its node's network namespace: its IP is the node's InternalIP. */
  hostNetwork?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Deployment (apps/v1): an input that expands into pods; only what matters for networking.

export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: {
    /** Defaults to 1. */
    replicas: number;
    selector: { matchLabels: Labels };
    template: {
      metadata: { labels: Labels };
      spec: PodTemplateSpec;
    };
  };
}

// ---------------------------------------------------------------------------------------------
// What no Kubernetes object holds: kind ClusterSettings in the app's own API group.

/** A machine outside the cluster that sends requests. */
export interface Client {
  name: string;
  /** internet: a host on the public internet; lan: a host on the nodes' own subnet. */
  location: 'internet' | 'lan';
  ip: string;
}

/** The kube-proxy modes the model writes and evaluates rules for. */
export type KubeProxyMode = 'iptables' | 'nftables';

export interface ClusterSettingsSpec {
  /** cloud: LoadBalancer Services get an external IP; bare-metal: they stay <pending>. */
  provider: 'cloud' | 'bare-metal';
  serviceCIDR: string;
  /** The whole cluster's pod range (kube-proxy's --cluster-cidr, for local-traffic detection). */
  podCIDR: string;
  nodeSubnet: string;
  /** Whether the nodes' IPs are reachable from the internet. */
  nodesPublic: boolean;
  /** "min-max", the API server's --service-node-port-range. */
  nodePortRange: string;
  clusterDomain: string;
  dnsServiceIP: string;
  /**
   * How the cloud's load balancers reach a LoadBalancer Service's backends:
   * - `NodePort`: to NodeIP:nodePort (AWS Classic ELB, NLB instance targets, many on-premises balancers);
   * - `VIP`: to a node with the packet still addressed to the LB IP, which kube-proxy's
   *   load-balancer-IP rule catches (GCP and Azure passthrough balancers, MetalLB);
   * - `Pod`: straight to pod IPs, no nodePort involved (AWS Load Balancer Controller IP targets,
   *   GKE container-native load balancing).
   */
  loadBalancerTargets: 'NodePort' | 'VIP' | 'Pod';
  /**
   * kube-proxy's --proxy-mode on every node: which rules it writes (iptables-save's nat and filter
   * tables, or nftables' `ip kube-proxy` table). IPVS mode is deprecated (v1.35) and not modelled.
   */
  kubeProxyMode: KubeProxyMode;
  /**
   * Whether nodes masquerade (SNAT to the node's IP) pod traffic to destinations outside the pod
   * and node networks, as Calico's natOutgoing, Cilium's and flannel's masquerade and
   * ip-masq-agent do by default.
   */
  masqueradeOutgoing: boolean;
  /** Destinations pod traffic reaches with its pod IP kept (ip-masq-agent's nonMasqueradeCIDRs). */
  nonMasqueradeCIDRs: string[];
  clients: Client[];
}

export const DEFAULT_SETTINGS: Readonly<ClusterSettingsSpec> = Object.freeze({
  provider: 'cloud',
  serviceCIDR: '10.96.0.0/12',
  podCIDR: '10.244.0.0/16',
  nodeSubnet: '10.0.1.0/24',
  nodesPublic: false,
  nodePortRange: '30000-32767',
  clusterDomain: 'cluster.local',
  dnsServiceIP: '10.96.0.10',
  loadBalancerTargets: 'NodePort',
  kubeProxyMode: 'iptables',
  masqueradeOutgoing: true,
  nonMasqueradeCIDRs: [],
  clients: [],
});

export const SETTINGS_API_VERSION = 'explainer.dev/v1alpha1';

// ---------------------------------------------------------------------------------------------

/** Everything the explainer knows about one cluster. */
export interface Cluster {
  settings: ClusterSettingsSpec;
  nodes: Node[];
  pods: Pod[];
  services: Service[];
  /** Given as read from a real cluster; when empty, the model derives endpoints from selectors. */
  endpointSlices: EndpointSlice[];
  ingresses: Ingress[];
  /**
   * Deployments the pods came from (kept so manifests round-trip and the UI can group pods).
   * Their pods are always also in `pods`; the model never reads this to route traffic.
   */
  deployments?: Deployment[];
  /**
   * Workloads other than Deployments (ReplicaSet, StatefulSet, DaemonSet, Job, CronJob), verbatim as
   * given. Their controllers' pods are in `pods`; like `deployments`, never read to route traffic.
   */
  workloads?: KeptObject[];
  /**
   * Objects of kinds the model does not draw (ConfigMap, Secret, RBAC, NetworkPolicy, CRDs,
   * Namespace, IngressClass, Endpoints…), verbatim as given, so manifests written back lose nothing.
   */
  kept?: KeptObject[];
}

/** A manifest object held as given: its identity, and every other field untouched. */
export interface KeptObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

/** The InternalIP of a node, the address kube-proxy and the pod network use. */
export function nodeInternalIP(node: Node): string | undefined {
  return node.status.addresses.find((a) => a.type === 'InternalIP')?.address;
}

/** The ExternalIP of a node, if it has one (public clouds give one to nodes on public subnets). */
export function nodeExternalIP(node: Node): string | undefined {
  return node.status.addresses.find((a) => a.type === 'ExternalIP')?.address;
}

/** True for `clusterIP: None`. */
export function isHeadless(service: Service): boolean {
  return service.spec.clusterIP === 'None';
}

/** A stable id for any object: `Kind/namespace/name` (`Node/name` for Nodes). */
export function objectId(obj: Node | Pod | Service | Ingress | EndpointSlice | Deployment): string {
  return 'namespace' in obj.metadata
    ? `${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}`
    : `${obj.kind}/${obj.metadata.name}`;
}
