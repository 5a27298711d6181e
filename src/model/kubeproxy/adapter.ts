/**
 * From the app's `Cluster` to kube-proxy's input for one node: what kube-proxy's
 * ServiceChangeTracker (pkg/proxy/servicechangetracker.go, serviceport.go) and
 * EndpointSliceCache (pkg/proxy/endpointslicecache.go) would hold on that node.
 */
import { endpointsFor, type EndpointsResult } from '../endpoints';
import { isIPv4 } from '../ip';
import { nodeInternalIP, type Cluster, type LoadBalancerIngress, type Node, type Service } from '../cluster';
import type { EndpointInfo, KubeProxyInput, KubeProxyOptions, NodeFacts, ServicePortEntry, ServicePortInfo } from './types';

/** Default --service-affinity timeout (corev1.DefaultClientIPServiceAffinitySeconds). */
const DEFAULT_AFFINITY_SECONDS = 10800;

/** proxyutil.IsVIPMode (pkg/proxy/util/utils.go): an unset ipMode counts as VIP. */
export function isVIPMode(ingress: LoadBalancerIngress): boolean {
  return ingress.ipMode === undefined || ingress.ipMode === 'VIP';
}

/** apiservice.ExternallyAccessible. */
function externallyAccessibleService(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' || svc.spec.type === 'NodePort' ||
    (svc.spec.type === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
}

/**
 * proxyutil.ShouldSkipService plus the IPv4 family filter: ExternalName and headless Services, and
 * Services without an IPv4 ClusterIP, get no rules.
 */
export function isProxiedService(svc: Service): boolean {
  if (svc.spec.type === 'ExternalName') return false;
  const ip = svc.spec.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None' && isIPv4(ip);
}

/** newBaseServiceInfo (pkg/proxy/serviceport.go) for spec.ports[index]. */
export function servicePortInfo(svc: Service, index: number): ServicePortInfo {
  const port = svc.spec.ports[index];
  if (port === undefined) throw new Error(`servicePortInfo: no port ${index}`);
  const externalPolicyLocal = externallyAccessibleService(svc) && svc.spec.externalTrafficPolicy === 'Local';
  const info: ServicePortInfo = {
    namespace: svc.metadata.namespace,
    name: svc.metadata.name,
    portName: port.name ?? '',
    protocol: port.protocol,
    clusterIP: svc.spec.clusterIP ?? '',
    port: port.port,
    nodePort: port.nodePort ?? 0,
    externalIPs: (svc.spec.externalIPs ?? []).filter(isIPv4),
    // newBaseServiceInfo keeps only ingress IPs for which proxyutil.IsVIPMode holds (ipMode unset
    // or VIP): for ipMode Proxy, and for a balancer known only by its hostname, no rule is written.
    loadBalancerIPs: (svc.status.loadBalancer.ingress ?? []).flatMap((ing) =>
      ing.ip !== undefined && isIPv4(ing.ip) && isVIPMode(ing) ? [ing.ip] : []),
    loadBalancerSourceRanges: svc.spec.loadBalancerSourceRanges ?? [],
    externalPolicyLocal,
    internalPolicyLocal: svc.spec.internalTrafficPolicy === 'Local',
    // apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local.
    healthCheckNodePort: svc.spec.type === 'LoadBalancer' && externalPolicyLocal ? (svc.spec.healthCheckNodePort ?? 0) : 0,
  };
  if (svc.spec.sessionAffinity === 'ClientIP') {
    info.sessionAffinityTimeoutSeconds = svc.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
  }
  return info;
}

/** The node's facts: its name, InternalIP and the cluster's pod CIDR (--cluster-cidr). */
export function nodeFacts(cluster: Cluster, node: Node): NodeFacts {
  const internalIP = nodeInternalIP(node);
  const facts: NodeFacts = {
    name: node.metadata.name,
    // Only the InternalIP sits on the node's interface; a cloud's ExternalIP is 1:1 NAT in front.
    localIPs: internalIP !== undefined ? [internalIP] : [],
  };
  if (internalIP !== undefined) facts.nodeIP = internalIP;
  if (cluster.settings.podCIDR !== '') facts.clusterCIDR = cluster.settings.podCIDR;
  return facts;
}

/** One service port's endpoints as kube-proxy on `nodeName` sees them. */
export function endpointInfos(result: EndpointsResult, index: number, nodeName: string): EndpointInfo[] {
  return (result.ports[index]?.endpoints ?? []).map((ep) => ({
    ip: ep.ip,
    port: ep.port,
    isLocal: ep.nodeName !== undefined && ep.nodeName === nodeName,
    ready: ep.ready,
    serving: ep.serving,
    terminating: ep.terminating,
  }));
}

/**
 * kube-proxy's input on `nodeName`. `getEndpoints` defaults to `endpointsFor`; pass another
 * source (e.g. cached results) to avoid recomputing endpoints for every node.
 */
export function fromCluster(
  cluster: Cluster,
  nodeName: string,
  options?: Partial<KubeProxyOptions>,
  getEndpoints: (svc: Service) => EndpointsResult = (svc) => endpointsFor(cluster, svc),
): KubeProxyInput {
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName);
  if (node === undefined) throw new Error(`No node named "${nodeName}"`);
  const servicePorts: ServicePortEntry[] = [];
  for (const svc of cluster.services) {
    if (!isProxiedService(svc)) continue;
    const result = getEndpoints(svc);
    svc.spec.ports.forEach((_, i) => {
      servicePorts.push({ info: servicePortInfo(svc, i), endpoints: endpointInfos(result, i, nodeName) });
    });
  }
  const input: KubeProxyInput = { node: nodeFacts(cluster, node), servicePorts };
  if (options !== undefined) input.options = options;
  return input;
}
