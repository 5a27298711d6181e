import type { Cluster, Node, Pod } from '../cluster';

/**
 * The scenario the app opens on: a cloud cluster of three workers on a private subnet, three
 * `app: web` pods on two of them, and a LoadBalancer Service `web` (80 → 8080, nodePort 30080).
 *
 * Hand-written for now; the manifests + allocation model replaces these literal addresses.
 */
function worker(index: number): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `worker-${index}`, labels: { 'kubernetes.io/hostname': `worker-${index}` } },
    spec: { podCIDR: `10.244.${index - 1}.0/24` },
    status: {
      addresses: [
        { type: 'InternalIP', address: `10.0.1.${10 + index}` },
        { type: 'Hostname', address: `worker-${index}` },
      ],
      ready: true,
    },
  };
}

function webPod(name: string, nodeName: string, podIP: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: {
      nodeName,
      containers: [
        { name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] },
      ],
    },
    status: { phase: 'Running', podIP, ready: true },
  };
}

export function defaultScenario(): Cluster {
  return {
    settings: {
      provider: 'cloud',
      serviceCIDR: '10.96.0.0/12',
      podCIDR: '10.244.0.0/16',
      nodeSubnet: '10.0.1.0/24',
      nodesPublic: false,
      nodePortRange: '30000-32767',
      clusterDomain: 'cluster.local',
      dnsServiceIP: '10.96.0.10',
      clients: [{ name: 'client', location: 'internet', ip: '198.51.100.7' }],
    },
    nodes: [worker(1), worker(2), worker(3)],
    pods: [
      webPod('web-5d8f7c9b4-2xkqp', 'worker-1', '10.244.0.5'),
      webPod('web-5d8f7c9b4-7lmzt', 'worker-1', '10.244.0.6'),
      webPod('web-5d8f7c9b4-q9vbn', 'worker-2', '10.244.1.4'),
    ],
    services: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'web' },
          ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
          clusterIP: '10.96.142.31',
          clusterIPs: ['10.96.142.31'],
          externalTrafficPolicy: 'Cluster',
          internalTrafficPolicy: 'Cluster',
          sessionAffinity: 'None',
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
      },
    ],
    endpointSlices: [],
    ingresses: [],
  };
}
