/**
 * The palette's entries: what each template is called. Apart from `templates.ts` (which builds the
 * objects, with the manifest round trip behind it) so the menu can be drawn without loading that.
 */
export type Template =
  | 'node'
  | 'pod'
  | 'deployment'
  | 'service-clusterip'
  | 'service-nodeport'
  | 'service-loadbalancer'
  | 'service-externalname'
  | 'service-headless'
  | 'ingress'
  | 'client-internet'
  | 'client-lan';

export const TEMPLATES: readonly { id: Template; label: string }[] = [
  { id: 'node', label: 'Node' },
  { id: 'pod', label: 'Pod' },
  { id: 'deployment', label: 'Deployment (3 replicas)' },
  { id: 'service-clusterip', label: 'Service · ClusterIP' },
  { id: 'service-nodeport', label: 'Service · NodePort' },
  { id: 'service-loadbalancer', label: 'Service · LoadBalancer' },
  { id: 'service-externalname', label: 'Service · ExternalName' },
  { id: 'service-headless', label: 'Service · headless' },
  { id: 'ingress', label: 'Ingress' },
  { id: 'client-internet', label: 'Client on the internet' },
  { id: 'client-lan', label: 'Client on the node LAN' },
];
