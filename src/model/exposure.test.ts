import { describe, expect, it } from 'vitest';
import { serviceExposure, type ExposedAddress } from './exposure';
import { defaultScenario } from './scenarios/defaultScenario';
import type { Cluster, Service } from './cluster';

function withService(cluster: Cluster, patch: (s: Service) => Service): { cluster: Cluster; service: Service } {
  const service = patch(structuredClone(cluster.services[0]!));
  return { cluster: { ...cluster, services: [service] }, service };
}

/** The `ip:port` an address stands for (the model hands over host and port apart). */
const text = (a: ExposedAddress) => `${a.host}:${a.port}`;

describe('serviceExposure', () => {
  const base = defaultScenario();
  const web = base.services[0]!;
  const clusterIP = web.spec.clusterIP!;
  const nodePort = web.spec.ports[0]!.nodePort!;

  it('lists ClusterIP:port, NodeIP:nodePort on every node and LB-IP:port for a LoadBalancer', () => {
    const e = serviceExposure(base, web);
    expect(e.dnsName).toBe('web.default.svc.cluster.local');
    expect(e.dnsAnswer).toBe('cluster-ip');
    expect(e.inCluster.map(text)).toEqual([`${clusterIP}:80`]);
    expect(e.onEveryNode.map(text)).toEqual(
      base.nodes.map((n) => `${n.status.addresses.find((a) => a.type === 'InternalIP')!.address}:${nodePort}`),
    );
    expect(e.external.map(text)).toEqual([`${web.status.loadBalancer.ingress![0]!.ip}:80`]);
    expect(e.loadBalancerPending).toBe(false);
    expect(e.nodesReachableFromInternet).toBe(false);
  });

  it('never offers ClusterIP:nodePort: the nodePort lives on node addresses only', () => {
    const e = serviceExposure(base, web);
    const all = [...e.inCluster, ...e.onEveryNode, ...e.external].map(text);
    expect(all).not.toContain(`${clusterIP}:${nodePort}`);
  });

  it('gives a ClusterIP Service only its in-cluster address', () => {
    const { cluster, service } = withService(base, (s) => ({
      ...s,
      spec: { ...s.spec, type: 'ClusterIP', ports: s.spec.ports.map(({ nodePort: _n, ...p }) => p), externalTrafficPolicy: undefined },
      status: { loadBalancer: {} },
    }));
    const e = serviceExposure(cluster, service);
    expect(e.inCluster.map(text)).toEqual([`${clusterIP}:80`]);
    expect(e.onEveryNode).toEqual([]);
    expect(e.external).toEqual([]);
  });

  it('marks a LoadBalancer without ingress as pending, and adds externalIPs on the service port', () => {
    const { cluster, service } = withService(base, (s) => ({
      ...s,
      spec: { ...s.spec, externalIPs: ['192.0.2.50'] },
      status: { loadBalancer: {} },
    }));
    const e = serviceExposure(cluster, service);
    expect(e.loadBalancerPending).toBe(true);
    expect(e.external.map(text)).toEqual(['192.0.2.50:80']);
  });

  it('has no virtual address for headless or ExternalName Services', () => {
    const headless = withService(base, (s) => ({
      ...s,
      spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], sessionAffinity: 'None' },
      status: { loadBalancer: {} },
    }));
    expect(serviceExposure(headless.cluster, headless.service)).toMatchObject({ dnsAnswer: 'pod-ips', inCluster: [], onEveryNode: [] });
    const external = withService(base, (s) => ({
      ...s,
      spec: { type: 'ExternalName', externalName: 'db.example.com', ports: [], sessionAffinity: 'None' },
      status: { loadBalancer: {} },
    }));
    expect(serviceExposure(external.cluster, external.service)).toMatchObject({ dnsAnswer: 'cname', inCluster: [], external: [] });
  });
});
