import { describe, expect, it } from 'vitest';
import { endpointsFor } from './endpoints';
import { cluster } from './testing/clusterBuilder';

const svc = (c: ReturnType<ReturnType<typeof cluster>['build']>, name = 'web') => c.services.find((s) => s.metadata.name === name)!;

describe('endpointsFor', () => {
  it('lists ready pods selected by the Service, resolving the named targetPort per pod', () => {
    const c = cluster().node('n1').node('n2')
      .pod('web-1', { app: 'web' }, { node: 'n1' })
      .pod('web-2', { app: 'web' }, { node: 'n2', ports: [{ name: 'http', containerPort: 9090 }] })
      .service('web').build();
    const result = endpointsFor(c, svc(c));
    expect(result.source).toBe('selector');
    expect(result.ports[0]!.endpoints).toEqual([
      { ip: '10.244.0.2', port: 8080, protocol: 'TCP', nodeName: 'n1', podName: 'web-1', ready: true, serving: true, terminating: false },
      { ip: '10.244.1.2', port: 9090, protocol: 'TCP', nodeName: 'n2', podName: 'web-2', ready: true, serving: true, terminating: false },
    ]);
    expect(result.excluded).toEqual([]);
  });

  it('says which label differs for pods the selector does not pick', () => {
    const c = cluster().node('n1').pod('api-1', { app: 'api' }, { node: 'n1' }).pod('nolabel', {}, { node: 'n1' }).service('web').build();
    expect(endpointsFor(c, svc(c)).excluded).toEqual([
      { podName: 'api-1', reason: { kind: 'label-mismatch', key: 'app', expected: 'web', actual: 'api' } },
      { podName: 'nolabel', reason: { kind: 'label-mismatch', key: 'app', expected: 'web' } },
    ]);
  });

  it('lists a not-ready pod with ready=false, and reports it; publishNotReadyAddresses makes it ready', () => {
    const b = () => cluster().node('n1').pod('web-1', { app: 'web' }, { node: 'n1', ready: false });
    const c = b().service('web').build();
    const result = endpointsFor(c, svc(c));
    expect(result.ports[0]!.endpoints[0]).toMatchObject({ ip: '10.244.0.2', ready: false, serving: false, terminating: false });
    expect(result.excluded).toEqual([{ podName: 'web-1', reason: { kind: 'not-ready' } }]);
    const p = b().service('web', { publishNotReadyAddresses: true }).build();
    expect(endpointsFor(p, svc(p)).ports[0]!.endpoints[0]).toMatchObject({ ready: true, serving: false });
  });

  it('keeps terminating pods as serving-but-not-ready endpoints', () => {
    const c = cluster().node('n1').pod('web-1', { app: 'web' }, { node: 'n1', terminating: true }).service('web').build();
    const result = endpointsFor(c, svc(c));
    expect(result.ports[0]!.endpoints[0]).toMatchObject({ ready: false, serving: true, terminating: true });
    expect(result.excluded[0]!.reason).toEqual({ kind: 'terminating' });
  });

  it('leaves out pods that lack the named port (or have it on another protocol), for that port only', () => {
    const c = cluster().node('n1')
      .pod('web-1', { app: 'web' }, { node: 'n1', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9100, protocol: 'UDP' }] })
      .service('web', { ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9100, targetPort: 'metrics' }] })
      .build();
    const result = endpointsFor(c, svc(c));
    expect(result.ports[0]!.endpoints).toHaveLength(1);
    expect(result.ports[1]!.endpoints).toHaveLength(0);
    expect(result.excluded).toEqual([{ podName: 'web-1', servicePortName: 'metrics', reason: { kind: 'port-name-missing', portName: 'metrics', protocol: 'TCP' } }]);
  });

  it('leaves out pods in a terminal phase, unscheduled pods and pods of other namespaces', () => {
    const c = cluster().node('n1')
      .pod('done', { app: 'web' }, { node: 'n1', phase: 'Succeeded' })
      .pod('pending', { app: 'web' }, { phase: 'Pending' })
      .pod('other', { app: 'web' }, { node: 'n1', namespace: 'prod' })
      .service('web').build();
    const result = endpointsFor(c, svc(c));
    expect(result.ports[0]!.endpoints).toEqual([]);
    expect(result.excluded).toEqual([
      { podName: 'done', reason: { kind: 'terminal-phase', phase: 'Succeeded' } },
      { podName: 'pending', reason: { kind: 'not-scheduled' } },
    ]);
  });

  it('uses EndpointSlices for a Service without selector, matching ports by name and protocol', () => {
    const c = cluster()
      .service('db', { selector: undefined, ports: [{ name: 'pg', port: 5432 }] })
      .object({
        apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
        metadata: { name: 'db-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
        endpoints: [{ addresses: ['192.168.10.5'] }, { addresses: ['192.168.10.6'], conditions: { ready: false } }],
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      })
      .build();
    const result = endpointsFor(c, svc(c, 'db'));
    expect(result.source).toBe('slices');
    expect(result.ports[0]!.endpoints.map((e) => [e.ip, e.port, e.ready])).toEqual([['192.168.10.5', 5432, true], ['192.168.10.6', 5432, false]]);
  });

  it('gives no endpoints to selectorless Services without slices, empty selectors, and ExternalName', () => {
    const c = cluster().node('n1').pod('web-1', { app: 'web' }, { node: 'n1' })
      .service('bare', { selector: undefined })
      .service('empty', { selector: {} })
      .service('ext', { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: [] })
      .build();
    for (const name of ['bare', 'empty', 'ext']) expect(endpointsFor(c, svc(c, name)).source).toBe('none');
  });

  it('sets the endpoint hostname when the pod subdomain names the Service', () => {
    const c = cluster().node('n1').pod('db-0', { app: 'db' }, { node: 'n1', hostname: 'db-0', subdomain: 'db' })
      .service('db', { clusterIP: 'None' }).build();
    expect(endpointsFor(c, svc(c, 'db')).addresses).toEqual([{ ip: '10.244.0.2', nodeName: 'n1', podName: 'db-0', hostname: 'db-0', ready: true, serving: true, terminating: false }]);
  });
});
