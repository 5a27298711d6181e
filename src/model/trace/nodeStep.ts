/**
 * A packet at a node: kube-proxy's rules first (nat PREROUTING for packets arriving from a pod or
 * the wire, nat OUTPUT for the node's own processes — both jump to the same KUBE-SERVICES chain),
 * then, when no rule touched it, the node's routing table. This file reads the iptables mode's
 * verdict; in nftables mode (settings.kubeProxyMode) nftNodeStep.ts reads the nftables ruleset's.
 */
import { nodeInternalIP } from '../cluster';
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
import { atNodeNft } from './nftNodeStep';
import { captureHop, toEndpoint } from './serviceHop';
import type { StepResult } from './place';
import type { Rewrite, Trace } from './types';

/** Handles the packet now at `nodeName` (it has arrived there, or its source runs there). */
export function atNode(flow: Flow, nodeName: string): StepResult {
  if (flow.ctx.cluster.settings.kubeProxyMode === 'nftables') return atNodeNft(flow, nodeName);
  const { ruleSet, result } = evaluate(flow, nodeName);
  if (result.endpoints.length > 0) return serviceDnat(flow, nodeName, ruleSet, result);
  // The filter ACCEPT of a healthCheckNodePort sits in KUBE-NODEPORTS, which only filter INPUT jumps
  // to: it applies to a packet for this node's own address, not one passing through to another
  // node (proxier_test.go's tracer, which tracePacket follows, runs every filter chain regardless).
  const forHere = ruleSet.node.localIPs.includes(flow.packet.dst.ip);
  const stop = result.outputs.find((o) => o === 'REJECT' || o === 'DROP' || (o === 'ACCEPT' && forHere));
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
  const explanation = msg('hop.service.dnat', {
    service: ref.key, endpoint: choice.destination, pod: pod ? nsName(pod) : undefined, node: nodeName,
    endpointNode: pod?.spec.nodeName, candidates: result.endpoints.length, method, masquerade: choice.masquerade,
  });
  return toEndpoint(flow, nodeName, target, explanation, rewrites);
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
