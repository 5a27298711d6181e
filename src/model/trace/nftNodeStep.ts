/**
 * A packet at a node whose kube-proxy runs in nftables mode (settings.kubeProxyMode): the
 * `ip kube-proxy` table's verdict on it (nftProxyStep.ts), then, when no rule touched it, the
 * node's routing table — as nodeStep.ts does for iptables mode. Where the modes differ, the reason
 * says so: a ClusterIP on a port no Service defines is rejected by cluster-ips-check and an
 * unallocated Service address dropped there (iptables mode has no rule: the packet is lost on the
 * default route); NodePorts are accepted only on the addresses of nodeport-ips, never 127.0.0.1.
 * Sources: pkg/proxy/nftables/proxier.go setupNFTables and syncProxyRules.
 */
import { portList } from './messageKeys/paramTypes';
import { nodeInternalIP } from '../cluster';
import { elementId } from '../elementIds';
import { inCidr } from '../ip';
import { nftListRuleText } from '../kubeproxy/nftables/listRuleset';
import type { NftPacketTrace, NftStep } from '../kubeproxy/nftables/tracer';
import type { NftRuleset } from '../kubeproxy/nftables/types';
import { nsName } from './context';
import { endpointDetails } from './details';
import type { Flow } from './flow';
import { chooseAmong, egressAddress, lookupServicePort, NO_SERVICE_PORT, parseAddress } from './kubeProxyStep';
import { msg } from './messages';
import { evaluateNft, nftCaptureVia, nftDnatRewrite, nftMasqueradeRewrite, nftRuleFields, nftServicePortOf } from './nftProxyStep';
import type { StepResult } from './place';
import { captureHop, toEndpoint } from './serviceHop';
import type { KubeProxyFilter, Rewrite, Trace } from './types';

/** ["80/TCP", "443/TCP"]: a Service's ports as kubectl prints them. */
/** Handles the packet now at `nodeName` under its nftables ruleset. */
export function atNodeNft(flow: Flow, nodeName: string): StepResult {
  const { ruleset, result } = evaluateNft(flow, nodeName);
  if (result.endpoints.length > 0) return serviceDnat(flow, nodeName, ruleset, result);
  const stop = result.outputs.find((o) => o === 'REJECT' || o === 'DROP');
  if (stop !== undefined) return filterVerdict(flow, nodeName, result);
  const localhostNodePort = localhostNodePortMiss(flow, nodeName);
  if (localhostNodePort !== undefined) return localhostNodePort;
  const healthCheck = healthCheckNodePort(flow, nodeName, ruleset);
  if (healthCheck !== undefined) return healthCheck;
  return { at: 'nodeRoute', node: nodeName };
}

/**
 * A healthCheckNodePort on the node's address: kube-proxy's health check server listens there in
 * either mode (pkg/proxy/healthcheck). iptables mode also writes a filter ACCEPT for it; the
 * nftables ruleset has none to write (its filter chains accept by default), so no rule matches and
 * the node's own stack hands the connection to that server.
 */
function healthCheckNodePort(flow: Flow, nodeName: string, ruleset: NftRuleset): Trace | undefined {
  const { dst, protocol } = flow.packet;
  if (protocol !== 'TCP' || !ruleset.node.localIPs.includes(dst.ip)) return undefined;
  const service = flow.ctx.cluster.services.find((s) => s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local'
    && s.spec.healthCheckNodePort === dst.port);
  if (service === undefined) return undefined;
  const port = service.spec.ports[0];
  if (port) flow.service = { namespace: service.metadata.namespace, name: service.metadata.name, portName: port.name ?? '', port: port.port };
  flow.hop(elementId.node(nodeName), 'node-port', msg('hop.node.healthCheck', { node: nodeName, port: dst.port, service: nsName(service) }), { node: nodeName });
  return flow.deliver({ ip: dst.ip, port: dst.port });
}

/** kube-proxy DNATs the packet to one endpoint (and maybe masquerades it); then on to the pod. */
function serviceDnat(flow: Flow, nodeName: string, ruleset: NftRuleset, result: NftPacketTrace): StepResult {
  const { ctx } = flow;
  const ref = nftServicePortOf(result.endpoints[0]!.steps) ?? NO_SERVICE_PORT;
  const found = lookupServicePort(ctx, ref, flow.packet.protocol);
  const { choice, method } = chooseAmong(flow, result.endpoints, ref, found?.service, nodeName);
  if (found) {
    captureHop(flow, nodeName, found.service, ref.portName, nftCaptureVia(choice.steps));
    flow.service = { namespace: found.service.metadata.namespace, name: found.service.metadata.name, portName: ref.portName, port: found.port.port };
  }
  const target = parseAddress(choice.destination);
  const rewrites: Rewrite[] = [nftDnatRewrite(ruleset, flow.packet.dst, choice, nodeName)];
  if (choice.masquerade) {
    const nodeIP = nodeInternalIP(ctx.nodeByName.get(nodeName)!) ?? '';
    rewrites.push(nftMasqueradeRewrite(flow, ruleset, choice, nodeName, egressAddress(ctx, nodeName, target.ip, nodeIP)));
  }
  const pod = ctx.podByIP.get(target.ip);
  const explanation = msg('hop.service.dnat', {
    service: ref.key, endpoint: choice.destination, pod: pod ? nsName(pod) : undefined, node: nodeName,
    endpointNode: pod?.spec.nodeName, candidates: result.endpoints.length, method, masquerade: choice.masquerade, proxyMode: 'nftables',
  });
  return toEndpoint(flow, nodeName, target, explanation, rewrites);
}

/** The step that decided a reject or drop: the map element that sent it there, else the rule that did it. */
function decidingStep(steps: readonly NftStep[]): NftStep {
  const byElement = steps.find((s) => s.element?.element.purpose.kind === 'noEndpoints' || s.element?.element.purpose.kind === 'firewall');
  const byRule = steps.find((s) => s.rule.purpose.kind === 'firewallDrop'
    || s.rule.purpose.kind === 'clusterIPInvalidPort' || s.rule.purpose.kind === 'clusterIPUnallocated');
  return byRule ?? byElement ?? steps[steps.length - 1]!;
}

/** reject / drop from kube-proxy's filter chains, shown on the hop where it happens (Hop.filter). */
function filterVerdict(flow: Flow, nodeName: string, result: NftPacketTrace): Trace {
  const { ctx } = flow;
  const { dst } = flow.packet;
  const step = decidingStep(result.steps);
  const rule = nftListRuleText(step.rule);
  const chain = step.rule.chain;
  const purpose = step.rule.purpose;
  const verdict = result.outputs.includes('REJECT') ? 'reject' : 'drop';
  const filter: KubeProxyFilter = { verdict, node: nodeName, ...nftRuleFields(result.steps.map((s) => s.rule)) };
  if (purpose.kind === 'clusterIPInvalidPort' || purpose.kind === 'clusterIPUnallocated') {
    // No Service took the packet: the hop is to the node whose ruleset stopped it.
    const here = elementId.node(nodeName);
    const hop = flow.at !== here
      ? flow.hop(here, 'cluster-ip', msg('hop.kubeProxy.filter', { node: nodeName, verdict, chain, dst: dst.ip, port: dst.port }), { docsLayer: 'ClusterIP', node: nodeName, filter })
      : flow.hops.at(-1);
    if (hop && !hop.filter) hop.filter = filter;
    if (!hop) flow.stoppedBy = filter;
    if (purpose.kind === 'clusterIPUnallocated') {
      return flow.fail('dropped', 'reason.kubeProxy.unallocatedClusterIP', { ip: dst.ip, port: dst.port, node: nodeName, rule, chain });
    }
    const service = ctx.serviceByClusterIP.get(dst.ip);
    const nodePort = service?.spec.ports.find((p) => p.nodePort === dst.port)?.nodePort;
    return flow.fail('refused', 'reason.kubeProxy.invalidClusterIPPort', {
      ip: dst.ip, port: dst.port, service: service ? nsName(service) : '', ports: portList(service?.spec.ports ?? []), nodePort, node: nodeName, rule, chain,
    });
  }
  const ref = nftServicePortOf([step]);
  const found = ref ? lookupServicePort(ctx, ref, flow.packet.protocol) : undefined;
  if (found && ref) {
    captureHop(flow, nodeName, found.service, ref.portName, nftCaptureVia([step])).filter = filter;
    flow.service = { namespace: found.service.metadata.namespace, name: found.service.metadata.name, portName: ref.portName, port: found.port.port };
  } else {
    const last = flow.hops.at(-1);
    if (last) last.filter = filter;
    else flow.stoppedBy = filter;
  }
  const service = ref?.key;
  const element = step.element?.element.purpose;
  if (element?.kind === 'noEndpoints' && !element.local) {
    const details = found ? endpointDetails(found.service, ctx.endpoints(found.service), ref?.portName ?? '') : [];
    return flow.fail('refused', 'reason.kubeProxy.noEndpoints', { service, servicePort: ref?.portName, node: nodeName, rule, proxyMode: 'nftables', chain }, details);
  }
  if (element?.kind === 'noEndpoints') {
    const policy = element.path === 'clusterIP' ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
    return flow.fail('dropped', 'reason.kubeProxy.noLocalEndpoints', { service, servicePort: ref?.portName, node: nodeName, policy, rule, proxyMode: 'nftables', chain });
  }
  if (purpose.kind === 'firewallDrop') {
    return flow.fail('dropped', 'reason.kubeProxy.sourceRange', { service, clientIP: flow.packet.src.ip, node: nodeName, rule, proxyMode: 'nftables', chain });
  }
  return flow.fail('dropped', 'reason.kubeProxy.drop', { node: nodeName, rule });
}

/**
 * A nodePort sent to 127.0.0.1 (or any 127/8 address): setupNFTables matches NodePorts only on
 * `@nodeport-ips` (by default the node's primary IP) or, with --nodeport-addresses matching all,
 * on local addresses other than 127.0.0.0/8, so no rule takes it and the node's own stack, where
 * nothing listens on that port, refuses it.
 */
function localhostNodePortMiss(flow: Flow, nodeName: string): Trace | undefined {
  const { dst, protocol } = flow.packet;
  if (!inCidr(dst.ip, '127.0.0.0/8')) return undefined;
  const service = flow.ctx.cluster.services.find((s) => s.spec.ports.some((p) => p.nodePort === dst.port && p.protocol === protocol));
  if (service === undefined) return undefined;
  if (flow.at !== elementId.node(nodeName)) {
    flow.hop(elementId.node(nodeName), 'pod-network', msg('hop.node.local', { node: nodeName, ip: dst.ip, port: dst.port }), { node: nodeName });
  }
  return flow.fail('refused', 'reason.kubeProxy.localhostNodePort', { ip: dst.ip, port: dst.port, protocol, service: nsName(service), node: nodeName });
}
