import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { nodeInternalIP } from '../cluster';

/** IPv4 dotted quad → 32-bit unsigned number. */
function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipToInt(base);
  return ipToInt(ip) >= start && ipToInt(ip) < start + size;
}

describe('default scenario', () => {
  const cluster = defaultScenario();

  it('has three workers, three web pods on two of them, and a LoadBalancer web Service', () => {
    expect(cluster.nodes.map((n) => n.metadata.name)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const web3 = cluster.pods.filter((p) => p.metadata.namespace === 'default');
    expect(web3).toHaveLength(3);
    expect(new Set(web3.map((p) => p.spec.nodeName)).size).toBe(2);
    // And cluster DNS, as every cluster has: kube-dns and two CoreDNS pods.
    expect(cluster.pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')).toHaveLength(2);
    expect(cluster.services.map((s) => s.metadata.name)).toEqual(['web', 'kube-dns']);
    const web = cluster.services[0]!;
    expect(web.spec.type).toBe('LoadBalancer');
    expect(web.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, nodePort: 30080 });
  });

  it('puts every pod on an existing node, inside that node\'s pod CIDR', () => {
    for (const pod of cluster.pods) {
      const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
      expect(node, pod.metadata.name).toBeDefined();
      expect(inCidr(pod.status.podIP!, node!.spec.podCIDR!), pod.metadata.name).toBe(true);
    }
  });

  it('keeps node IPs in the node subnet, the ClusterIP in the service CIDR, and every IP unique', () => {
    const { settings } = cluster;
    const nodeIPs = cluster.nodes.map((n) => nodeInternalIP(n)!);
    for (const ip of nodeIPs) expect(inCidr(ip, settings.nodeSubnet)).toBe(true);
    const clusterIP = cluster.services[0]!.spec.clusterIP!;
    expect(inCidr(clusterIP, settings.serviceCIDR)).toBe(true);
    const all = [...nodeIPs, ...cluster.pods.map((p) => p.status.podIP!), clusterIP, settings.dnsServiceIP];
    expect(new Set(all).size).toBe(all.length);
  });
});
