/**
 * The loop that runs a traced request: it hands the flow to the step for its current place until a
 * step finishes the trace, spends the hop budget (a routing loop stops here, not in a step), and
 * on delivery adds conntrack's way back, built from the flow's plain data (reply.ts).
 */
import { deliverAtPod } from './deliver';
import { leaveCluster } from './egress';
import { fromOutside, toNode } from './entry';
import type { Flow } from './flow';
import { ingressStep } from './ingress';
import { loadBalancerStep } from './loadBalancer';
import { atNode } from './nodeStep';
import { isFinished, type Place, type StepResult } from './place';
import { buildReply } from './reply';
import { route } from './route';
import type { Trace } from './types';

type Steps = { [K in Place['at']]: (flow: Flow, place: Extract<Place, { at: K }>) => StepResult };

const STEPS: Steps = {
  outside: (flow) => fromOutside(flow),
  node: (flow, p) => atNode(flow, p.node),
  nodeRoute: (flow, p) => route(flow, p.node),
  nodeEntry: (flow, p) => toNode(flow, p.node, p.viaExternalIP),
  loadBalancer: (flow, p) => loadBalancerStep(flow, p.service, p.egress),
  pod: (flow, p) => deliverAtPod(flow, p.pod),
  ingressController: (flow, p) => ingressStep(flow, p.controller),
  external: (flow, p) => {
    // ExternalName (or any public name): the client connects to the host itself; nothing proxies.
    leaveCluster(flow, p.node, p.host, p.port);
    return flow.deliver({ ip: p.host, port: p.port });
  },
};

function step<K extends Place['at']>(flow: Flow, place: Extract<Place, { at: K }>): StepResult {
  return (STEPS[place.at] as (flow: Flow, place: Extract<Place, { at: K }>) => StepResult)(flow, place);
}

/** Runs `flow` from `start` to its end. */
export function drive(flow: Flow, start: Place): Trace {
  let next: StepResult = start;
  while (!isFinished(next)) {
    if (flow.exhausted()) return flow.fail('dropped', 'reason.loop', { hops: flow.hops.length });
    next = step(flow, next);
  }
  return withReply(flow, next);
}

/** A delivered trace gets its reply, on the trace and on its last hop (one shared object). */
function withReply(flow: Flow, trace: Trace): Trace {
  if (trace.outcome !== 'delivered') return trace;
  const reply = buildReply(flow);
  trace.reply = reply;
  const last = flow.hops[flow.hops.length - 1];
  if (last) last.reply = reply;
  return trace;
}
