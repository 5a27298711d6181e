/**
 * A cloud load balancer in front of a LoadBalancer Service (what the cloud controller manager
 * programs; k8s.io/cloud-provider service controller):
 * - it listens on spec.ports[].port at status.loadBalancer.ingress[].ip and forwards to
 *   NodeIP:nodePort of a node it judges healthy, keeping the client's IP (passthrough / NLB
 *   instance targets; Kubernetes docs "Create an External Load Balancer" and "Using Source IP");
 * - health: under externalTrafficPolicy Cluster, kube-proxy's own /healthz (port 10256, KEP-3836);
 *   under Local, spec.healthCheckNodePort, which kube-proxy answers 200 only on nodes with a
 *   local ready endpoint (pkg/proxy/healthcheck/service_health.go) — so only those get traffic;
 *   nodes labelled node.kubernetes.io/exclude-from-external-load-balancers are left out;
 * - with no healthy node at all, AWS NLB and GCE fail open and spread over every node;
 * - loadBalancerSourceRanges become the LB's / cloud firewall's allow-list;
 * - with allocateLoadBalancerNodePorts: false there is no nodePort: the LB sends to the node with
 *   the LB IP kept, and kube-proxy's "loadbalancer IP" rule (ipMode VIP) catches it.
 */
import { nodeInternalIP, type Node, type Service } from '../cluster';
import { inCidr } from '../ip';
import { choose } from './choose';
import { nsName } from './context';
import type { Flow } from './flow';
import { msg } from './messages';
import { atNode } from './nodeStep';
import type { Trace } from './types';

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

export function loadBalancerStep(flow: Flow, service: Service): Trace {
  const key = nsName(service);
  const lbRef = `lb:${key}`;
  const { dst, src, protocol } = flow.packet;
  flow.hop(lbRef, 'load-balancer', msg('hop.lb.receive', { service: key, lbIP: dst.ip, port: dst.port }), { docsLayer: 'LoadBalancer' });
  const port = service.spec.ports.find((p) => p.port === dst.port && p.protocol === protocol);
  if (!port) {
    return flow.fail('dropped', 'reason.lb.noListener', {
      lbIP: dst.ip, port: dst.port, protocol, service: key, ports: service.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(','),
    });
  }
  const ranges = (service.spec.loadBalancerSourceRanges ?? []).map((r) => r.trim());
  if (ranges.length > 0 && !ranges.some((r) => inCidr(src.ip, r))) {
    return flow.fail('dropped', 'reason.lb.sourceRange', { service: key, clientIP: src.ip, ranges: ranges.join(',') });
  }
  const { ready, healthy } = lbTargets(flow, service);
  const failOpen = healthy.length === 0;
  const targets = failOpen ? ready : healthy;
  if (targets.length === 0) {
    return flow.fail('dropped', 'reason.lb.noListener', { lbIP: dst.ip, port: dst.port, protocol, service: key, ports: '' });
  }
  const pick = flow.options.pick?.[lbRef];
  const { index, method } = choose(targets, {
    seed: flow.options.seed,
    salt: `${lbRef}|${src.ip}:${src.port}`,
    matches: (n, v) => n.metadata.name === v,
    ...(pick !== undefined ? { pick } : {}),
  });
  const node = targets[index]!;
  const nodeName = node.metadata.name;
  const nodeIP = nodeInternalIP(node)!;
  const policy = service.spec.externalTrafficPolicy ?? 'Cluster';
  const common = { service: key, node: nodeName, policy, healthyNodes: healthy.length, readyNodes: ready.length, failOpen: failOpen ? 1 : 0, method };
  if (port.nodePort) {
    flow.hop(`node:${nodeName}`, 'node-port', msg('hop.lb.toNode', { ...common, nodeIP, nodePort: port.nodePort }), {
      docsLayer: 'NodePort',
      rewrites: [{
        kind: 'DNAT', masquerade: false, before: { ...dst }, after: { ip: nodeIP, port: port.nodePort }, by: 'load-balancer', chains: [], rules: [],
      }],
    });
  } else {
    flow.hop(`node:${nodeName}`, 'load-balancer', msg('hop.lb.toNodeVip', { ...common, lbIP: dst.ip, port: dst.port }), { docsLayer: 'LoadBalancer' });
  }
  return atNode(flow, nodeName);
}
