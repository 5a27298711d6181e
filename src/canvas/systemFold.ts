/**
 * The kube-system fold: cluster DNS (the kube-dns Service and its CoreDNS pods) exists in every
 * cluster, so the canvas keeps it folded away until the user opens it or a trace passes through it.
 */
import type { Cluster } from '../model/cluster';
import { parseElementId } from '../model/elementIds';
import type { Trace } from '../model/trace/types';

export const SYSTEM_NAMESPACE = 'kube-system';

export const isSystemObject = (o: { metadata: { namespace?: string } }): boolean => o.metadata.namespace === SYSTEM_NAMESPACE;

/** How much the fold hides. */
export function systemSummary(cluster: Cluster): { services: number; pods: number } {
  return { services: cluster.services.filter(isSystemObject).length, pods: cluster.pods.filter(isSystemObject).length };
}

/** True when an element id (`svc:<ns>/<name>`, `pod:<ns>/<name>`, `endpoint:<ns>/…`, `slices:<ns>/…`) is in kube-system. */
export function isSystemElement(id: string | null | undefined): boolean {
  const element = id ? parseElementId(id) : undefined;
  switch (element?.kind) {
    case 'service': case 'pod': case 'endpoint': case 'sliceService': return element.namespace === SYSTEM_NAMESPACE;
    default: return false;
  }
}

/** True when a trace visits a kube-system element (a DNS lookup does), so the fold must open. */
export function traceTouchesSystem(trace: Trace | null): boolean {
  return !!trace && trace.hops.some((h) => isSystemElement(h.from) || isSystemElement(h.to));
}
