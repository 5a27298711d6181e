import type { DeletableRef } from './edits';

declare const elementIdBrand: unique symbol;

/**
 * The id of a thing a diagram shows, one scheme everywhere (canvas, store, traces, embeds, tests).
 * Branded so that only `elementId` makes one (as tldraw's `TLShapeId` / `createShapeId`) and only
 * `parseElementId` takes one apart: the text is a wire format (links, embeds, React Flow node ids),
 * not something to split.
 *
 * `cluster`, `node:<name>`, `pod:<ns>/<name>`, `svc:<ns>/<name>`, `lb:<ns>/<name>` (a Service's load
 * balancer), `client:<name>` (an ad-hoc source host uses `client:<ip>`), `ingress:<ns>/<name>`,
 * `external:<host>` (anything outside the cluster a trace reaches). For EndpointSlices whose endpoints
 * back no pod in the cluster: `endpoint:<ns>/<service>/<ip>` (one address of the slices of one Service;
 * `<service>` empty for slices without the service-name label), `slices:<ns>/<service>` (a Service
 * that only its slices name: not in the cluster) and `offnode` (where endpoints with no node sit).
 */
export type ElementRef = string & { readonly [elementIdBrand]: true };

/** A namespaced object, as the model holds it or by its key. */
export type Namespaced = { metadata: { namespace: string; name: string } } | { namespace: string; name: string };

/** `ns/name`: the key the model files a namespaced object under. */
export const namespacedKey = (o: Namespaced): string => {
  const { namespace, name } = 'metadata' in o ? o.metadata : o;
  return `${namespace}/${name}`;
};
const brand = (text: string): ElementRef => text as ElementRef;

/** The one place element ids are built. */
export const elementId = {
  cluster: () => brand('cluster'),
  node: (name: string) => brand(`node:${name}`),
  pod: (pod: Namespaced) => brand(`pod:${namespacedKey(pod)}`),
  service: (svc: Namespaced) => brand(`svc:${namespacedKey(svc)}`),
  loadBalancer: (svc: Namespaced) => brand(`lb:${namespacedKey(svc)}`),
  client: (client: { name: string }) => brand(`client:${client.name}`),
  /** An ad-hoc source host (a trace from an IP, not a named client): drawn as a client. */
  host: (ip: string) => brand(`client:${ip}`),
  ingress: (ingress: Namespaced) => brand(`ingress:${namespacedKey(ingress)}`),
  external: (host: string) => brand(`external:${host}`),
  endpoint: (namespace: string, serviceName: string | undefined, ip: string) => brand(`endpoint:${namespace}/${serviceName ?? ''}/${ip}`),
  sliceService: (namespace: string, serviceName: string) => brand(`slices:${namespace}/${serviceName}`),
  offNode: () => brand('offnode'),
};

/** What an element id stands for. `client` names a client of the settings or an ad-hoc host's IP. */
export type ParsedElementId =
  | { kind: 'cluster' }
  | { kind: 'offNode' }
  | { kind: 'node'; name: string }
  | { kind: 'client'; name: string }
  | { kind: 'external'; host: string }
  | { kind: 'pod' | 'service' | 'loadBalancer' | 'ingress'; namespace: string; name: string }
  | { kind: 'sliceService'; namespace: string; serviceName: string }
  | { kind: 'endpoint'; namespace: string; serviceName: string; ip: string };

/**
 * The one place element ids are taken apart; undefined for any other text (an edge id, a typo).
 * `defaultNamespace` also reads a namespaced id without its namespace (`pod:web-1`), as an embed's
 * `from` option may write it.
 */
export function parseElementId(id: string, { defaultNamespace }: { defaultNamespace?: string } = {}): ParsedElementId | undefined {
  if (id === 'cluster') return { kind: 'cluster' };
  if (id === 'offnode') return { kind: 'offNode' };
  const at = id.indexOf(':');
  if (at < 0) return undefined;
  const rest = id.slice(at + 1);
  const slash = rest.indexOf('/');
  const named = <K extends string>(kind: K) => {
    if (slash >= 0) return { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
    return defaultNamespace === undefined ? undefined : { kind, namespace: defaultNamespace, name: rest };
  };
  switch (id.slice(0, at)) {
    case 'node': return { kind: 'node', name: rest };
    case 'client': return { kind: 'client', name: rest };
    case 'external': return { kind: 'external', host: rest };
    case 'pod': return named('pod');
    case 'svc': return named('service');
    case 'lb': return named('loadBalancer');
    case 'ingress': return named('ingress');
    case 'slices': return slash < 0 ? undefined : { kind: 'sliceService', namespace: rest.slice(0, slash), serviceName: rest.slice(slash + 1) };
    case 'endpoint': {
      const ipAt = rest.indexOf('/', slash + 1);
      return slash < 0 || ipAt < 0 ? undefined
        : { kind: 'endpoint', namespace: rest.slice(0, slash), serviceName: rest.slice(slash + 1, ipAt), ip: rest.slice(ipAt + 1) };
    }
    default: return undefined;
  }
}

/** The object an element id stands for, as something `deleteObject` takes; undefined for the rest. */
export function refForElement(id: string): DeletableRef | undefined {
  const parsed = parseElementId(id);
  switch (parsed?.kind) {
    case 'node': return { kind: 'Node', name: parsed.name };
    case 'client': return { kind: 'Client', name: parsed.name };
    case 'pod': return { kind: 'Pod', namespace: parsed.namespace, name: parsed.name };
    case 'service': return { kind: 'Service', namespace: parsed.namespace, name: parsed.name };
    case 'ingress': return { kind: 'Ingress', namespace: parsed.namespace, name: parsed.name };
    default: return undefined;
  }
}
