/**
 * A cloud load balancer in front of a LoadBalancer Service (what the cloud controller manager or a
 * load-balancer controller programs; k8s.io/cloud-provider service controller). It listens on
 * spec.ports[].port at status.loadBalancer.ingress[] (an IP, or only a hostname: AWS ELB names),
 * applies loadBalancerSourceRanges as its firewall, and then follows one of three data paths
 * (ClusterSettings.loadBalancerTargets):
 * - `NodePort`: to NodeIP:nodePort of a node it judges healthy, client IP kept (AWS Classic ELB,
 *   NLB instance targets). With allocateLoadBalancerNodePorts: false there is no nodePort and an
 *   instance-target balancer has nothing to send to;
 * - `VIP`: to a node with the packet still addressed to the LB IP (GCP/Azure passthrough,
 *   MetalLB); kube-proxy's "loadbalancer IP" rule catches it — which it writes only for an
 *   ingress IP with ipMode VIP (proxyutil.IsVIPMode), never for a hostname;
 * - `Pod`: straight to a ready endpoint's podIP:targetPort (AWS LB Controller IP targets, GKE
 *   container-native load balancing); no nodePort, no kube-proxy.
 * Health checks (loadBalancerHealth below): instance/VIP targets probe nodes — under
 * externalTrafficPolicy Local spec.healthCheckNodePort, which kube-proxy answers 200 only where a
 * local ready endpoint runs (pkg/proxy/healthcheck/service_health.go); under Cluster every ready
 * node passes (the cloud probes the traffic port or kube-proxy's /healthz on 10256, KEP-3836).
 * Nodes labelled node.kubernetes.io/exclude-from-external-load-balancers are left out, and with no
 * healthy node at all AWS NLB and GCE fail open. IP targets probe the pods themselves.
 */
import { nodeInternalIP, type LoadBalancerIngress, type Node, type Service, type ServicePort } from '../cluster';
import { elementId } from '../elementIds';
import type { Endpoint } from '../endpoints';
import { inCidr } from '../ip';
import { choose } from './choose';
import { nsName } from './context';
import type { Flow } from './flow';
import { msg } from './messages';
import type { StepResult } from './place';
import type { Rewrite } from './types';

const EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** Nodes whose health check the LB sees passing, and the ready nodes it could use. */
export function lbTargets(flow: Flow, service: Service): { ready: Node[]; healthy: Node[] } {
  const ready = flow.ctx.cluster.nodes.filter((n) => n.status.ready && nodeInternalIP(n) !== undefined
    && n.metadata.labels?.[EXCLUDE_LABEL] === undefined);
  if (service.spec.externalTrafficPolicy !== 'Local') return { ready, healthy: ready };
  const result = flow.ctx.endpoints(service);
  const withLocal = new Set(result.ports.flatMap((p) => p.endpoints.filter((e) => e.ready && e.nodeName).map((e) => e.nodeName!)));
  return { ready, healthy: ready.filter((n) => withLocal.has(n.metadata.name)) };
}

/**
 * The ingress entry the packet was addressed to: by IP, or, for a name-only balancer, by the
 * hostname whose stand-in address it is (`hostname`, from TraceContext.loadBalancerHostnameByIP).
 */
export function ingressFor(service: Service, address: string, hostname?: string): LoadBalancerIngress | undefined {
  return (service.status.loadBalancer.ingress ?? []).find((i) => i.ip === address
    || (i.ip === undefined && i.hostname !== undefined && (i.hostname === address || i.hostname === hostname)));
}

/**
 * True when kube-proxy writes a rule for this ingress: it has an IP and its ipMode is VIP or unset
 * (newBaseServiceInfo, proxyutil.IsVIPMode).
 */
export const kubeProxyCatches = (ingress: LoadBalancerIngress | undefined): boolean =>
  ingress?.ip !== undefined && (ingress.ipMode ?? 'VIP') === 'VIP';

/**
 * The packet at the load balancer. `egress`: the masquerade of a pod's packet that left the cluster
 * to reach it (an in-cluster client whose node has no rule for the LB address).
 */
export function loadBalancerStep(flow: Flow, service: Service, egress: Rewrite[] = []): StepResult {
  const key = nsName(service);
  const lbRef = elementId.loadBalancer(service);
  const { dst, src, protocol } = flow.packet;
  const { loadBalancerTargets: targets } = flow.ctx.cluster.settings;
  const lbHostname = flow.ctx.loadBalancerHostnameByIP.get(dst.ip);
  const ingress = ingressFor(service, dst.ip, lbHostname);
  const byHostname = ingress !== undefined && ingress.ip === undefined;
  flow.hop(lbRef, 'load-balancer', msg('hop.lb.receive', {
    service: key, lbIP: dst.ip, port: dst.port, targets,
    hostname: byHostname, lbHostname: byHostname ? ingress.hostname : undefined,
    ipMode: ingress?.ip !== undefined ? ingress.ipMode ?? 'VIP' : '',
    inCluster: flow.source.kind === 'pod' || flow.source.kind === 'node',
  }), { docsLayer: 'LoadBalancer', rewrites: egress });
  const port = service.spec.ports.find((p) => p.port === dst.port && p.protocol === protocol);
  if (!port) {
    return flow.fail('dropped', 'reason.lb.noListener', {
      lbIP: dst.ip, port: dst.port, protocol, service: key, ports: service.spec.ports.map((p) => `${p.port}/${p.protocol}`),
    });
  }
  const ranges = (service.spec.loadBalancerSourceRanges ?? []).map((r) => r.trim());
  if (ranges.length > 0 && !ranges.some((r) => inCidr(src.ip, r))) {
    return flow.fail('dropped', 'reason.lb.sourceRange', { service: key, clientIP: src.ip, ranges });
  }
  if (targets === 'Pod') return toPod(flow, service, port);
  // An instance-target balancer registers NodeIP:nodePort; without a nodePort it has no target.
  if (targets === 'NodePort' && !port.nodePort) {
    return flow.fail('dropped', 'reason.lb.noNodePort', { service: key, lbIP: dst.ip, port: dst.port, protocol });
  }

  const { ready, healthy } = lbTargets(flow, service);
  const failOpen = healthy.length === 0;
  const candidates = failOpen ? ready : healthy;
  if (candidates.length === 0) {
    return flow.fail('dropped', 'reason.lb.noListener', { lbIP: dst.ip, port: dst.port, protocol, service: key, ports: [] });
  }
  const pick = flow.options.pick?.[lbRef];
  const { index, method } = choose(candidates, {
    seed: flow.options.seed,
    salt: `${lbRef}|${src.ip}:${src.port}`,
    matches: (n, v) => n.metadata.name === v,
    ...(pick !== undefined ? { pick } : {}),
  });
  const node = candidates[index]!;
  const nodeName = node.metadata.name;
  const nodeIP = nodeInternalIP(node)!;
  const policy = service.spec.externalTrafficPolicy ?? 'Cluster';
  const common = {
    service: key, node: nodeName, policy, targets, healthyNodes: healthy.length, readyNodes: ready.length,
    failOpen, method, healthCheckNodePort: policy === 'Local' ? service.spec.healthCheckNodePort : undefined,
  };
  if (targets === 'NodePort') {
    flow.hop(elementId.node(nodeName), 'node-port', msg('hop.lb.toNode', { ...common, nodeIP, nodePort: port.nodePort }), {
      docsLayer: 'NodePort',
      rewrites: [{
        kind: 'DNAT', masquerade: false, before: { ...dst }, after: { ip: nodeIP, port: port.nodePort! }, by: 'load-balancer', chains: [], rules: [],
      }],
    });
    return { at: 'node', node: nodeName };
  }
  flow.hop(elementId.node(nodeName), 'load-balancer', msg('hop.lb.toNodeVip', { ...common, lbIP: dst.ip, port: dst.port }), { docsLayer: 'LoadBalancer' });
  if (!kubeProxyCatches(ingress)) {
    // No rule on the node holds that address, and it is on no interface: the node does not take
    // the packet as its own, and forwarding it would only send it back toward the balancer.
    return flow.fail('dropped', 'reason.lb.vipNotCaught', {
      service: key, node: nodeName, lbIP: dst.ip, port: dst.port, cause: byHostname ? 'hostname' : 'ipModeProxy',
    });
  }
  return { at: 'node', node: nodeName };
}

/** IP targets: the balancer registers the ready endpoints and sends to one of them itself. */
function toPod(flow: Flow, service: Service, port: ServicePort): StepResult {
  const key = nsName(service);
  const lbRef = elementId.loadBalancer(service);
  const { dst, src } = flow.packet;
  const index = service.spec.ports.indexOf(port);
  const endpoints: Endpoint[] = (flow.ctx.endpoints(service).ports[index]?.endpoints ?? []).filter((e) => e.ready);
  if (endpoints.length === 0) {
    return flow.fail('dropped', 'reason.lb.noPodTargets', { service: key, lbIP: dst.ip, port: dst.port });
  }
  const pick = flow.options.pick?.[lbRef];
  const { index: chosen, method } = choose(endpoints, {
    seed: flow.options.seed,
    salt: `${lbRef}|${src.ip}:${src.port}`,
    matches: (e, v) => e.podName === v || e.ip === v || `${e.ip}:${e.port}` === v,
    ...(pick !== undefined ? { pick } : {}),
  });
  const endpoint = endpoints[chosen]!;
  const pod = endpoint.podName !== undefined ? flow.ctx.podByName.get(`${service.metadata.namespace}/${endpoint.podName}`) : undefined;
  const after = { ip: endpoint.ip, port: endpoint.port };
  const rewrites = [{ kind: 'DNAT' as const, masquerade: false, before: { ...dst }, after, by: 'load-balancer' as const, chains: [], rules: [] }];
  const explanation = msg('hop.lb.toPod', {
    service: key, pod: pod ? nsName(pod) : undefined, endpoint: `${after.ip}:${after.port}`, node: endpoint.nodeName,
    candidates: endpoints.length, method, affinity: service.spec.sessionAffinity === 'ClientIP',
  });
  flow.service = { namespace: service.metadata.namespace, name: service.metadata.name, portName: port.name ?? '', port: port.port };
  if (pod) {
    flow.hop(elementId.pod(pod), 'pod', explanation, { docsLayer: 'LoadBalancer', rewrites, ...(endpoint.nodeName ? { node: endpoint.nodeName } : {}) });
    return { at: 'pod', pod };
  }
  flow.hop(elementId.external(after.ip), 'pod-network', explanation, { docsLayer: 'LoadBalancer', rewrites });
  return flow.deliver({ ip: after.ip, port: after.port });
}
