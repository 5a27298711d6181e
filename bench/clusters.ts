/**
 * The benchmark's generated clusters, deterministic: S (3 nodes, 10 pods, 3 Services), M (20, 300,
 * 60) and L (100, 2,000, 300). Built from manifest objects through the model's own path (defaulting,
 * allocation), like a pasted manifest, so the app draws exactly what a user's cluster would give it.
 */
import type { Cluster } from '../src/model/cluster';
import { cluster as builder } from '../src/model/testing/clusterBuilder';

export interface BenchSize {
  name: 'S' | 'M' | 'L';
  nodes: number;
  pods: number;
  services: number;
}

export const SIZES: BenchSize[] = [
  { name: 'S', nodes: 3, pods: 10, services: 3 },
  { name: 'M', nodes: 20, pods: 300, services: 60 },
  { name: 'L', nodes: 100, pods: 2000, services: 300 },
];

/**
 * Every 20th Service (the first included) is a LoadBalancer, every 3rd a NodePort, the rest
 * ClusterIP: a load balancer draws an edge to every node, so making all of them LoadBalancers would
 * measure edges more than anything a real cluster looks like. Pods select Services round-robin and
 * are spread round-robin over the nodes; one internet client sends the LoadBalancer request.
 */
export function benchCluster(size: BenchSize): Cluster {
  const b = builder().withSettings({
    provider: 'cloud',
    nodeSubnet: '10.0.0.0/16',
    nodesPublic: false,
    clients: [{ name: 'client', location: 'internet' }],
  });
  for (let n = 0; n < size.nodes; n++) b.node(`worker-${n}`);
  for (let s = 0; s < size.services; s++) {
    const type = s % 20 === 0 ? 'LoadBalancer' : s % 3 === 0 ? 'NodePort' : 'ClusterIP';
    b.service(`svc-${s}`, { type });
  }
  for (let p = 0; p < size.pods; p++) {
    b.pod(`app-${p}`, { app: `svc-${p % size.services}` }, { node: `worker-${p % size.nodes}`, ready: true });
  }
  return b.build();
}
