/**
 * Per-cluster lookups the trace needs, built once per `Cluster` object and cached in a WeakMap:
 * address indexes, each Service's endpoints and each node's kube-proxy rules — iptables or nftables,
 * as settings.kubeProxyMode says — built lazily, the first time a packet reaches that node. The model treats a `Cluster` as immutable (the store
 * replaces it on every edit), so a cached entry never goes stale; a caller who mutates a cluster
 * in place must pass a copy.
 */
import { nodeExternalIP, nodeInternalIP, type Cluster, type Node, type Pod, type Service } from '../cluster';
import { endpointsFor, type EndpointsResult } from '../endpoints';
import { loadBalancerHostnameAddresses } from '../dns';
import { inCidr } from '../ip';
import { buildRuleSet, fromCluster, type RuleSet } from '../kubeproxy';
import { nftablesInputFor } from '../kubeproxy/nftables';
import { nftablesRules } from '../kubeproxy/nftables/sync';
import type { NftRuleset } from '../kubeproxy/nftables/types';

export interface TraceContext {
  cluster: Cluster;
  nodeByName: Map<string, Node>;
  nodeByInternalIP: Map<string, Node>;
  nodeByExternalIP: Map<string, Node>;
  /** Running pods by status.podIP. */
  podByIP: Map<string, Pod>;
  podByName: Map<string, Pod>;
  serviceByName: Map<string, Service>;
  serviceByClusterIP: Map<string, Service>;
  /**
   * status.loadBalancer.ingress[].ip → Service; a balancer known only by its hostname (AWS ELB
   * names such as a1b2-123.us-east-1.elb.amazonaws.com) is keyed by the address the explainer
   * stands in with for public DNS's answer (dns.ts loadBalancerHostnameAddresses): the cluster
   * never learns the balancer's real addresses.
   */
  serviceByLoadBalancerIP: Map<string, Service>;
  /** The stand-in address of a hostname-only balancer → its hostname (as status.loadBalancer.ingress spells it). */
  loadBalancerHostnameByIP: Map<string, string>;
  /** spec.externalIPs → Service. */
  serviceByExternalIP: Map<string, Service>;
  endpoints(service: Service): EndpointsResult;
  /** The iptables rules kube-proxy writes on `nodeName` (what its iptables mode evaluates). */
  rules(nodeName: string): RuleSet;
  /** The nftables ruleset kube-proxy writes on `nodeName` (what its nftables mode evaluates). */
  nftRules(nodeName: string): NftRuleset;
}

const cache = new WeakMap<Cluster, TraceContext>();

/** `ns/name`, the key of namespaced objects here. */
export const nsName = (o: { metadata: { namespace: string; name: string } }): string => `${o.metadata.namespace}/${o.metadata.name}`;

function build(cluster: Cluster): TraceContext {
  const nodeByName = new Map<string, Node>();
  const nodeByInternalIP = new Map<string, Node>();
  const nodeByExternalIP = new Map<string, Node>();
  for (const node of cluster.nodes) {
    nodeByName.set(node.metadata.name, node);
    const internal = nodeInternalIP(node);
    if (internal) nodeByInternalIP.set(internal, node);
    const external = nodeExternalIP(node);
    if (external) nodeByExternalIP.set(external, node);
  }
  const podByIP = new Map<string, Pod>();
  const podByName = new Map<string, Pod>();
  for (const pod of cluster.pods) {
    podByName.set(nsName(pod), pod);
    if (pod.status.podIP && pod.status.phase === 'Running' && !podByIP.has(pod.status.podIP)) podByIP.set(pod.status.podIP, pod);
  }
  const serviceByName = new Map<string, Service>();
  const serviceByClusterIP = new Map<string, Service>();
  const serviceByLoadBalancerIP = new Map<string, Service>();
  const serviceByExternalIP = new Map<string, Service>();
  const loadBalancerHostnameByIP = new Map<string, string>();
  const standIns = loadBalancerHostnameAddresses(cluster);
  for (const svc of cluster.services) {
    serviceByName.set(nsName(svc), svc);
    const ip = svc.spec.clusterIP;
    if (ip && ip !== 'None' && svc.spec.type !== 'ExternalName') serviceByClusterIP.set(ip, svc);
    if (svc.spec.type === 'LoadBalancer') {
      for (const ing of svc.status.loadBalancer.ingress ?? []) {
        const address = ing.ip ?? (ing.hostname !== undefined ? standIns.get(ing.hostname.toLowerCase().replace(/\.$/, '')) : undefined);
        if (address) serviceByLoadBalancerIP.set(address, svc);
        if (address && ing.ip === undefined && ing.hostname !== undefined && !loadBalancerHostnameByIP.has(address)) loadBalancerHostnameByIP.set(address, ing.hostname);
      }
    }
    for (const ext of svc.spec.externalIPs ?? []) serviceByExternalIP.set(ext, svc);
  }
  const endpointCache = new Map<Service, EndpointsResult>();
  const endpoints = (svc: Service): EndpointsResult => {
    let result = endpointCache.get(svc);
    if (!result) {
      result = endpointsFor(cluster, svc);
      endpointCache.set(svc, result);
    }
    return result;
  };
  const ruleCache = new Map<string, RuleSet>();
  const rules = (nodeName: string): RuleSet => {
    let ruleSet = ruleCache.get(nodeName);
    if (!ruleSet) {
      // The same input iptablesSave/nodeVerdict build, with endpoints computed once per cluster.
      ruleSet = buildRuleSet(fromCluster(cluster, nodeName, undefined, endpoints));
      ruleCache.set(nodeName, ruleSet);
    }
    return ruleSet;
  };
  const nftCache = new Map<string, NftRuleset>();
  const nftRules = (nodeName: string): NftRuleset => {
    let ruleset = nftCache.get(nodeName);
    if (!ruleset) {
      // The same input nftablesDump/nftNodeVerdict build, with endpoints computed once per cluster.
      ruleset = nftablesRules(nftablesInputFor(cluster, nodeName, {}, endpoints));
      nftCache.set(nodeName, ruleset);
    }
    return ruleset;
  };
  return {
    cluster, nodeByName, nodeByInternalIP, nodeByExternalIP, podByIP, podByName,
    serviceByName, serviceByClusterIP, serviceByLoadBalancerIP, loadBalancerHostnameByIP, serviceByExternalIP, endpoints, rules, nftRules,
  };
}

/** The cached context of `cluster`. */
export function traceContext(cluster: Cluster): TraceContext {
  let ctx = cache.get(cluster);
  if (!ctx) {
    ctx = build(cluster);
    cache.set(cluster, ctx);
  }
  return ctx;
}

/** The node whose spec.podCIDR holds `ip` (where the pod network routes it). */
export function nodeForPodIP(ctx: TraceContext, ip: string): Node | undefined {
  return ctx.cluster.nodes.find((n) => n.spec.podCIDR !== undefined && inCidr(ip, n.spec.podCIDR));
}
