import type { Cluster } from './cluster';
import { msg } from './trace/messages';
import { trace } from './trace/trace';
import type { Message, Outcome, Trace, TraceRequest } from './trace/types';

/** One endpoint requests ended at, and how many did. */
export interface SpreadEndpoint { pod?: string; ip: string; port: number; count: number }

export interface SpreadResult {
  total: number;
  /** Where delivered requests ended, most first. */
  endpoints: SpreadEndpoint[];
  /**
   * Delivered requests by the node whose kube-proxy chose the endpoint (made the DNAT), with the
   * endpoints it chose (the same objects as in `endpoints`), most chosen first. Empty when no
   * kube-proxy chose (Pod targets, a pod IP).
   */
  byNode: { node: string; count: number; endpoints: SpreadEndpoint[] }[];
  /** Requests that did not arrive, by outcome. */
  failed: Partial<Record<Exclude<Outcome, 'delivered'>, number>>;
  /** Why the spread looks as it does, when a rule shapes it (sessionAffinity ClientIP). */
  note?: Message;
}

/** The node whose kube-proxy made the DNAT to the endpoint (the last one, after an ingress controller). */
function dnatNode(t: Trace): string | undefined {
  const dnats = t.hops.flatMap((h) => h.rewrites).filter((r) => r.by === 'kube-proxy' && r.kind === 'DNAT' && r.node);
  return dnats[dnats.length - 1]?.node;
}

/**
 * Sends the same request `count` times as new connections (seeds 1…count: each is a new client port,
 * so iptables' random `statistic` match and the load balancer choose afresh) and counts where they
 * land. ClientIP session affinity is remembered by each node's kernel on its own (`-m recent`), so
 * it keeps a client on one pod *per node*: behind a load balancer that spreads connections over
 * nodes the client reaches up to one pod per node used. `externalTrafficPolicy: Local` only ever
 * reaches pods on the node the load balancer picked.
 */
export function sendMany(cluster: Cluster, request: TraceRequest, count = 100): SpreadResult {
  const byEndpoint = new Map<string, SpreadEndpoint>();
  const byNode = new Map<string, { node: string; count: number; endpoints: Map<SpreadEndpoint, number> }>();
  const failed: SpreadResult['failed'] = {};
  let service: Trace['service'];
  for (let seed = 1; seed <= count; seed++) {
    const t = trace(cluster, request, { seed });
    if (t.outcome !== 'delivered' || !t.endpoint) {
      const outcome = t.outcome === 'delivered' ? 'dropped' : t.outcome;
      failed[outcome] = (failed[outcome] ?? 0) + 1;
      continue;
    }
    service ??= t.service;
    const key = `${t.endpoint.ip}:${t.endpoint.port}`;
    const entry = byEndpoint.get(key) ?? { ...(t.endpoint.podName ? { pod: t.endpoint.podName } : {}), ip: t.endpoint.ip, port: t.endpoint.port, count: 0 };
    entry.count++;
    byEndpoint.set(key, entry);
    const node = dnatNode(t);
    if (node !== undefined) {
      const n = byNode.get(node) ?? { node, count: 0, endpoints: new Map<SpreadEndpoint, number>() };
      n.count++;
      n.endpoints.set(entry, (n.endpoints.get(entry) ?? 0) + 1);
      byNode.set(node, n);
    }
  }
  const endpoints = [...byEndpoint.values()].sort((a, b) => b.count - a.count || a.ip.localeCompare(b.ip));
  const nodes = [...byNode.values()].sort((a, b) => b.count - a.count || a.node.localeCompare(b.node)).map((n) => ({
    node: n.node, count: n.count, endpoints: [...n.endpoints.entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e),
  }));
  const result: SpreadResult = { total: count, endpoints, byNode: nodes, failed };
  const svc = service && cluster.services.find((s) => s.metadata.namespace === service.namespace && s.metadata.name === service.name);
  if (svc?.spec.sessionAffinity === 'ClientIP' && nodes.length > 0) {
    result.note = msg(nodes.length > 1 ? 'spread.affinityPerNode' : 'spread.affinityOneNode', {
      service: `${svc.metadata.namespace}/${svc.metadata.name}`, nodes: nodes.length, pods: endpoints.length,
      nodeNames: nodes.map((n) => n.node),
      ...(cluster.settings.kubeProxyMode === 'nftables' ? { proxyMode: 'nftables' as const } : {}),
    });
  }
  return result;
}
