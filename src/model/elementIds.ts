import type { Client, Ingress, Pod, Service } from './cluster';
import type { DeletableRef } from './edits';

/**
 * Ids of the things a diagram shows, one scheme everywhere (canvas, store, traces, embeds, tests):
 * `cluster`, `node:<name>`, `pod:<ns>/<name>`, `svc:<ns>/<name>`, `lb:<ns>/<name>`, `client:<name>`, `ingress:<ns>/<name>`.
 * For EndpointSlices whose endpoints back no pod in the cluster: `endpoint:<ns>/<service>/<ip>` (one
 * address of the slices of one Service; `<service>` empty for slices without the service-name label),
 * `slices:<ns>/<service>` (a Service that only its slices name: not in the cluster) and
 * `offnode` (where endpoints with no node sit).
 */
export const elementId = {
  cluster: () => 'cluster',
  node: (name: string) => `node:${name}`,
  pod: (pod: Pod) => `pod:${pod.metadata.namespace}/${pod.metadata.name}`,
  service: (svc: Service) => `svc:${svc.metadata.namespace}/${svc.metadata.name}`,
  loadBalancer: (svc: Service) => `lb:${svc.metadata.namespace}/${svc.metadata.name}`,
  client: (client: Client) => `client:${client.name}`,
  ingress: (ingress: Ingress) => `ingress:${ingress.metadata.namespace}/${ingress.metadata.name}`,
  endpoint: (namespace: string, serviceName: string | undefined, ip: string) => `endpoint:${namespace}/${serviceName ?? ''}/${ip}`,
  sliceService: (namespace: string, serviceName: string) => `slices:${namespace}/${serviceName}`,
  offNode: () => 'offnode',
};

/** The object an element id stands for, as something `deleteObject` takes; undefined for the rest. */
export function refForElement(id: string): DeletableRef | undefined {
  const at = id.indexOf(':');
  if (at < 0) return undefined;
  const prefix = id.slice(0, at);
  const rest = id.slice(at + 1);
  const slash = rest.indexOf('/');
  const namespaced = slash < 0 ? undefined : { namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
  switch (prefix) {
    case 'node': return { kind: 'Node', name: rest };
    case 'client': return { kind: 'Client', name: rest };
    case 'pod': return namespaced && { kind: 'Pod', ...namespaced };
    case 'svc': return namespaced && { kind: 'Service', ...namespaced };
    case 'ingress': return namespaced && { kind: 'Ingress', ...namespaced };
    default: return undefined;
  }
}
