/**
 * A large generated cluster for timing kube-proxy's rules (test helper, not used by the app):
 * 100 nodes, 1,000 Services (ClusterIP, NodePort, LoadBalancer with Cluster and Local policy,
 * some with session affinity or source ranges) and 5,000 ready pods, 5 per Service, spread over
 * the nodes, with EndpointSlices listing them.
 */
import { DEFAULT_SETTINGS, type Cluster, type EndpointSlice, type Node, type Pod, type Service } from '../cluster';
import type { EndpointsResult } from '../endpoints';
import { intToIp, ipToInt } from '../ip';

export interface SyntheticSize {
  nodes: number;
  services: number;
  podsPerService: number;
}

export const BIG_CLUSTER: SyntheticSize = { nodes: 100, services: 1000, podsPerService: 5 };

/** Builds the cluster; deterministic. */
export function syntheticCluster(size: SyntheticSize = BIG_CLUSTER): Cluster {
  const nodes: Node[] = [];
  for (let i = 0; i < size.nodes; i++) {
    nodes.push({
      apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i}` },
      spec: { podCIDR: `10.244.${i}.0/24` },
      status: { addresses: [{ type: 'InternalIP', address: intToIp(ipToInt('10.0.0.10') + i) }], ready: true },
    });
  }
  const pods: Pod[] = [];
  const services: Service[] = [];
  const endpointSlices: EndpointSlice[] = [];
  let podIndex = 0;
  for (let s = 0; s < size.services; s++) {
    const name = `svc-${s}`;
    const namespace = `ns-${s % 10}`;
    const kind = s % 4;
    const type = kind === 0 || kind === 1 ? 'ClusterIP' : kind === 2 ? 'NodePort' : 'LoadBalancer';
    const svc: Service = {
      apiVersion: 'v1', kind: 'Service', metadata: { name, namespace },
      spec: {
        type, selector: { app: name },
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080,
          ...(type !== 'ClusterIP' ? { nodePort: 30000 + s } : {}) }],
        clusterIP: intToIp(ipToInt('10.96.1.0') + s),
        sessionAffinity: s % 7 === 0 ? 'ClientIP' : 'None',
        ...(type === 'LoadBalancer' && s % 8 === 3 ? { externalTrafficPolicy: 'Local' as const, healthCheckNodePort: 32000 + (s % 700) } : {}),
        ...(type === 'LoadBalancer' && s % 16 === 7 ? { loadBalancerSourceRanges: ['203.0.113.0/25'] } : {}),
      },
      status: { loadBalancer: type === 'LoadBalancer' ? { ingress: [{ ip: intToIp(ipToInt('198.51.100.0') + s) }] } : {} },
    };
    services.push(svc);
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: `${name}-abcde`, namespace, labels: { 'kubernetes.io/service-name': name } },
      addressType: 'IPv4', endpoints: [], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    };
    for (let p = 0; p < size.podsPerService; p++, podIndex++) {
      const nodeIdx = podIndex % size.nodes;
      const ip = `10.244.${nodeIdx}.${2 + Math.floor(podIndex / size.nodes)}`;
      const podName = `${name}-${p}`;
      pods.push({
        apiVersion: 'v1', kind: 'Pod', metadata: { name: podName, namespace, labels: { app: name } },
        spec: { nodeName: `node-${nodeIdx}`, containers: [{ name: 'app', image: 'app', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
        status: { phase: 'Running', podIP: ip, ready: true },
      });
      slice.endpoints.push({ addresses: [ip], conditions: { ready: true, serving: true, terminating: false },
        nodeName: `node-${nodeIdx}`, targetRef: { kind: 'Pod', name: podName, namespace } });
    }
    endpointSlices.push(slice);
  }
  return { settings: { ...DEFAULT_SETTINGS, podCIDR: '10.244.0.0/16' }, nodes, pods, services, endpointSlices, ingresses: [] };
}

/** EndpointsResult straight from the cluster's EndpointSlices (so timing does not wait on endpointsFor). */
export function endpointsFromSlices(cluster: Cluster): (svc: Service) => EndpointsResult {
  const byService = new Map<string, EndpointSlice[]>();
  for (const slice of cluster.endpointSlices) {
    const key = `${slice.metadata.namespace}/${slice.metadata.labels?.['kubernetes.io/service-name'] ?? ''}`;
    byService.set(key, [...(byService.get(key) ?? []), slice]);
  }
  return (svc) => {
    const slices = byService.get(`${svc.metadata.namespace}/${svc.metadata.name}`) ?? [];
    return {
      source: 'slices',
      excluded: [],
      ports: svc.spec.ports.map((servicePort) => ({
        servicePort,
        endpoints: slices.flatMap((slice) => {
          const port = slice.ports.find((p) => (p.name ?? '') === (servicePort.name ?? '') && (p.protocol ?? 'TCP') === servicePort.protocol);
          if (port?.port === undefined) return [];
          const portNumber = port.port;
          return slice.endpoints.flatMap((e) => e.addresses.slice(0, 1).map((ip) => ({
            ip, port: portNumber, protocol: servicePort.protocol,
            ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
            ready: e.conditions.ready ?? true, serving: e.conditions.serving ?? true, terminating: e.conditions.terminating ?? false,
          })));
        }),
      })),
    };
  };
}
