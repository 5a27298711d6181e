/**
 * Which endpoints kube-proxy uses on this node, following pkg/proxy/endpointslicecache.go
 * (dedupe and order) and pkg/proxy/topology.go (CategorizeEndpoints). Topology hints are not
 * modelled (topologyMode is always "": every ready endpoint is usable).
 */
import { endpointString } from './names';
import type { EndpointInfo, ServicePortInfo } from './types';

/**
 * The EndpointsMap entry kube-proxy builds from EndpointSlices: one endpoint per "ip:port"
 * (preferring a non-terminating one when an IP appears twice, addEndpoints) sorted by that string
 * (endpointsMapFromEndpointInfo: sort.Sort(byEndpoint), a plain string comparison).
 */
export function normalizeEndpoints(endpoints: EndpointInfo[]): EndpointInfo[] {
  const byKey = new Map<string, EndpointInfo>();
  for (const ep of endpoints) {
    const key = endpointString(ep.ip, ep.port);
    if (!byKey.has(key) || !ep.terminating) byKey.set(key, ep);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, ep]) => ep);
}

/** BaseServicePortInfo.ExternallyAccessible: has a nodePort, an LB IP or an external IP. */
export function externallyAccessible(info: ServicePortInfo): boolean {
  return info.nodePort !== 0 || info.loadBalancerIPs.length !== 0 || info.externalIPs.length !== 0;
}

/** BaseServicePortInfo.UsesClusterEndpoints. */
export function usesClusterEndpoints(info: ServicePortInfo): boolean {
  return !info.internalPolicyLocal || externallyAccessible(info);
}

/** BaseServicePortInfo.UsesLocalEndpoints. */
export function usesLocalEndpoints(info: ServicePortInfo): boolean {
  return info.internalPolicyLocal || (info.externalPolicyLocal && externallyAccessible(info));
}

export interface CategorizedEndpoints {
  /** Usable with Cluster traffic policy (empty when the port never uses Cluster policy). */
  clusterEndpoints: EndpointInfo[];
  /** Usable with Local traffic policy (empty when the port never uses Local policy). */
  localEndpoints: EndpointInfo[];
  /** Union of the two: the endpoints that get a KUBE-SEP chain on this node. */
  allReachableEndpoints: EndpointInfo[];
  /** Whether the service has usable endpoints anywhere in the cluster. */
  hasAnyEndpoints: boolean;
}

/**
 * CategorizeEndpoints (pkg/proxy/topology.go): Ready endpoints, falling back to
 * Serving-and-Terminating ones independently for Cluster and Local policy when none is Ready.
 * `endpoints` must be normalized (sorted); the result keeps that order.
 */
export function categorizeEndpoints(endpoints: EndpointInfo[], info: ServicePortInfo): CategorizedEndpoints {
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  let useServingTerminatingEndpoints = false;

  if (usesClusterEndpoints(info)) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) {
      clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
    }
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }

  if (!usesLocalEndpoints(info)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) {
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  } else if (hasLocalServingTerminating) {
    useServingTerminatingEndpoints = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }

  if (!usesClusterEndpoints(info)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  }
  if (!useServingTerminatingEndpoints) {
    // clusterEndpoints holds every Ready endpoint, a superset of localEndpoints.
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  // Merge: local serving-terminating endpoints are not in clusterEndpoints. (kube-proxy merges
  // through a map, so its order is random; chains are printed sorted by name anyway.)
  const merged = new Map<string, EndpointInfo>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) merged.set(endpointString(ep.ip, ep.port), ep);
  return { clusterEndpoints, localEndpoints, allReachableEndpoints: [...merged.values()], hasAnyEndpoints };
}
