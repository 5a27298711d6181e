/**
 * The EndpointSlices a cluster holds for a Service: the given ones, or those the EndpointSlice
 * controller would write from the selector (one slice per distinct set of resolved ports; a
 * placeholder slice with no ports and no endpoints when nothing matches). Names are
 * `<service>-<5 chars>` (generateName), made stable here.
 */
import type { Cluster, EndpointSlice, Service } from '../cluster';
import { stableSuffix } from '../addressing';
import { endpointsFor } from '../endpoints';

export function slicesFor(cluster: Cluster, service: Service): EndpointSlice[] {
  const given = cluster.endpointSlices.filter((s) => s.metadata.namespace === service.metadata.namespace
    && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name);
  if (given.length) return given;
  const result = endpointsFor(cluster, service);
  if (result.source !== 'selector') return [];
  const groups = new Map<string, EndpointSlice>();
  const meta = (index: number): EndpointSlice['metadata'] => ({
    name: `${service.metadata.name}-${stableSuffix(`${service.metadata.namespace}/${service.metadata.name}/slice/${index}`)}`,
    namespace: service.metadata.namespace,
    labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': service.metadata.name },
    ...(service.metadata.creationTimestamp ? { creationTimestamp: service.metadata.creationTimestamp } : {}),
  });
  for (const address of result.addresses ?? []) {
    const ports = result.ports.flatMap(({ servicePort, endpoints }) => {
      const e = endpoints.find((x) => x.ip === address.ip);
      return e ? [{ name: servicePort.name ?? '', port: e.port, protocol: servicePort.protocol }] : [];
    });
    const key = JSON.stringify(ports);
    let slice = groups.get(key);
    if (!slice) {
      slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta(groups.size), addressType: 'IPv4', endpoints: [], ports };
      groups.set(key, slice);
    }
    slice.endpoints.push({
      addresses: [address.ip],
      conditions: { ready: address.ready, serving: address.serving, terminating: address.terminating },
      ...(address.nodeName ? { nodeName: address.nodeName } : {}),
      ...(address.hostname ? { hostname: address.hostname } : {}),
      ...(address.podName ? { targetRef: { kind: 'Pod' as const, name: address.podName, namespace: service.metadata.namespace } } : {}),
    });
  }
  if (groups.size === 0) return [{ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta(0), addressType: 'IPv4', endpoints: [], ports: [] }];
  return [...groups.values()];
}
