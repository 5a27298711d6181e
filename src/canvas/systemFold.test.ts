import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { cluster as builder } from '../model/testing/clusterBuilder';
import { trace } from '../model/trace/trace';
import { toFlow } from './toFlow';
import { traceTouchesSystem } from './systemFold';

const ids = (flow: ReturnType<typeof toFlow>) => flow.nodes.map((n) => n.id);

describe('the kube-system fold', () => {
  const c = defaultScenario();
  const folded = toFlow(c, {});
  const shown = toFlow(c, {}, null, { showSystem: true });

  it('hides kube-dns and the CoreDNS pods by default and leaves the rest where it was', () => {
    expect(c.services.some((s) => s.metadata.namespace === 'kube-system')).toBe(true);
    expect(ids(folded).some((id) => id.includes('kube-system/'))).toBe(false);
    expect(folded.nodes[0]!.data).toMatchObject({ system: { services: 1, pods: 2, shown: false } });
    // Without the add-on objects the first screen is the same picture.
    const withoutSystem = { ...c, services: c.services.filter((s) => s.metadata.namespace !== 'kube-system'), pods: c.pods.filter((p) => p.metadata.namespace !== 'kube-system') };
    const bare = toFlow(withoutSystem, {});
    expect(folded.nodes.slice(1).map((n) => [n.id, n.position, n.width, n.height])).toEqual(bare.nodes.slice(1).map((n) => [n.id, n.position, n.width, n.height]));
    expect(folded.edges.map((e) => e.id)).toEqual(bare.edges.map((e) => e.id));
  });

  it('shows them when opened: the Service in the band, each CoreDNS pod in its node, the endpoint edges', () => {
    expect(ids(shown)).toContain('svc:kube-system/kube-dns');
    const corednsPods = c.pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    for (const pod of corednsPods) {
      const node = shown.nodes.find((n) => n.id === `pod:kube-system/${pod.metadata.name}`)!;
      expect(node.parentId).toBe(`node:${pod.spec.nodeName}`);
      expect(shown.edges.some((e) => e.source === 'svc:kube-system/kube-dns' && e.target === node.id)).toBe(true);
    }
  });

  it('opens by itself for a trace that looks a name up', () => {
    const small = builder().node('n1').pod('client', { app: 'c' }, { node: 'n1' }).service('web', { clusterIP: '10.96.100.10' }).build();
    const from = { kind: 'pod', namespace: 'default', name: 'client' } as const;
    expect(traceTouchesSystem(trace(small, { from, to: { host: 'web', port: 80 } }))).toBe(true);
    expect(traceTouchesSystem(trace(small, { from, to: { host: '10.96.100.10', port: 80 } }))).toBe(false);
  });
});
