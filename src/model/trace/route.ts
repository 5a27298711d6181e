/**
 * A packet no kube-proxy rule touched, routed by the node's kernel the way a Linux node with a
 * bridge CNI and routed pod CIDRs (kubenet-style) does:
 * - a local address: the node's own stack; with nothing listening the kernel answers a TCP RST
 *   (UDP: ICMP port unreachable) — e.g. NodeIP:port instead of NodeIP:nodePort;
 * - a pod IP: over the bridge to a local pod, or to the node that owns the pod CIDR;
 * - another node's IP: across the node network, where that node's rules see it;
 * - a ClusterIP on a port the Service does not have: in iptables mode no rule matches and the
 *   ClusterIP is on no interface, so the packet follows the default route out of the node and is
 *   lost (the client times out). kube-proxy relies on that default route for Service IPs
 *   (kubernetes/kubernetes#123120). (The nftables mode rejects such packets instead; the IPVS mode
 *   binds ClusterIPs to kube-ipvs0 so the node answers RST. Neither is modelled.)
 * - anything else leaves the cluster by the default route, masqueraded or not as egress.ts says.
 */
import { portList } from './messageKeys/paramTypes';
import { nodeInternalIP } from '../cluster';
import { elementId } from '../elementIds';
import { inCidr } from '../ip';
import { nodeForPodIP, nsName } from './context';
import { egressRewrites, leaveCluster } from './egress';
import type { Flow } from './flow';
import { msg } from './messages';
import type { StepResult } from './place';
import type { Trace } from './types';

/** ["80/TCP", "443/TCP"]: a Service's ports as kubectl prints them. */
/** True when `port` is some Service's nodePort (for the NodePort docs layer). */
export function isNodePort(flow: Flow, port: number): boolean {
  return flow.ctx.cluster.services.some((s) => s.spec.ports.some((p) => p.nodePort === port));
}

function nothingListening(flow: Flow, nodeName: string): Trace {
  const { dst, protocol } = flow.packet;
  // The most-asked confusion: NodeIP:port where NodeIP:nodePort was meant.
  const meant = flow.ctx.cluster.services.find((s) => s.spec.ports.some((p) => p.port === dst.port && p.protocol === protocol && p.nodePort));
  const nodePort = meant?.spec.ports.find((p) => p.port === dst.port && p.protocol === protocol)?.nodePort;
  return flow.fail('refused', 'reason.node.nothingListening', {
    node: nodeName, ip: dst.ip, port: dst.port, protocol, service: meant ? nsName(meant) : undefined, nodePort,
  });
}

export function route(flow: Flow, nodeName: string): StepResult {
  const { ctx } = flow;
  const { settings } = ctx.cluster;
  const dst = flow.packet.dst;
  const node = ctx.nodeByName.get(nodeName)!;
  const nodeIP = nodeInternalIP(node);

  if (dst.ip === nodeIP || inCidr(dst.ip, '127.0.0.0/8')) {
    if (flow.at !== elementId.node(nodeName)) {
      flow.hop(elementId.node(nodeName), 'pod-network', msg('hop.node.local', { node: nodeName, ip: dst.ip, port: dst.port }), { node: nodeName });
    }
    return nothingListening(flow, nodeName);
  }

  const pod = ctx.podByIP.get(dst.ip);
  if (pod && pod.spec.nodeName) {
    const podNode = pod.spec.nodeName;
    if (podNode !== nodeName) {
      flow.hop(elementId.node(podNode), 'pod-network', msg('hop.podNetwork.cross', { fromNode: nodeName, toNode: podNode, dst: dst.ip }), { node: nodeName });
    }
    flow.hop(elementId.pod(pod), 'pod', msg('hop.pod.deliver', { pod: nsName(pod), podIP: dst.ip, port: dst.port, node: podNode }), { node: podNode });
    return { at: 'pod', pod };
  }

  const owner = nodeForPodIP(ctx, dst.ip);
  if (owner) {
    // The owning node's bridge finds no such address: ARP fails, the sender gets EHOSTUNREACH.
    if (owner.metadata.name !== nodeName) {
      flow.hop(elementId.node(owner.metadata.name), 'pod-network', msg('hop.podNetwork.cross', { fromNode: nodeName, toNode: owner.metadata.name, dst: dst.ip }), { node: nodeName });
    }
    return flow.fail('no-route', 'reason.pod.noSuchIP', { ip: dst.ip, node: owner.metadata.name });
  }

  const other = ctx.nodeByInternalIP.get(dst.ip);
  if (other) {
    const nodePort = isNodePort(flow, dst.port);
    flow.hop(elementId.node(other.metadata.name), nodePort ? 'node-port' : 'pod-network',
      msg('hop.node.forward', { fromNode: nodeName, toNode: other.metadata.name, dst: dst.ip, port: dst.port }),
      { node: nodeName, ...(nodePort ? { docsLayer: 'NodePort' as const } : {}) });
    return { at: 'node', node: other.metadata.name };
  }

  const lbService = ctx.serviceByLoadBalancerIP.get(dst.ip);
  if (lbService) return { at: 'loadBalancer', service: lbService, egress: egressRewrites(flow, nodeName, dst.ip) };

  // A node's ExternalIP is the cloud's 1:1 NAT, outside the node: out and back in.
  const byExternal = ctx.nodeByExternalIP.get(dst.ip);
  if (byExternal) return { at: 'nodeEntry', node: byExternal, viaExternalIP: true };

  if (inCidr(dst.ip, settings.serviceCIDR)) {
    const service = ctx.serviceByClusterIP.get(dst.ip);
    flow.hop(elementId.external(dst.ip), 'pod-network', msg('hop.external.leave', { host: dst.ip, port: dst.port, node: nodeName }), { node: nodeName });
    if (service) {
      const nodePort = service.spec.ports.find((p) => p.nodePort === dst.port)?.nodePort;
      return flow.fail('dropped', 'reason.clusterIP.noSuchPort', {
        ip: dst.ip, port: dst.port, service: nsName(service), ports: portList(service.spec.ports), nodePort, node: nodeName,
      });
    }
    return flow.fail('dropped', 'reason.clusterIP.unallocated', { ip: dst.ip, port: dst.port, node: nodeName });
  }

  if (inCidr(dst.ip, settings.nodeSubnet) || inCidr(dst.ip, settings.podCIDR)) {
    return flow.fail('no-route', 'reason.route.noHost', { ip: dst.ip });
  }

  leaveCluster(flow, nodeName, dst.ip, dst.port);
  return flow.deliver({ ip: dst.ip, port: dst.port });
}
