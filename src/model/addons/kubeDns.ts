/**
 * Cluster DNS as the objects a real cluster holds: the `kube-system/kube-dns` Service on
 * `settings.dnsServiceIP` and the `coredns` Deployment behind it, as kubeadm writes them
 * (cmd/kubeadm/app/phases/addons/dns/manifests.go: CoreDNSService, CoreDNSDeployment; image
 * constants.DefaultCoreDNSVersion). Every cluster has them, so a cluster built from a user's
 * objects gets them unless those objects bring their own.
 */
import type { Cluster } from '../cluster';
import { inCidr } from '../ip';

export const KUBE_DNS_NAMESPACE = 'kube-system';
export const KUBE_DNS_SERVICE = 'kube-dns';
export const COREDNS_DEPLOYMENT = 'coredns';
/** The label the Service selects and every CoreDNS pod carries. */
export const KUBE_DNS_LABELS = { 'k8s-app': 'kube-dns' } as const;
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';

type Json = Record<string, unknown>;

/** True for the cluster DNS Service itself (`kube-system/kube-dns`). */
export function isKubeDnsService(obj: { metadata: { name: string; namespace?: string } }): boolean {
  return obj.metadata.name === KUBE_DNS_SERVICE && obj.metadata.namespace === KUBE_DNS_NAMESPACE;
}

/** kubeadm's CoreDNSService, with the cluster's DNS address. */
function kubeDnsService(dnsServiceIP: string): Json {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      name: KUBE_DNS_SERVICE, namespace: KUBE_DNS_NAMESPACE,
      labels: { ...KUBE_DNS_LABELS, 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: dnsServiceIP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { ...KUBE_DNS_LABELS },
    },
  };
}

/** kubeadm's CoreDNSDeployment (two replicas, its default), reduced to the fields the model reads. */
function corednsDeployment(): Json {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: COREDNS_DEPLOYMENT, namespace: KUBE_DNS_NAMESPACE, labels: { ...KUBE_DNS_LABELS } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...KUBE_DNS_LABELS } },
      template: {
        metadata: { labels: { ...KUBE_DNS_LABELS } },
        spec: {
          containers: [{
            name: 'coredns', image: COREDNS_IMAGE,
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
              { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
            ],
          }],
        },
      },
    },
  };
}

/**
 * The manifest objects cluster DNS still needs in `cluster` (read from the user's objects, before
 * allocation): none when it already has a `kube-system/kube-dns` Service (a dump keeps its own),
 * or when `dnsServiceIP` lies outside the Service range (no API server would give it out). The
 * Deployment is left out when the user's objects already hold it or CoreDNS pods.
 */
export function missingKubeDnsObjects(cluster: Cluster): Json[] {
  const { dnsServiceIP, serviceCIDR } = cluster.settings;
  if (cluster.services.some(isKubeDnsService) || !inCidr(dnsServiceIP, serviceCIDR)) return [];
  const hasCoreDns = (cluster.deployments ?? []).some((d) => d.metadata.namespace === KUBE_DNS_NAMESPACE && d.metadata.name === COREDNS_DEPLOYMENT)
    || cluster.pods.some((p) => p.metadata.namespace === KUBE_DNS_NAMESPACE && p.metadata.labels?.['k8s-app'] === KUBE_DNS_LABELS['k8s-app']);
  return hasCoreDns ? [kubeDnsService(dnsServiceIP)] : [kubeDnsService(dnsServiceIP), corednsDeployment()];
}
