/**
 * What the palette adds: new objects as manifests, named so they do not clash, so they go through
 * the same defaulting and allocation as an import (the API server fills in ClusterIPs, nodePorts,
 * targetPorts; node IPAM gives podCIDRs; the scheduler places pods).
 */
import type { Cluster, Client } from './cluster';
import { addObjects, uniqueName, updateSettings, type EditResult } from './edits';
import { INGRESS_CONTROLLER_LABEL, INGRESS_CONTROLLER_NAME, isIngressController } from './trace/ingress';

type Json = Record<string, unknown>;

export type { Template } from './templateList';
import type { Template } from './templateList';

const container = (app: string) => ({ name: app, image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });

/** The app the new Service or Ingress should point at: the first app label in the cluster, or "web". */
function someApp(cluster: Cluster): string {
  return cluster.pods.map((p) => p.metadata.labels?.app).find((a): a is string => !!a) ?? 'web';
}

function serviceObject(cluster: Cluster, template: Template): Json {
  const name = uniqueName(template === 'service-externalname' ? 'database' : 'svc', cluster.services.map((s) => s.metadata.name));
  const app = someApp(cluster);
  const ports = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }];
  const spec: Json = {
    'service-clusterip': { type: 'ClusterIP', selector: { app }, ports },
    'service-nodeport': { type: 'NodePort', selector: { app }, ports },
    'service-loadbalancer': { type: 'LoadBalancer', selector: { app }, ports },
    'service-headless': { type: 'ClusterIP', clusterIP: 'None', selector: { app }, ports },
    'service-externalname': { type: 'ExternalName', externalName: 'db.example.com' },
  }[template as 'service-clusterip'];
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

/**
 * ingress-nginx as its official manifests deploy it, reduced to what routing needs: controller pods
 * in namespace ingress-nginx behind a LoadBalancer Service named ingress-nginx-controller.
 */
function ingressNginx(): Json[] {
  const labels = { [INGRESS_CONTROLLER_LABEL]: INGRESS_CONTROLLER_NAME, 'app.kubernetes.io/component': 'controller' };
  const ports = [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'https', containerPort: 443, protocol: 'TCP' }];
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.12.1', ports }] } } },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }, { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }],
      },
    },
  ];
}

/** Adds one new object of the given kind. */
export function addFromTemplate(cluster: Cluster, template: Template): EditResult {
  switch (template) {
    case 'node': {
      const name = uniqueName(`worker-${cluster.nodes.length + 1}`, cluster.nodes.map((n) => n.metadata.name));
      return addObjects(cluster, [{ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {} }]);
    }
    case 'pod': {
      const app = someApp(cluster);
      const name = uniqueName(`${app}-pod`, cluster.pods.map((p) => p.metadata.name));
      return addObjects(cluster, [{ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app } }, spec: { containers: [container(app)] } }]);
    }
    case 'deployment': {
      const name = uniqueName('api', [...(cluster.deployments ?? []).map((d) => d.metadata.name), ...cluster.services.map((s) => s.metadata.name)]);
      return addObjects(cluster, [{
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: 'default' },
        spec: { replicas: 3, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container(name)] } } },
      }]);
    }
    case 'ingress': {
      const backend = cluster.services.find((s) => s.spec.type !== 'ExternalName' && s.metadata.namespace === 'default');
      const name = uniqueName('ingress', cluster.ingresses.map((i) => i.metadata.name));
      const rule: Json = { host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend?.metadata.name ?? 'web', port: { number: backend?.spec.ports[0]?.port ?? 80 } } } }] } };
      const ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default' }, spec: { ingressClassName: 'nginx', rules: [rule] } };
      // An Ingress does nothing without a controller: bring ingress-nginx along the first time.
      const hasController = cluster.pods.some(isIngressController);
      return addObjects(cluster, hasController ? [ingress] : [...ingressNginx(), ingress]);
    }
    case 'client-internet':
    case 'client-lan': {
      const location = template === 'client-lan' ? 'lan' : 'internet';
      const name = uniqueName(location === 'lan' ? 'laptop' : 'client', cluster.settings.clients.map((c) => c.name));
      // An empty ip asks the model for one (TEST-NET-2 for the internet, the node subnet for the LAN).
      const clients: Client[] = [...cluster.settings.clients, { name, location, ip: '' }];
      return updateSettings(cluster, { clients });
    }
    default:
      return addObjects(cluster, [serviceObject(cluster, template)]);
  }
}
