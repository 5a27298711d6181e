/**
 * Where a traced request is between steps: each step takes the flow at one place and returns the
 * next place, or the finished trace. Only the loop (drive.ts) turns a place into the step that
 * handles it, so no step calls another and the step modules do not import each other.
 */
import type { Node, Pod, Service } from '../cluster';
import type { Rewrite, Trace } from './types';

export type Place =
  /** From outside the cluster, at its destination address (entry.ts fromOutside). */
  | { at: 'outside' }
  /** At a node: its kube-proxy rules see the packet first (nodeStep.ts). */
  | { at: 'node'; node: string }
  /** At a node whose rules left the packet alone: its routing table decides (route.ts). */
  | { at: 'nodeRoute'; node: string }
  /** Sent to a node's own address from outside it (entry.ts toNode). */
  | { at: 'nodeEntry'; node: Node; viaExternalIP: boolean }
  /** At a Service's cloud load balancer; `egress` is the sender's masquerade on the way out (loadBalancer.ts). */
  | { at: 'loadBalancer'; service: Service; egress: Rewrite[] }
  /** At a pod, the packet on its interface (deliver.ts). */
  | { at: 'pod'; pod: Pod }
  /** At an ingress controller pod serving HTTP: it routes the request (ingress.ts). */
  | { at: 'ingressController'; controller: Pod }
  /** Leaving the cluster for a host that public DNS names (an ExternalName or public name). */
  | { at: 'external'; host: string; port: number; node?: string };

/** What a step returns: the next place, or the finished trace. */
export type StepResult = Place | Trace;

/** True when the step finished the trace. */
export function isFinished(result: StepResult): result is Trace {
  return 'outcome' in result;
}
