import type { Cluster, Service } from '../model/cluster';
import { endpointsFor } from '../model/endpoints';
import { nearMissLabel } from '../model/nearMiss';
import { elementId } from '../model/elementIds';
import type { EndpointEdge } from './flowTypes';

/**
 * Service → pod edges from the model's endpoints: every pod a ready endpoint of some port, every
 * selected pod that is not (with why), and pods one label short of being selected.
 */
export function serviceEndpointEdges(cluster: Cluster, service: Service): EndpointEdge[] {
  if (service.spec.type === 'ExternalName') return [];
  const result = endpointsFor(cluster, service);
  const source = elementId.service(service);
  const selectorSize = Object.keys(service.spec.selector ?? {}).length;
  const edges: EndpointEdge[] = [];
  // Grouped by pod once: looking each pod up in the whole lists made a cluster of 300 Services and
  // 2,000 pods take seconds to draw (every pod against every other pod's exclusions).
  const endpointsOf = groupBy(result.ports.flatMap((p) => p.endpoints), (e) => e.podName);
  const excludedOf = groupBy(result.excluded, (e) => e.podName);
  for (const pod of cluster.pods) {
    if (pod.metadata.namespace !== service.metadata.namespace) continue;
    const name = pod.metadata.name;
    const target = elementId.pod(pod);
    const id = `${source}->${target}`;
    const endpoints = endpointsOf.get(name) ?? [];
    const ready = endpoints.filter((e) => e.ready);
    if (ready.length > 0) {
      // With the protocol: kube-dns sends 53/UDP and 53/TCP to the same address.
      const where = ready.map((e) => `${e.ip}:${e.port}/${e.protocol}`).join(', ');
      edges.push({ id, source, target, type: 'endpoint', data: { status: 'ready' }, ariaLabel: `${service.metadata.name} sends to ${name} at ${where}` });
      continue;
    }
    const reasons = excludedOf.get(name) ?? [];
    if (endpoints.length > 0 || reasons.some((r) => r.reason.kind === 'not-ready' || r.reason.kind === 'terminating')) {
      const reason = reasons.some((r) => r.reason.kind === 'terminating') ? 'terminating: no new traffic' : 'not ready: no traffic';
      edges.push({ id, source, target, type: 'endpoint', data: { status: 'not-ready', reason }, ariaLabel: `${name} is selected by ${service.metadata.name} but ${reason}` });
      continue;
    }
    const portMissing = reasons.find((r) => r.reason.kind === 'port-name-missing');
    if (portMissing && portMissing.reason.kind === 'port-name-missing') {
      const reason = `no container port named "${portMissing.reason.portName}"`;
      edges.push({ id, source, target, type: 'endpoint', data: { status: 'near-miss', reason }, ariaLabel: `${name} is selected by ${service.metadata.name} but has ${reason}` });
      continue;
    }
    const miss = nearMissLabel(reasons, name, selectorSize);
    if (miss) {
      const reason = `${miss.key}=${miss.actual ?? '(missing)'}, selector wants ${miss.key}=${miss.expected}`;
      edges.push({ id, source, target, type: 'endpoint', data: { status: 'near-miss', reason }, ariaLabel: `${name} is not selected by ${service.metadata.name}: ${reason}` });
    }
  }
  return edges;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
