/**
 * A packet at a node: kube-proxy's rules first (nat PREROUTING for packets arriving from a pod or
 * the wire, nat OUTPUT for the node's own processes — both jump to the same KUBE-SERVICES chain),
 * then, when no rule touched it, the node's routing table.
 */
import { nodeInternalIP, type Service } from '../cluster';
import { elementId } from '../elementIds';
import type { PacketTrace, RulePurpose, RuleSet } from '../kubeproxy';
import { nsName } from './context';
import { endpointDetails } from './details';
import type { Flow } from './flow';
import {
  captureVia, chooseEndpoint, dnatRewrite, egressAddress, evaluate, lookupServicePort, masqueradeRewrite,
  parseAddress, servicePortOf, VIA_OF_PATH, type CaptureVia,
} from './kubeProxyStep';
import { msg } from './messages';
import type { StepResult } from './place';
import type { DocsLayer, Layer, Rewrite, Trace } from './types';

const CAPTURE_LAYER: Record<CaptureVia, [Layer, DocsLayer]> = {
  'cluster-ip': ['cluster-ip', 'ClusterIP'],
  'external-ip': ['cluster-ip', 'ClusterIP'],
  'node-port': ['node-port', 'NodePort'],
  'load-balancer-ip': ['load-balancer', 'LoadBalancer'],
};

/** Records the hop into the Service whose rules took the packet (the "layers" lens visits it). */
function captureHop(flow: Flow, nodeName: string, service: Service, portName: string, via: CaptureVia): void {
  const [layer, docsLayer] = CAPTURE_LAYER[via];
  flow.hop(elementId.service(service), layer, msg('hop.service.capture', {
    service: nsName(service), servicePort: portName, via, node: nodeName, dst: flow.packet.dst.ip, port: flow.packet.dst.port,
  }), { docsLayer, node: nodeName });
}

/** Handles the packet now at `nodeName` (it has arrived there, or its source runs there). */
export function atNode(flow: Flow, nodeName: string): StepResult {
  const { ruleSet, result } = evaluate(flow, nodeName);
  if (result.endpoints.length > 0) return serviceDnat(flow, nodeName, ruleSet, result);
  const stop = result.outputs.find((o) => o === 'REJECT' || o === 'DROP' || o === 'ACCEPT');
  if (stop !== undefined) return filterVerdict(flow, nodeName, result, stop);
  return { at: 'nodeRoute', node: nodeName };
}

/** kube-proxy DNATs the packet to one endpoint (and maybe masquerades it); then on to the pod. */
function serviceDnat(flow: Flow, nodeName: string, ruleSet: RuleSet, result: PacketTrace): StepResult {
  const { ctx } = flow;
  const firstRef = servicePortOf(result.endpoints[0]!.rules);
  const found = firstRef ? lookupServicePort(ctx, firstRef, flow.packet.protocol) : undefined;
  const { choice, method, ref } = chooseEndpoint(flow, result.endpoints, found?.service, nodeName);
  const node = ctx.nodeByName.get(nodeName)!;
  const nodeIP = nodeInternalIP(node) ?? '';
  const via = captureVia(choice.rules);
  if (found) {
    captureHop(flow, nodeName, found.service, ref.portName, via);
    flow.service = { namespace: found.service.metadata.namespace, name: found.service.metadata.name, portName: ref.portName, port: found.port.port };
  }
  const target = parseAddress(choice.destination);
  const rewrites: Rewrite[] = [dnatRewrite(flow.packet.dst, choice, nodeName)];
  if (choice.masquerade) {
    rewrites.push(masqueradeRewrite(flow, ruleSet, choice, nodeName, egressAddress(ctx, nodeName, target.ip, nodeIP)));
  }
  const pod = ctx.podByIP.get(target.ip);
  const podNode = pod?.spec.nodeName;
  const explanation = msg('hop.service.dnat', {
    service: ref.key, endpoint: choice.destination, pod: pod ? nsName(pod) : undefined, node: nodeName,
    endpointNode: podNode, candidates: result.endpoints.length, method, masquerade: choice.masquerade,
  });
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

/** The path a filter rule stopped: its own for a no-endpoints rule; an LB IP for the firewall. */
function stoppedVia(purpose: RulePurpose): CaptureVia {
  if (purpose.kind === 'noEndpoints') return VIA_OF_PATH[purpose.path];
  if (purpose.kind === 'firewallDrop') return 'load-balancer-ip';
  return 'node-port';
}

/** REJECT / DROP / ACCEPT from kube-proxy's filter rules. */
function filterVerdict(flow: Flow, nodeName: string, result: PacketTrace, verdict: string): Trace {
  const { ctx } = flow;
  const rule = result.matched.find((r) => r.target.kind === verdict) ?? result.matched[result.matched.length - 1]!;
  const ref = servicePortOf([rule]);
  const found = ref ? lookupServicePort(ctx, ref, flow.packet.protocol) : undefined;
  const purpose = rule.purpose;
  if (found && ref) {
    if (verdict !== 'ACCEPT') captureHop(flow, nodeName, found.service, ref.portName, stoppedVia(purpose));
    flow.service = { namespace: found.service.metadata.namespace, name: found.service.metadata.name, portName: ref.portName, port: found.port.port };
  }
  const service = ref?.key;
  if (verdict === 'ACCEPT') {
    flow.hop(elementId.node(nodeName), 'node-port', msg('hop.node.healthCheck', { node: nodeName, port: flow.packet.dst.port, service }), { node: nodeName });
    return flow.deliver({ ip: flow.packet.dst.ip, port: flow.packet.dst.port });
  }
  if (verdict === 'REJECT') {
    const details = found ? endpointDetails(found.service, ctx.endpoints(found.service), ref?.portName ?? '') : [];
    return flow.fail('refused', 'reason.kubeProxy.noEndpoints', { service, servicePort: ref?.portName, node: nodeName, rule: rule.text }, details);
  }
  if (purpose.kind === 'noEndpoints' && purpose.local) {
    const policy = purpose.path === 'clusterIP' ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
    return flow.fail('dropped', 'reason.kubeProxy.noLocalEndpoints', { service, servicePort: ref?.portName, node: nodeName, policy, rule: rule.text });
  }
  if (purpose.kind === 'firewallDrop') {
    return flow.fail('dropped', 'reason.kubeProxy.sourceRange', { service, clientIP: flow.packet.src.ip, node: nodeName, rule: rule.text });
  }
  return flow.fail('dropped', 'reason.kubeProxy.drop', { node: nodeName, rule: rule.text });
}
