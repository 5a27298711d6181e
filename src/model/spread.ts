import type { Cluster } from './cluster';
import { trace } from './trace/trace';
import type { Outcome, TraceRequest } from './trace/types';

export interface SpreadResult {
  total: number;
  /** Where delivered requests ended, most first. */
  endpoints: { pod?: string; ip: string; port: number; count: number }[];
  /** Requests that did not arrive, by outcome. */
  failed: Partial<Record<Exclude<Outcome, 'delivered'>, number>>;
}

/**
 * Sends the same request `count` times as new connections (seeds 1…count: each is a new client port,
 * so iptables' random `statistic` match and the load balancer choose afresh) and counts where they
 * land. ClientIP session affinity keeps them on one pod; `externalTrafficPolicy: Local` only ever
 * reaches pods on the node the load balancer picked.
 */
export function sendMany(cluster: Cluster, request: TraceRequest, count = 100): SpreadResult {
  const byEndpoint = new Map<string, SpreadResult['endpoints'][number]>();
  const failed: SpreadResult['failed'] = {};
  for (let seed = 1; seed <= count; seed++) {
    const t = trace(cluster, request, { seed });
    if (t.outcome !== 'delivered' || !t.endpoint) {
      const outcome = t.outcome === 'delivered' ? 'dropped' : t.outcome;
      failed[outcome] = (failed[outcome] ?? 0) + 1;
      continue;
    }
    const key = `${t.endpoint.ip}:${t.endpoint.port}`;
    const entry = byEndpoint.get(key) ?? { ...(t.endpoint.podName ? { pod: t.endpoint.podName } : {}), ip: t.endpoint.ip, port: t.endpoint.port, count: 0 };
    entry.count++;
    byEndpoint.set(key, entry);
  }
  return { total: count, endpoints: [...byEndpoint.values()].sort((a, b) => b.count - a.count || a.ip.localeCompare(b.ip)), failed };
}
