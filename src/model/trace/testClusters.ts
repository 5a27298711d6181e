/**
 * Test clusters with fixed addresses (test helper, not used by the app). Three workers on
 * 10.0.1.0/24 with pod CIDRs 10.244.{0,1,2}.0/24; a LAN laptop 10.0.1.200 and an internet
 * client 198.51.100.7; pods of `app: web` on worker-1 (10.244.0.3) and worker-2 (10.244.1.2);
 * a client pod on worker-1 (10.244.0.2).
 */
import type { Cluster, Ingress, KeptObject } from '../cluster';
import { cluster, type ClusterBuilder } from '../testing/clusterBuilder';

type Json = Record<string, unknown>;

export const N1 = '10.0.1.10';
export const N2 = '10.0.1.11';
export const N3 = '10.0.1.12';
export const CLIENT_POD_IP = '10.244.0.2';
export const WEB_A_IP = '10.244.0.3';
export const WEB_B_IP = '10.244.1.2';
export const LAPTOP = '10.0.1.200';
export const INTERNET_CLIENT = '198.51.100.7';
export const CLUSTER_IP = '10.96.0.50';

/** The three workers, the clients and the pods; add Services to it. */
export function baseCluster(settings: Json = {}): ClusterBuilder {
  return cluster()
    .withSettings({
      provider: 'cloud',
      clients: [
        { name: 'laptop', location: 'lan', ip: LAPTOP },
        { name: 'browser', location: 'internet', ip: INTERNET_CLIENT },
      ],
      ...settings,
    })
    .node('worker-1', { internalIP: N1, podCIDR: '10.244.0.0/24' })
    .node('worker-2', { internalIP: N2, podCIDR: '10.244.1.0/24' })
    .node('worker-3', { internalIP: N3, podCIDR: '10.244.2.0/24' })
    .pod('client', { app: 'client' }, { node: 'worker-1', podIP: CLIENT_POD_IP, ready: true })
    .pod('web-a', { app: 'web' }, { node: 'worker-1', podIP: WEB_A_IP, ready: true })
    .pod('web-b', { app: 'web' }, { node: 'worker-2', podIP: WEB_B_IP, ready: true });
}

/** `web`: port 80 → targetPort "http" (8080), ClusterIP 10.96.0.50, of the given type. */
export function webCluster(spec: Json = {}, settings: Json = {}): Cluster {
  return baseCluster(settings).service('web', { clusterIP: CLUSTER_IP, ...spec }).build();
}

/** The ports of `web` with a fixed nodePort. */
export const WEB_NODE_PORTS = [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }];

const INGRESS_CONTROLLER_LABELS = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };

export function ingressObject(name: string, spec: Partial<Ingress['spec']>, annotations?: Record<string, string>): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: {
      ...spec,
      rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
    },
  };
}

export function ingressClassObject(name: string, controller: string, isDefault = false): KeptObject {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
    metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    spec: { controller },
  };
}

/** The controller behind its LoadBalancer, `web` as the backend, and the given Ingresses and IngressClasses. */
export function ingressClassCluster(ingresses: Record<string, unknown>[], classes: KeptObject[] = []): Cluster {
  let b = baseCluster()
    .pod('ingress-nginx-controller', INGRESS_CONTROLLER_LABELS, {
      node: 'worker-3', podIP: '10.244.2.2', ready: true, namespace: 'ingress-nginx',
      ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'webhook', containerPort: 8443 }],
    })
    .service('ingress-nginx-controller', {
      type: 'LoadBalancer', selector: INGRESS_CONTROLLER_LABELS, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 31080 }],
    }, 'ingress-nginx')
    .service('ingress-nginx-controller-admission', {
      selector: INGRESS_CONTROLLER_LABELS, ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook' }],
    }, 'ingress-nginx')
    .service('web', { clusterIP: '10.96.0.50' });
  for (const i of ingresses) b = b.object(i);
  const built = b.build();
  return classes.length > 0 ? { ...built, kept: [...(built.kept ?? []), ...classes] } : built;
}
