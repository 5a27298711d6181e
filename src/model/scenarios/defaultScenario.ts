import type { Cluster, Deployment } from '../cluster';
import { clusterFromObjects } from '../manifests/fromObjects';
import { deploymentPodName, podTemplateHash, POD_TEMPLATE_HASH } from '../manifests/deployments';

/**
 * The scenario the app opens on: a cloud cluster of three workers on a private subnet, three
 * `app: web` pods (two on worker-1, one on worker-2: worker-3 joined after they were scheduled),
 * a LoadBalancer Service `web` (80 → 8080, nodePort 30080) and a client on the internet.
 *
 * Written as the manifests a user would apply; every address comes from the model's allocation.
 * This goes through the object path only, so drawing it never loads the YAML parser.
 */
const web: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
    },
  },
};

/** The Deployment's pods as the scheduler placed them (a dump lists pods beside their Deployment). */
function webPod(index: number, nodeName: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: deploymentPodName(web, index), namespace: 'default', labels: { app: 'web', [POD_TEMPLATE_HASH]: podTemplateHash(web) } },
    spec: { nodeName, containers: web.spec.template.spec.containers },
  };
}

export function defaultScenarioManifests(): object[] {
  return [
    { apiVersion: 'explainer.dev/v1alpha1', kind: 'ClusterSettings', metadata: { name: 'cluster' },
      spec: { provider: 'cloud', nodeSubnet: '10.0.1.0/24', nodesPublic: false, clients: [{ name: 'client', location: 'internet' }] } },
    ...[1, 2, 3].map((i) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `worker-${i}`, labels: { 'kubernetes.io/hostname': `worker-${i}` } } })),
    web,
    webPod(0, 'worker-1'),
    webPod(1, 'worker-1'),
    webPod(2, 'worker-2'),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] },
    },
  ];
}

export function defaultScenario(): Cluster {
  return clusterFromObjects(defaultScenarioManifests()).cluster;
}
