/** serviceExposure for the load balancer's data paths, ipMode and hostname-only balancers. */
import { describe, expect, it } from 'vitest';
import type { Cluster, LoadBalancerIngress } from './cluster';
import { serviceExposure } from './exposure';
import { destinationsFor } from './requestOptions';
import { WEB_NODE_PORTS, webCluster } from './trace/testClusters';

const ELB = 'a1b2-123.us-east-1.elb.amazonaws.com';
const withIngress = (cluster: Cluster, ingress: LoadBalancerIngress[]): Cluster => ({
  ...cluster, services: cluster.services.map((s) => ({ ...s, status: { loadBalancer: { ingress } } })),
});

describe('serviceExposure: load balancer addresses', () => {
  it('an IP with ipMode VIP has a kube-proxy rule (in-cluster shortcut); ipMode Proxy does not', () => {
    const vip = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS });
    expect(serviceExposure(vip, vip.services[0]!).external).toEqual([
      { host: '203.0.113.10', port: 80, protocol: 'TCP', via: 'load-balancer', reachableFrom: 'internet', portName: 'http', loadBalancer: { hostname: false, ipMode: 'VIP', kubeProxyRule: true } },
    ]);
    const proxy = withIngress(vip, [{ ip: '203.0.113.10', ipMode: 'Proxy' }]);
    expect(serviceExposure(proxy, proxy.services[0]!).external[0]!.loadBalancer).toEqual({ hostname: false, ipMode: 'Proxy', kubeProxyRule: false });
  });

  it('a balancer known only by its hostname answers on that name, with no kube-proxy rule; Send-to lists it', () => {
    const named = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), [{ hostname: ELB }]);
    const e = serviceExposure(named, named.services[0]!);
    expect(e.external).toEqual([{ host: ELB, port: 80, protocol: 'TCP', via: 'load-balancer', reachableFrom: 'internet', portName: 'http', loadBalancer: { hostname: true, kubeProxyRule: false } }]);
    expect(e.loadBalancerPending).toBe(false);
    const lb = destinationsFor(named, { kind: 'client', name: 'browser' }).filter((d) => d.group === 'Load balancer');
    expect(lb.map((d) => d.to)).toEqual([{ host: ELB, port: 80, protocol: 'TCP' }]);
    expect(lb[0]!.expect).toBe('works');
  });

  it('names the data path: node-port, vip, pod, or none for node targets without a nodePort', () => {
    const backend = (spec: Record<string, unknown>, targets: string) => {
      const c = webCluster({ type: 'LoadBalancer', ...spec }, { loadBalancerTargets: targets });
      return serviceExposure(c, c.services[0]!).loadBalancerBackend;
    };
    expect(backend({ ports: WEB_NODE_PORTS }, 'NodePort')).toBe('node-port');
    expect(backend({ allocateLoadBalancerNodePorts: false }, 'NodePort')).toBe('none');
    expect(backend({ allocateLoadBalancerNodePorts: false }, 'VIP')).toBe('vip');
    expect(backend({ allocateLoadBalancerNodePorts: false }, 'Pod')).toBe('pod');
    const clusterIP = webCluster({});
    expect(serviceExposure(clusterIP, clusterIP.services[0]!).loadBalancerBackend).toBeUndefined();
  });
});
