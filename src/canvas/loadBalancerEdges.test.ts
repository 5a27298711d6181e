import { describe, expect, it } from 'vitest';
import { WEB_NODE_PORTS, webCluster } from '../model/trace/testClusters';
import { loadBalancerEdges } from './loadBalancerEdges';
import { toFlow } from './toFlow';

const edgesOf = (targets: string, spec: Record<string, unknown> = { ports: WEB_NODE_PORTS }) => {
  const c = webCluster({ type: 'LoadBalancer', ...spec }, { loadBalancerTargets: targets });
  return loadBalancerEdges(c, c.services[0]!, 'lb:default/web').map((e) => `${e.target} ${e.data!.address}`);
};

describe('load balancer edges follow its data path', () => {
  it('node targets: NodeIP:nodePort; VIP targets: the LB IP kept; Pod targets: straight to the ready pods', () => {
    expect(edgesOf('NodePort')).toEqual(['node:worker-1 10.0.1.10:30080', 'node:worker-2 10.0.1.11:30080', 'node:worker-3 10.0.1.12:30080']);
    expect(edgesOf('VIP')).toEqual(['node:worker-1 203.0.113.10:80', 'node:worker-2 203.0.113.10:80', 'node:worker-3 203.0.113.10:80']);
    expect(edgesOf('Pod')).toEqual(['pod:default/web-a 10.244.0.3:8080', 'pod:default/web-b 10.244.1.2:8080']);
  });

  it('node targets without a nodePort: no edge (the balancer has nothing to send to)', () => {
    expect(edgesOf('NodePort', { allocateLoadBalancerNodePorts: false })).toEqual([]);
  });

  it('toFlow draws them', () => {
    const c = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { loadBalancerTargets: 'Pod' });
    expect(toFlow(c, {}).edges.filter((e) => e.source === 'lb:default/web').map((e) => e.target)).toEqual(['pod:default/web-a', 'pod:default/web-b']);
  });
});
