/**
 * A request's `to.host` as the trace reads it. Besides an address or a DNS name, a request may ask
 * for "that Service's load balancer, whatever its address" (on bare metal it has none), written
 * `lb:<ns>/<svc>`. That text is a wire format (links, embeds, the scenario catalog keep it), not an
 * element id: build it with `loadBalancerHost` and read it with `parseRequestHost`, nowhere else.
 */
import { namespacedKey, type Namespaced } from './elementIds';

const LOAD_BALANCER = 'lb:';

/** What a request asks for: a Service's load balancer (by its `ns/name` key, as written), or any other host text. */
export type RequestHost =
  | { kind: 'loadBalancer'; service: string }
  | { kind: 'host'; host: string };

/** The request host that stands for a Service's load balancer. */
export function loadBalancerHost(svc: Namespaced): string {
  return `${LOAD_BALANCER}${namespacedKey(svc)}`;
}

/** Reads a request host (as given: trimming is the caller's). */
export function parseRequestHost(host: string): RequestHost {
  return host.startsWith(LOAD_BALANCER) ? { kind: 'loadBalancer', service: host.slice(LOAD_BALANCER.length) } : { kind: 'host', host };
}
