import { describe, expect, it } from 'vitest';
import { coveringCidr } from './inferSettings';
import { parseManifests } from './parse';
// A k3s cluster's `kubectl get nodes,pods,svc,endpointslices,ingress,cm -A -o yaml`, shared with the e2e suite.
import k3sDump from '../../../e2e/data/kubectl-get-all.yaml?raw';

describe('settings for a real cluster dump', () => {
  it('widens to the /16 the addresses share, or wider', () => {
    expect(coveringCidr(['10.43.18.201'])).toBe('10.43.0.0/16');
    expect(coveringCidr(['10.42.0.14', '10.42.1.9'])).toBe('10.42.0.0/16');
    expect(coveringCidr(['10.20.1.17', '10.21.2.33'])).toBe('10.20.0.0/15');
    expect(coveringCidr([])).toBeUndefined();
  });

  it('imports a k3s-style dump whole: Service range 10.43/16, pods 10.42/16, DNS at .10', () => {
    const { cluster, errors, warnings, kept } = parseManifests(k3sDump);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(kept).toEqual([{ kind: 'ConfigMap', count: 1 }]);
    expect(cluster.kept!.map((o) => o.kind)).toEqual(['ConfigMap']);
    expect(cluster.settings).toMatchObject({ serviceCIDR: '10.43.0.0/16', dnsServiceIP: '10.43.0.10', podCIDR: '10.42.0.0/16', nodeSubnet: '10.20.0.0/16' });
    expect(cluster.services.find((s) => s.metadata.name === 'checkout')!.spec.clusterIP).toBe('10.43.18.201');
  });

  it('keeps explicit ClusterSettings as they are', () => {
    const text = 'apiVersion: explainer.dev/v1alpha1\nkind: ClusterSettings\nmetadata: {name: cluster}\nspec: {}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {clusterIP: 10.43.0.5, ports: [{port: 80}]}\n';
    const { errors, cluster } = parseManifests(text);
    expect(cluster.settings.serviceCIDR).toBe('10.96.0.0/12');
    expect(errors[0]?.field).toBe('spec.clusterIPs');
  });
});
