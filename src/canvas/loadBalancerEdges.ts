import { nodeInternalIP, type Cluster, type Service } from '../model/cluster';
import { elementId } from '../model/elementIds';
import { endpointsFor } from '../model/endpoints';
import { serviceExposure } from '../model/exposure';
import type { AddressEdge } from './flowTypes';
import { hostPort } from './hostPort';

/**
 * The load balancer's edges, labelled with the address it sends to (the model's exposure says
 * which data path it has): NodeIP:nodePort on every node (node targets), its own address kept on
 * every node (VIP targets), or straight to each ready pod (Pod targets). A node-target balancer
 * without nodePorts has nothing to send to, so it gets no edges. Nor does a pending one (the model's
 * `loadBalancerPending`: status.loadBalancer is empty, EXTERNAL-IP `<pending>`): no controller
 * has made a load balancer, so there is nothing to send from.
 */
export function loadBalancerEdges(cluster: Cluster, service: Service, id: string): AddressEdge[] {
  const exposure = serviceExposure(cluster, service);
  if (exposure.loadBalancerPending) return [];
  const backend = exposure.loadBalancerBackend;
  if (backend === 'pod') {
    const byPod = new Map<string, string[]>();
    for (const p of endpointsFor(cluster, service).ports) {
      for (const e of p.endpoints) if (e.ready && e.podName) byPod.set(e.podName, [...(byPod.get(e.podName) ?? []), `${e.ip}:${e.port}`]);
    }
    return cluster.pods.filter((pod) => pod.metadata.namespace === service.metadata.namespace && byPod.has(pod.metadata.name)).map((pod) => {
      const target = elementId.pod(pod);
      return { id: `${id}->${target}`, source: id, target, type: 'address', data: { address: [...new Set(byPod.get(pod.metadata.name))].join(', ') } };
    });
  }
  if (backend === 'none') return [];
  const lbAddresses = exposure.external.filter((a) => a.loadBalancer).map(hostPort);
  const nodePorts = service.spec.ports.map((p) => p.nodePort).filter((p) => p !== undefined);
  return cluster.nodes.map((node) => {
    const target = elementId.node(node.metadata.name);
    const nodeIP = nodeInternalIP(node) ?? node.metadata.name;
    const address = backend === 'vip' ? lbAddresses.join(', ') : nodePorts.map((p) => `${nodeIP}:${p}`).join(', ');
    return { id: `${id}->${target}`, source: id, target, type: 'address', data: { address } };
  });
}
