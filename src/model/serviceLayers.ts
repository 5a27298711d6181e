/**
 * Which of the docs' nested layers (LoadBalancer ⊃ NodePort ⊃ ClusterIP) a Service really has,
 * outermost first. The nesting is the usual case, not a law:
 * - a ClusterIP Service has only its ClusterIP; a NodePort one adds nodePorts around it;
 * - a LoadBalancer Service has nodePorts only when they are allocated
 *   (`spec.allocateLoadBalancerNodePorts`, default true; a port keeps a nodePort set by hand), and
 *   when the cloud's balancer sends straight to pod IPs (`loadBalancerTargets: Pod`) it does not
 *   go through them even if they exist;
 * - a headless Service (`clusterIP: None`) has no virtual IP and no proxy layer at all: DNS hands
 *   out pod IPs; an ExternalName Service is a DNS alias only.
 * An Ingress sits over its backend Service: its controller reads the backend's EndpointSlices and
 * goes to the pods (ingress-nginx), so only the Ingress layer is on the path, over the backend's layers.
 */
import { isHeadless, type Cluster, type ClusterSettingsSpec, type Service } from './cluster';
import { namespacedKey, parseElementId, type ElementRef } from './elementIds';
import type { DocsLayer, Trace } from './trace/types';

export interface ServiceLayers {
  /** The layers the Service has, outermost first (empty for a headless Service). */
  layers: DocsLayer[];
  /** Layers it has that the load balancer's traffic does not pass (nodePorts under pod-target balancers). */
  bypassed: DocsLayer[];
  /** Why a layer of the usual nesting is missing; undefined when the Service has the full nesting of its type. */
  missing?: 'headless' | 'external-name' | 'no-node-ports';
}

/** The layers of `service` (see the file comment); `targets` is the cluster's `loadBalancerTargets`. */
export function serviceLayers(service: Service, targets: ClusterSettingsSpec['loadBalancerTargets'] = 'NodePort'): ServiceLayers {
  const { type } = service.spec;
  if (type === 'ExternalName') return { layers: ['ExternalName'], bypassed: [], missing: 'external-name' };
  if (isHeadless(service)) return { layers: [], bypassed: [], missing: 'headless' };
  if (type === 'ClusterIP') return { layers: ['ClusterIP'], bypassed: [] };
  if (type === 'NodePort') return { layers: ['NodePort', 'ClusterIP'], bypassed: [] };
  // LoadBalancer: nodePorts exist when allocated, or when a port names one explicitly.
  const hasNodePorts = service.spec.allocateLoadBalancerNodePorts !== false || service.spec.ports.some((p) => p.nodePort !== undefined);
  if (!hasNodePorts) return { layers: ['LoadBalancer', 'ClusterIP'], bypassed: [], missing: 'no-node-ports' };
  return { layers: ['LoadBalancer', 'NodePort', 'ClusterIP'], bypassed: targets === 'Pod' ? ['NodePort'] : [] };
}

/** The layers of an Ingress over its backend Service (the backend's own layers follow the Ingress). */
export function ingressLayers(backend: Service | undefined, targets?: ClusterSettingsSpec['loadBalancerTargets']): ServiceLayers {
  if (!backend) return { layers: ['Ingress'], bypassed: [] };
  // The controller skips the backend's ClusterIP (and any nodePort): all of them are bypassed.
  const inner = serviceLayers(backend, targets);
  return { ...inner, layers: ['Ingress', ...inner.layers], bypassed: inner.layers };
}

/** `ns/name` of the Service an element ref stands for (the Service or its load balancer), else undefined. */
function serviceKeyOf(ref: ElementRef): string | undefined {
  const parsed = parseElementId(ref);
  return parsed?.kind === 'service' || parsed?.kind === 'loadBalancer' ? namespacedKey(parsed) : undefined;
}

/**
 * The layers to draw for hop `index` of a trace: those of the Service whose rules handle that part
 * of the path (found from the hops' `svc:`/`lb:` elements of the same connection), or, on an
 * Ingress hop, the Ingress over its backend. Undefined when no Service is involved (a pod IP dialled
 * directly, a headless Service's pod).
 */
export function layersAtHop(cluster: Cluster, trace: Trace, index: number): ServiceLayers | undefined {
  const hop = trace.hops[index];
  if (!hop) return undefined;
  const targets = cluster.settings.loadBalancerTargets;
  const byKey = (key: string | undefined) => cluster.services.find((s) => `${s.metadata.namespace}/${s.metadata.name}` === key);
  if (hop.docsLayer === 'Ingress') {
    return ingressLayers(trace.service ? byKey(`${trace.service.namespace}/${trace.service.name}`) : undefined, targets);
  }
  if (hop.docsLayer === 'ExternalName') return { layers: ['ExternalName'], bypassed: [], missing: 'external-name' };
  // The client's connection ends at the first Ingress hop; search only the hops before it.
  const firstIngress = trace.hops.findIndex((h) => h.docsLayer === 'Ingress');
  const end = firstIngress < 0 ? trace.hops.length : firstIngress;
  const order = [...Array.from({ length: index + 1 }, (_, i) => index - i), ...Array.from({ length: Math.max(0, end - index - 1) }, (_, i) => index + 1 + i)];
  for (const i of order) {
    const h = trace.hops[i]!;
    const service = byKey(serviceKeyOf(h.to) ?? serviceKeyOf(h.from));
    if (service) return serviceLayers(service, targets);
  }
  return undefined;
}
