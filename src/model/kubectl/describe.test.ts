/**
 * Mirrors staging/src/k8s.io/kubectl/pkg/describe/describe_test.go: TestDescribeService's cases
 * (same Services, slices and expected text) and TestPrintLabelsMultiline's annotation cases.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Cluster, type EndpointSlice, type Service } from '../cluster';
import { clusterFromObjects } from '../manifests/fromObjects';
import { describeService, serviceLines } from './describe';
import { annotationLines, MAX_ANNOTATION_LEN, renderDescribe, shorten, tabbedLines } from './describeLines';

/** The Service all of TestDescribeService's cases start from (foo/bar, LoadBalancer, port-tcp). */
function bar(spec: Partial<Service['spec']>, ingress?: Service['status']['loadBalancer']['ingress']): Service {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'bar', namespace: 'foo' },
    spec: {
      type: 'LoadBalancer', ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
      selector: { blah: 'heh' }, clusterIP: '1.2.3.4', ipFamilies: ['IPv4'], loadBalancerIP: '5.6.7.8',
      sessionAffinity: 'None', externalTrafficPolicy: 'Local', healthCheckNodePort: 32222, ...spec,
    },
    status: { loadBalancer: ingress ? { ingress } : {} },
  };
}

function slice(name: string, endpoints: [string, boolean | undefined][], protocol: 'TCP' | 'UDP' = 'TCP'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name, namespace: 'foo', labels: { 'kubernetes.io/service-name': 'bar' } }, addressType: 'IPv4',
    endpoints: endpoints.map(([ip, ready]) => ({ addresses: [ip], conditions: ready === undefined ? {} : { ready } })),
    ports: [{ name: 'port-tcp', port: 9527, protocol }],
  };
}

/** The describer fed exactly the slices the Go test's fake API server holds (none: no slices). */
function describeWith(svc: Service, endpointSlices: EndpointSlice[] = []): string {
  return renderDescribe(serviceLines(svc, endpointSlices));
}

const head = `Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
`;

describe('describeService (TestDescribeService)', () => {
  it('test1: ingress with ipMode VIP, three ready endpoints, internalTrafficPolicy Cluster', () => {
    const svc = bar({ internalTrafficPolicy: 'Cluster' }, [{ ip: '5.6.7.8', ipMode: 'VIP' }]);
    expect(describeWith(svc, [slice('bar-abcde', [['10.244.0.1', true], ['10.244.0.2', true], ['10.244.0.3', true]])])).toBe(`${head}IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
LoadBalancer Ingress:     5.6.7.8 (VIP)
Port:                     port-tcp  8080/TCP
TargetPort:               9527/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Cluster
HealthCheck NodePort:     32222
Events:                   <none>
`);
  });

  it('test2: named targetPort, ingress without ipMode, two slices with a not-ready endpoint', () => {
    const svc = bar({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], internalTrafficPolicy: 'Local' }, [{ ip: '5.6.7.8' }]);
    const slices = [
      slice('bar-12345', [['10.244.0.1', true], ['10.244.0.2', true]], 'UDP'),
      slice('bar-54321', [['10.244.0.3', false], ['10.244.0.4', true], ['10.244.0.5', true]], 'UDP'),
    ];
    expect(describeWith(svc, slices)).toBe(`${head}IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
LoadBalancer Ingress:     5.6.7.8
Port:                     port-tcp  8080/TCP
TargetPort:               targetPort/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Local
HealthCheck NodePort:     32222
Events:                   <none>
`);
  });

  it('test-ready-field-empty: an endpoint with no ready condition counts as ready', () => {
    const svc = bar({ internalTrafficPolicy: 'Cluster' });
    expect(describeWith(svc, [slice('bar-abcdef', [['10.244.0.1', undefined]])])).toContain(
      'Desired LoadBalancer IP:  5.6.7.8\nPort:                     port-tcp  8080/TCP\nTargetPort:               9527/TCP\n'
      + 'NodePort:                 port-tcp  31111/TCP\nEndpoints:                10.244.0.1:9527\n',
    );
  });

  it('test-ServiceIPFamily: no Internal Traffic Policy line when the field is unset', () => {
    const svc = bar({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }] });
    const out = describeWith(svc, [slice('bar-123ab', [['10.244.0.1', true]])]);
    expect(out).toContain('Endpoints:                10.244.0.1:9527\nSession Affinity:         None\nExternal Traffic Policy:  Local\nHealthCheck NodePort:     32222\nEvents:                   <none>\n');
  });

  it('test-ServiceIPFamilyPolicy+ClusterIPs: the policy line, IPs from clusterIPs, <none> without slices', () => {
    const svc = bar({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], ipFamilyPolicy: 'SingleStack', clusterIPs: ['1.2.3.4'] });
    expect(describeWith(svc)).toBe(`${head}IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      1.2.3.4
Desired LoadBalancer IP:  5.6.7.8
Port:                     port-tcp  8080/TCP
TargetPort:               targetPort/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                <none>
Session Affinity:         None
External Traffic Policy:  Local
HealthCheck NodePort:     32222
Events:                   <none>
`);
  });

  it('test-TrafficDistribution: printed after the health-check port', () => {
    const svc = bar({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], trafficDistribution: 'PreferClose' });
    expect(describeWith(svc)).toContain('HealthCheck NodePort:     32222\nTraffic Distribution:     PreferClose\nEvents:                   <none>\n');
  });

  it('test-AppProtocol: the AppProtocol line between TargetPort and NodePort', () => {
    const svc = bar({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', appProtocol: 'example.com/custom-protocol', targetPort: 9527, nodePort: 31111 }], internalTrafficPolicy: 'Cluster' }, [{ ip: '5.6.7.8', ipMode: 'VIP' }]);
    expect(describeWith(svc, [slice('bar-abcde', [['10.244.0.1', true], ['10.244.0.2', true], ['10.244.0.3', true]])])).toContain(
      'TargetPort:               9527/TCP\nAppProtocol:              example.com/custom-protocol\nNodePort:                 port-tcp  31111/TCP\n',
    );
  });

  it('prints external IPs, source ranges, a hostname ingress and an ExternalName', () => {
    const svc = bar({ externalIPs: ['198.51.100.7'], loadBalancerSourceRanges: ['10.0.0.0/8', '192.0.2.0/24'], loadBalancerIP: undefined },
      [{ hostname: 'a1b2.elb.amazonaws.com' }, { ip: '203.0.113.9', ipMode: 'Proxy' }]);
    const out = describeWith(svc);
    expect(out).toContain('IPs:                         <none>\nExternal IPs:                198.51.100.7\nLoadBalancer Ingress:        a1b2.elb.amazonaws.com, 203.0.113.9 (Proxy)\n');
    expect(out).toContain('LoadBalancer Source Ranges:  10.0.0.0/8,192.0.2.0/24\n');
    const ext: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'foo' }, spec: { type: 'ExternalName', externalName: 'db.example.com', ports: [], sessionAffinity: 'None' }, status: { loadBalancer: {} } };
    expect(describeWith(ext)).toBe(`Name:              db
Namespace:         foo
Labels:            <none>
Annotations:       <none>
Selector:          <none>
Type:              ExternalName
IP Families:       <none>
IP:                
IPs:               <none>
External Name:     db.example.com
Session Affinity:  None
Events:            <none>
`);
  });
});

describe('printAnnotationsMultiline (TestPrintLabelsMultiline)', () => {
  const key = 'MaxLenAnnotation';
  const value = 'a'.repeat(MAX_ANNOTATION_LEN - key.length - 2);
  const raw = (annotations: Record<string, string>) => tabbedLines(annotationLines('Annotations', annotations));

  it('matches the Go test cases byte for byte', () => {
    expect(raw({ col1: 'asd', COL2: 'zxc' })).toBe('Annotations:\tCOL2: zxc\n\tcol1: asd\n');
    expect(raw({ [key]: value })).toBe(`Annotations:\t${key}: ${value}\n`);
    expect(raw({ [key]: `${value}1` })).toBe(`Annotations:\t${key}:\n\t  ${value}1\n`);
    expect(raw({ [key]: value + value })).toBe(`Annotations:\t${key}:\n\t  ${'a'.repeat(MAX_ANNOTATION_LEN - 2)}...\n`);
    expect(raw({ key: 'value\nwith\nnewlines\n' })).toBe('Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n');
    expect(raw({})).toBe('Annotations:\t<none>\n');
  });

  it('skips last-applied-configuration and counts bytes as Go does', () => {
    expect(raw({ 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Service"}' })).toBe('Annotations:\t<none>\n');
    // 69 two-byte characters are 138 bytes: kept whole; one more is cut inside the limit.
    expect(shorten('é'.repeat(69), 138)).toBe('é'.repeat(69));
    expect(shorten('é'.repeat(70), 138)).toBe(`${'é'.repeat(69)}...`);
  });

  it('keeps the column when a value moves under its key, in a whole describe', () => {
    const svc = bar({ internalTrafficPolicy: 'Cluster' });
    svc.metadata.annotations = { 'example.com/note': 'line one\nline two', team: 'web' };
    const out = describeWith(svc);
    expect(out).toContain([
      'Annotations:              example.com/note:',
      '                            line one',
      '                            line two',
      '                          team: web',
      'Selector:                 blah=heh',
    ].join('\n'));
    expect(renderDescribe([['A:', 'x\x1b[31m\r']])).toBe('A:  x^[[31m\\r\n');
  });
});

describe('describeService over the cluster', () => {
  it('reads the given slices by their service-name label, and the controller placeholder when a selector matches nothing', () => {
    const svc = bar({ internalTrafficPolicy: 'Cluster' });
    const withSlice: Cluster = { settings: { ...DEFAULT_SETTINGS }, nodes: [], pods: [], services: [svc], endpointSlices: [slice('bar-abcde', [['10.244.0.9', true]])], ingresses: [] };
    expect(describeService(withSlice, svc)).toContain('Endpoints:                10.244.0.9:9527\n');
    expect(describeService({ ...withSlice, endpointSlices: [] }, svc)).toContain('Endpoints:                \nSession Affinity:');
  });
});

describe('spec.trafficDistribution from a manifest', () => {
  it('is kept by the Service reader and printed by describe', () => {
    const { cluster, errors } = clusterFromObjects([
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], trafficDistribution: 'PreferSameZone' } },
    ]);
    expect(errors).toEqual([]);
    const svc = cluster.services.find((s) => s.metadata.name === 'web')!;
    expect(svc.spec.trafficDistribution).toBe('PreferSameZone');
    expect(describeService(cluster, svc)).toMatch(/Internal Traffic Policy: {2}Cluster\nTraffic Distribution: {5}PreferSameZone\nEvents: {19}<none>\n$/);
  });
});
