import { describe, expect, it } from 'vitest';
import { clusterFromObjects } from '../manifests/fromObjects';
import { toManifestObjects } from '../manifests/toObjects';
import { cluster } from '../testing/clusterBuilder';
import { manifestsWithoutAddedAddons } from './compact';

describe('cluster DNS in every cluster', () => {
  const c = cluster().node('n1').node('n2').pod('web-1', { app: 'web' }).service('web').build();

  it('adds kubeadm\'s kube-dns Service on dnsServiceIP and two CoreDNS pods spread over the nodes', () => {
    const svc = c.services.find((s) => s.metadata.namespace === 'kube-system' && s.metadata.name === 'kube-dns')!;
    expect(svc.spec.clusterIP).toBe(c.settings.dnsServiceIP);
    expect(svc.spec.selector).toEqual({ 'k8s-app': 'kube-dns' });
    expect(svc.spec.ports.map((p) => `${p.name} ${p.port}/${p.protocol} → ${String(p.targetPort)}`)).toEqual(['dns 53/UDP → 53', 'dns-tcp 53/TCP → 53', 'metrics 9153/TCP → 9153']);
    const pods = c.pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^coredns-[a-z0-9]+-[a-z0-9]{5}$/);
      expect(pod.status.podIP).toBeDefined();
      expect(pod.spec.containers[0]!.ports!.slice(0, 3).map((p) => `${p.name} ${p.containerPort}/${p.protocol ?? 'TCP'}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    }
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(2);
    // The user's pod keeps the first address: the add-on is allocated after it.
    expect(c.pods[0]!.status.podIP).toBe('10.244.0.2');
  });

  it('keeps a dump\'s own kube-dns and adds nothing beside it', () => {
    const own = cluster().node('n1')
      .service('kube-dns', { clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] }, 'kube-system')
      .build();
    expect(own.services.filter((s) => s.metadata.name === 'kube-dns')).toHaveLength(1);
    expect(own.services.find((s) => s.metadata.name === 'kube-dns')!.spec.ports).toHaveLength(1);
    expect(own.pods).toEqual([]);
  });

  it('a dnsServiceIP outside the Service range is refused; the kept cluster has DNS at the default address', () => {
    const odd = cluster().withSettings({ serviceCIDR: '10.96.0.0/16', dnsServiceIP: '10.100.0.10' }).node('n1').result();
    expect(odd.errors.map((e) => e.field)).toEqual(['spec.dnsServiceIP']);
    expect(odd.cluster.settings.dnsServiceIP).toBe('10.96.0.10');
    expect(odd.cluster.services.map((s) => `${s.metadata.namespace}/${s.metadata.name} ${s.spec.clusterIP}`)).toEqual(['kube-system/kube-dns 10.96.0.10']);
  });

  it('is left out of compact manifests only when rebuilding gives it back unchanged', () => {
    const all = toManifestObjects(c);
    const compact = manifestsWithoutAddedAddons(c);
    expect(compact.length).toBe(all.length - 4); // Service, Deployment, two pods
    expect(toManifestObjects(clusterFromObjects(compact).cluster)).toEqual(all);
    // A CoreDNS pod moved by hand is kept, with the rest of cluster DNS.
    const moved = structuredClone(c);
    const pod = moved.pods.find((p) => p.metadata.namespace === 'kube-system')!;
    pod.spec.nodeName = pod.spec.nodeName === 'n1' ? 'n2' : 'n1';
    expect(manifestsWithoutAddedAddons(moved)).toHaveLength(toManifestObjects(moved).length);
  });
});
