/**
 * A packet from outside the cluster (a host on the internet or on the nodes' LAN): where the
 * network can deliver it. The internet reaches load balancer IPs and, when the nodes are public,
 * their ExternalIPs (a cloud's 1:1 NAT to the InternalIP) or public InternalIPs. The LAN reaches
 * the nodes' InternalIPs too. Nobody outside routes the service CIDR or the pod CIDR: those exist
 * only in the nodes' rules and routes ("a ClusterIP is reachable only from inside the cluster").
 */
import { nodeExternalIP, nodeInternalIP, type Node } from '../cluster';
import { elementId } from '../elementIds';
import { inCidr } from '../ip';
import { choose } from './choose';
import { nsName } from './context';
import type { Flow } from './flow';
import { msg } from './messages';
import type { StepResult } from './place';
import { isNodePort } from './route';

/** Sends the packet to a node's address; `externalIP` goes through the cloud's 1:1 NAT first. */
export function toNode(flow: Flow, node: Node, viaExternalIP: boolean): StepResult {
  const name = node.metadata.name;
  const internal = nodeInternalIP(node)!;
  const dst = flow.packet.dst;
  const nodePort = isNodePort(flow, dst.port);
  const extras = {
    ...(nodePort ? { docsLayer: 'NodePort' as const } : {}),
    ...(viaExternalIP ? {
      rewrites: [{
        kind: 'DNAT' as const, masquerade: false, before: { ...dst }, after: { ip: internal, port: dst.port }, by: 'cloud-nat' as const,
        chains: [], rules: [],
      }],
    } : {}),
  };
  flow.hop(elementId.node(name), 'node-port', msg('hop.node.receive', {
    node: name, nodeIP: dst.ip, port: dst.port, via: viaExternalIP ? 'external-ip' : flow.source.kind,
    ...(flow.ctx.cluster.settings.kubeProxyMode === 'nftables' ? { proxyMode: 'nftables' as const } : {}),
  }), extras);
  return { at: 'node', node: name };
}

/** A packet from outside the cluster: to a load balancer, a node, an external IP, or nowhere. */
export function fromOutside(flow: Flow): StepResult {
  const { ctx, source } = flow;
  const { settings } = ctx.cluster;
  const dst = flow.packet.dst;
  const internet = source.kind === 'internet';

  const lbService = ctx.serviceByLoadBalancerIP.get(dst.ip);
  if (lbService) return { at: 'loadBalancer', service: lbService, egress: [] };

  const external = ctx.nodeByExternalIP.get(dst.ip);
  if (external) return { at: 'nodeEntry', node: external, viaExternalIP: true };

  const node = ctx.nodeByInternalIP.get(dst.ip);
  if (node) {
    // A public node subnet (no separate ExternalIP) is reachable as is; a private one is not.
    const reachable = !internet || (settings.nodesPublic && nodeExternalIP(node) === undefined);
    if (reachable) return { at: 'nodeEntry', node, viaExternalIP: false };
    return flow.fail('no-route', 'reason.route.privateNodeFromInternet', { ip: dst.ip, node: node.metadata.name, nodeSubnet: settings.nodeSubnet });
  }

  const extService = ctx.serviceByExternalIP.get(dst.ip);
  if (extService) {
    // spec.externalIPs: Kubernetes does not own these addresses; the network routes them to a node.
    const ready = ctx.cluster.nodes.filter((n) => n.status.ready && nodeInternalIP(n) !== undefined);
    if (ready.length > 0) {
      const pick = flow.options.pick?.[elementId.loadBalancer(extService)];
      const { index } = choose(ready, {
        seed: flow.options.seed, salt: `external-ip|${dst.ip}`, matches: (n, v) => n.metadata.name === v, ...(pick !== undefined ? { pick } : {}),
      });
      const target = ready[index]!;
      flow.hop(elementId.node(target.metadata.name), 'cluster-ip', msg('hop.externalIP.receive', {
        service: nsName(extService), externalIP: dst.ip, port: dst.port, node: target.metadata.name,
      }), { docsLayer: 'ClusterIP' });
      return { at: 'node', node: target.metadata.name };
    }
  }

  if (inCidr(dst.ip, settings.serviceCIDR)) {
    const service = ctx.serviceByClusterIP.get(dst.ip);
    return flow.fail('no-route', 'reason.route.clusterIPFromOutside', {
      ip: dst.ip, port: dst.port, location: source.kind, service: service ? nsName(service) : undefined, serviceCIDR: settings.serviceCIDR,
    });
  }
  if (inCidr(dst.ip, settings.podCIDR)) {
    return flow.fail('no-route', 'reason.route.podIPFromOutside', { ip: dst.ip, location: source.kind, podCIDR: settings.podCIDR });
  }
  if (inCidr(dst.ip, settings.nodeSubnet)) {
    return internet
      ? flow.fail('no-route', 'reason.route.privateNodeFromInternet', { ip: dst.ip, nodeSubnet: settings.nodeSubnet })
      : flow.fail('no-route', 'reason.route.noHost', { ip: dst.ip });
  }
  return flow.fail('no-route', 'reason.route.unknownHost', { ip: dst.ip });
}
