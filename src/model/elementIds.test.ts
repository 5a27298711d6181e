import { describe, expect, it } from 'vitest';
import { elementId, parseElementId, refForElement } from './elementIds';
import { loadBalancerHost, parseRequestHost } from './requestHost';
import { cluster } from './testing/clusterBuilder';

const built = cluster().node('worker-1').pod('web-1', { app: 'web' }, { namespace: 'shop' }).service('web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] }, 'shop').build();
const pod = built.pods.find((p) => p.metadata.name === 'web-1')!;
const svc = built.services.find((s) => s.metadata.name === 'web')!;

describe('element ids', () => {
  it('are built in the one wire format links and embeds already carry', () => {
    expect(elementId.pod(pod)).toBe('pod:shop/web-1');
    expect(elementId.pod({ namespace: 'shop', name: 'web-1' })).toBe('pod:shop/web-1');
    expect(elementId.service(svc)).toBe('svc:shop/web');
    expect(elementId.loadBalancer(svc)).toBe('lb:shop/web');
    expect(elementId.node('worker-1')).toBe('node:worker-1');
    expect(elementId.client({ name: 'laptop' })).toBe('client:laptop');
    expect(elementId.host('203.0.113.7')).toBe('client:203.0.113.7');
    expect(elementId.external('10.96.0.99')).toBe('external:10.96.0.99');
    expect(elementId.endpoint('db', undefined, '192.0.2.10')).toBe('endpoint:db//192.0.2.10');
    expect(elementId.sliceService('db', 'legacy')).toBe('slices:db/legacy');
    expect(elementId.cluster()).toBe('cluster');
    expect(elementId.offNode()).toBe('offnode');
  });

  it('parse back into what they stand for', () => {
    expect(parseElementId(elementId.pod(pod))).toEqual({ kind: 'pod', namespace: 'shop', name: 'web-1' });
    expect(parseElementId(elementId.service(svc))).toEqual({ kind: 'service', namespace: 'shop', name: 'web' });
    expect(parseElementId(elementId.loadBalancer(svc))).toEqual({ kind: 'loadBalancer', namespace: 'shop', name: 'web' });
    expect(parseElementId('ingress:default/sites')).toEqual({ kind: 'ingress', namespace: 'default', name: 'sites' });
    expect(parseElementId('node:worker-1')).toEqual({ kind: 'node', name: 'worker-1' });
    expect(parseElementId('client:203.0.113.7')).toEqual({ kind: 'client', name: '203.0.113.7' });
    expect(parseElementId('external:example.com')).toEqual({ kind: 'external', host: 'example.com' });
    expect(parseElementId('endpoint:db//192.0.2.10')).toEqual({ kind: 'endpoint', namespace: 'db', serviceName: '', ip: '192.0.2.10' });
    expect(parseElementId('slices:db/legacy')).toEqual({ kind: 'sliceService', namespace: 'db', serviceName: 'legacy' });
    expect(parseElementId('cluster')).toEqual({ kind: 'cluster' });
    expect(parseElementId('pod:web-1', { defaultNamespace: 'default' })).toEqual({ kind: 'pod', namespace: 'default', name: 'web-1' });
    expect(parseElementId('offnode')).toEqual({ kind: 'offNode' });
  });

  it('refuse text that is no element id', () => {
    for (const text of ['', 'web', 'pod:web-1', 'svc:', 'toString:a/b', 'endpoint:db/legacy']) expect(parseElementId(text)).toBeUndefined();
  });

  it('name the object a delete takes', () => {
    expect(refForElement('pod:shop/web-1')).toEqual({ kind: 'Pod', namespace: 'shop', name: 'web-1' });
    expect(refForElement('svc:shop/web')).toEqual({ kind: 'Service', namespace: 'shop', name: 'web' });
    expect(refForElement('node:worker-1')).toEqual({ kind: 'Node', name: 'worker-1' });
    expect(refForElement('client:laptop')).toEqual({ kind: 'Client', name: 'laptop' });
    expect(refForElement('lb:shop/web')).toBeUndefined();
    expect(refForElement('cluster')).toBeUndefined();
  });
});

describe('request hosts', () => {
  it('name a load balancer in the form links carry, apart from element ids', () => {
    expect(loadBalancerHost(svc)).toBe('lb:shop/web');
    expect(parseRequestHost('lb:shop/web')).toEqual({ kind: 'loadBalancer', service: 'shop/web' });
    expect(parseRequestHost('web.shop')).toEqual({ kind: 'host', host: 'web.shop' });
  });
});
