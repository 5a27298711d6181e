/**
 * The element a trace source is drawn as, and back. Light on purpose (no trace engine behind it):
 * the packet marker and the embed's `from` option use it before the engine loads.
 */
import { elementId, parseElementId, type ElementRef } from './elementIds';
import type { TraceSource } from './trace/types';

/** The element a request starts from: a client, an ad-hoc host (drawn as a client), a pod or a node. */
export function sourceElement(from: TraceSource): ElementRef {
  switch (from.kind) {
    case 'client': return elementId.client(from);
    case 'host': return elementId.host(from.ip);
    case 'pod': return elementId.pod(from);
    case 'node': return elementId.node(from.name);
  }
}

/**
 * `client:web`, `pod:default/web-1` (`pod:web-1` in `default`), `node:worker-1` → a trace source;
 * undefined for any other element or an empty name.
 */
export function sourceOfElement(ref: string): TraceSource | undefined {
  const element = parseElementId(ref, { defaultNamespace: 'default' });
  switch (element?.kind) {
    case 'client': return element.name ? { kind: 'client', name: element.name } : undefined;
    case 'node': return element.name ? { kind: 'node', name: element.name } : undefined;
    case 'pod': return element.namespace && element.name ? { kind: 'pod', namespace: element.namespace, name: element.name } : undefined;
    default: return undefined;
  }
}
