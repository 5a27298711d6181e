import { describe, expect, it } from 'vitest';
import { addFromTemplate } from './templates';
import { TEMPLATES } from './templateList';
import { defaultScenario } from './scenarios/defaultScenario';
import { inCidr } from './ip';

describe('palette templates', () => {
  const base = defaultScenario();

  it.each(TEMPLATES.map((t) => t.id))('adds a valid %s', (template) => {
    const result = addFromTemplate(base, template);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const count = (c: typeof base) => c.nodes.length + c.pods.length + c.services.length + c.ingresses.length + c.settings.clients.length;
    expect(count(result.cluster)).toBeGreaterThan(count(base));
  });

  it('gives a new node a podCIDR and a new NodePort Service a free nodePort', () => {
    const withNode = addFromTemplate(base, 'node');
    if (!withNode.ok) throw new Error('refused');
    const node = withNode.cluster.nodes.at(-1)!;
    expect(node.metadata.name).toBe('worker-4');
    expect(inCidr(node.spec.podCIDR!.split('/')[0]!, base.settings.podCIDR)).toBe(true);
    const withSvc = addFromTemplate(base, 'service-nodeport');
    if (!withSvc.ok) throw new Error('refused');
    const svc = withSvc.cluster.services.at(-1)!;
    expect(svc.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.spec.ports[0]!.nodePort).not.toBe(30080);
  });

  it('gives a new internet client an address from TEST-NET-2', () => {
    const result = addFromTemplate(base, 'client-internet');
    if (!result.ok) throw new Error('refused');
    const client = result.cluster.settings.clients.at(-1)!;
    expect(client.name).toBe('client-2');
    expect(inCidr(client.ip, '198.51.100.0/24')).toBe(true);
  });
});

describe('ingress template', () => {
  it('brings an ingress-nginx controller the first time, and only then', () => {
    const first = addFromTemplate(defaultScenario(), 'ingress');
    if (!first.ok) throw new Error(first.errors.map((e) => e.message).join('\n'));
    const controller = first.cluster.services.find((s) => s.metadata.name === 'ingress-nginx-controller')!;
    expect(controller.metadata.namespace).toBe('ingress-nginx');
    expect(controller.spec.type).toBe('LoadBalancer');
    expect(first.cluster.pods.filter((p) => p.metadata.namespace === 'ingress-nginx')).toHaveLength(1);
    const second = addFromTemplate(first.cluster, 'ingress');
    if (!second.ok) throw new Error('refused');
    expect(second.cluster.services.filter((s) => s.metadata.name === 'ingress-nginx-controller')).toHaveLength(1);
    expect(second.cluster.ingresses.map((i) => i.metadata.name)).toEqual(['ingress', 'ingress-2']);
  });
});
