/**
 * The hops a kube-proxy DNAT makes, whichever mode's rules chose the endpoint: the hop into the
 * Service whose rules took the packet, and the hop(s) from the node to the chosen endpoint.
 */
import type { Service } from '../cluster';
import { elementId } from '../elementIds';
import { nsName } from './context';
import type { Flow } from './flow';
import type { CaptureVia } from './kubeProxyStep';
import { msg } from './messages';
import type { StepResult } from './place';
import type { Address, DocsLayer, Hop, Layer, Message, Rewrite } from './types';

const CAPTURE_LAYER: Record<CaptureVia, [Layer, DocsLayer]> = {
  'cluster-ip': ['cluster-ip', 'ClusterIP'],
  'external-ip': ['cluster-ip', 'ClusterIP'],
  'node-port': ['node-port', 'NodePort'],
  'load-balancer-ip': ['load-balancer', 'LoadBalancer'],
};

/** Records the hop into the Service whose rules took the packet (the "layers" lens visits it). */
export function captureHop(flow: Flow, nodeName: string, service: Service, portName: string, via: CaptureVia): Hop {
  const [layer, docsLayer] = CAPTURE_LAYER[via];
  return flow.hop(elementId.service(service), layer, msg('hop.service.capture', {
    service: nsName(service), servicePort: portName, via, node: nodeName, dst: flow.packet.dst.ip, port: flow.packet.dst.port,
  }), { docsLayer, node: nodeName });
}

/** Moves the DNATed packet from `nodeName` to `target`: a pod here, a pod on another node, or no pod. */
export function toEndpoint(flow: Flow, nodeName: string, target: Address, explanation: Message, rewrites: Rewrite[]): StepResult {
  const pod = flow.ctx.podByIP.get(target.ip);
  const podNode = pod?.spec.nodeName;
  if (pod && podNode === nodeName) {
    flow.hop(elementId.pod(pod), 'pod', explanation, { docsLayer: 'ClusterIP', node: nodeName, rewrites });
    return { at: 'pod', pod };
  }
  if (pod && podNode !== undefined) {
    flow.hop(elementId.node(podNode), 'pod-network', explanation, { docsLayer: 'ClusterIP', node: nodeName, rewrites });
    flow.hop(elementId.pod(pod), 'pod', msg('hop.pod.deliver', { pod: nsName(pod), podIP: target.ip, port: target.port, node: podNode }), { node: podNode });
    return { at: 'pod', pod };
  }
  // An endpoint that is no pod (EndpointSlices written by hand, e.g. for an external database).
  flow.hop(elementId.external(target.ip), 'pod-network', explanation, { docsLayer: 'ClusterIP', node: nodeName, rewrites });
  return flow.deliver({ ip: target.ip, port: target.port });
}
