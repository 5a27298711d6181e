/**
 * The packet at a pod: accepted when a container listens on the port, otherwise refused by the
 * pod's own kernel (TCP RST; ICMP port unreachable for UDP). A pod "listens" on the ports its
 * containers declare (`containers[].ports`): the declaration is informational in Kubernetes, but
 * it is the only statement of what the app binds, so the model takes it as the truth.
 * A pod of an ingress controller goes on to route the HTTP request (ingress.ts).
 */
import type { Pod } from '../cluster';
import { nsName } from './context';
import type { Flow } from './flow';
import { ingressStep, isIngressController } from './ingress';
import type { Trace } from './types';

/** The container ports a pod declares, as "8080/TCP,9090/TCP". */
function declaredPorts(pod: Pod): string {
  return pod.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`)).join(',');
}

export function listens(pod: Pod, port: number, protocol: string): boolean {
  return pod.spec.containers.some((c) => (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol));
}

export function deliverAtPod(flow: Flow, pod: Pod): Trace {
  const { dst, protocol } = flow.packet;
  if (!listens(pod, dst.port, protocol)) {
    return flow.fail('refused', 'reason.pod.notListening', { pod: nsName(pod), port: dst.port, protocol, containerPorts: declaredPorts(pod) });
  }
  if (isIngressController(pod) && flow.clientLeg === undefined && protocol === 'TCP') return ingressStep(flow, pod);
  return flow.deliver({ podNamespace: pod.metadata.namespace, podName: pod.metadata.name, ip: dst.ip, port: dst.port });
}
