/**
 * The packet at a pod: accepted when the app listens on the port, otherwise refused by the pod's
 * own kernel (TCP RST; ICMP port unreachable for UDP). Kubernetes does not require
 * `containers[].ports`: the declaration is informational, and a numeric targetPort reaches the pod
 * whatever is declared. The model has no other statement of what the app binds, so:
 * - a pod that declares ports listens on exactly those (what it declares is taken as the truth);
 * - a pod that declares none at all is taken to listen on whatever port it is sent to, and the
 *   hop that reaches it says so (`portAssumed: 1`): the model cannot know better.
 * A pod of an ingress controller goes on to route the HTTP request on its HTTP ports (ingress.ts).
 */
import type { Pod } from '../cluster';
import { elementId } from '../elementIds';
import { nsName } from './context';
import type { Flow } from './flow';
import { servesHttp } from './ingress';
import type { StepResult } from './place';

/** The container ports a pod declares, as ["8080/TCP", "9090/TCP"]. */
function declaredPorts(pod: Pod): string[] {
  return pod.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`));
}

/** True when no container of the pod declares any port. */
export function declaresNoPorts(pod: Pod): boolean {
  return pod.spec.containers.every((c) => (c.ports ?? []).length === 0);
}

/** True when a container declares the port. */
export function declares(pod: Pod, port: number, protocol: string): boolean {
  return pod.spec.containers.some((c) => (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol));
}

/** What the model takes the app to listen on: the declared ports, or, when none is declared, any port. */
export function listens(pod: Pod, port: number, protocol: string): boolean {
  return declaresNoPorts(pod) || declares(pod, port, protocol);
}

export function deliverAtPod(flow: Flow, pod: Pod): StepResult {
  const { dst, protocol } = flow.packet;
  if (!listens(pod, dst.port, protocol)) {
    return flow.fail('refused', 'reason.pod.notListening', { pod: nsName(pod), port: dst.port, protocol, containerPorts: declaredPorts(pod) });
  }
  if (declaresNoPorts(pod)) {
    // The hop that brought the packet to the pod (hop.pod.deliver, hop.lb.toPod or hop.ingress.proxy) says the port was assumed.
    const last = flow.hops[flow.hops.length - 1];
    if (last && last.to === elementId.pod(pod)) last.explanation.params = { ...last.explanation.params, portAssumed: true, assumedPort: dst.port };
  }
  if (servesHttp(pod, dst.port, protocol) && flow.clientLeg === undefined) return { at: 'ingressController', controller: pod };
  return flow.deliver({ podNamespace: pod.metadata.namespace, podName: pod.metadata.name, ip: dst.ip, port: dst.port });
}
