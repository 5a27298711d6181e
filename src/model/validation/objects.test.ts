/**
 * The per-kind checks the manifest reader runs, with the API server's field paths and messages
 * (validation.go ValidatePod/validateContainerPorts/ValidateNode, ValidateEndpointSlice,
 * ValidateIngress, ValidateService's source-ranges annotation) and the model's own settings rules.
 */
import { describe, expect, it } from 'vitest';
import { clusterFromObjects } from '../manifests/fromObjects';
import { formatFieldError } from './fieldError';
import { validateServiceSpec } from './service';
import type { Service } from '../cluster';

const settings = (spec: Record<string, unknown>) => ({ apiVersion: 'explainer.dev/v1alpha1', kind: 'ClusterSettings', metadata: { name: 'cluster' }, spec });
const node = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, ...extra });
const pod = (name: string, spec: Record<string, unknown>, status?: Record<string, unknown>) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec }, ...(status ? { status } : {}),
});
const errorsOf = (...objects: unknown[]) => clusterFromObjects(objects).errors.map((e) => e.message);

describe('object validation on read', () => {
  it('checks container ports as validateContainerPorts does', () => {
    expect(errorsOf(pod('p', { containers: [{ name: 'web', ports: [{ containerPort: 70000 }, { containerPort: 80, protocol: 'HTTP' }, { name: 'http', containerPort: 81 }, { name: 'http', containerPort: 82 }] }] }))).toEqual([
      'The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'The Pod "p" is invalid: spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'The Pod "p" is invalid: spec.containers[0].ports[3].name: Duplicate value: "http"',
    ]);
    expect(errorsOf(pod('p', { containers: [] }))).toEqual(['The Pod "p" is invalid: spec.containers: Required value']);
  });

  it('keeps pod IPs unique and inside the podCIDR of their node', () => {
    const objects = [
      node('worker-1', { spec: { podCIDR: '10.244.1.0/24' } }),
      pod('a', { nodeName: 'worker-1' }, { phase: 'Running', podIP: '10.244.1.5' }),
      pod('b', { nodeName: 'worker-1' }, { phase: 'Running', podIP: '10.244.1.5' }),
      pod('c', { nodeName: 'worker-1' }, { phase: 'Running', podIP: '10.244.9.5' }),
      pod('d', { nodeName: 'worker-1' }, { phase: 'Running', podIP: 'fe80::1' }),
    ];
    const result = clusterFromObjects(objects);
    expect(result.errors.map((e) => e.message)).toEqual([
      'The Pod "b" is invalid: status.podIP: Duplicate value: "10.244.1.5"',
      'The Pod "c" is invalid: status.podIP: Invalid value: "10.244.9.5": must be inside 10.244.1.0/24, the podCIDR of node "worker-1" the pod runs on',
      'The Pod "d" is invalid: status.podIP: Invalid value: "fe80::1": must be an IPv4 address: the explainer models IPv4 clusters only',
    ]);
    expect(result.cluster.pods.filter((p) => p.metadata.namespace !== 'kube-system').map((p) => p.metadata.name)).toEqual(['a']);
  });

  it('keeps a pod bound to an unknown node Pending and unbound, and says why', () => {
    const result = clusterFromObjects([node('worker-1'), pod('p', { nodeName: 'ghost' }, { phase: 'Running' })]);
    expect(result.errors).toEqual([]);
    expect(result.cluster.nodes.map((n) => n.metadata.name)).toEqual(['worker-1']);
    expect(result.cluster.pods[0]!.status.phase).toBe('Pending');
    expect(result.cluster.pods[0]!.spec.nodeName).toBeUndefined();
    expect(result.warnings[0]!.message).toContain('bound to node "ghost", which is not in the manifests');
    expect(errorsOf(pod('p', { nodeName: 'Bad_Node' }))[0]).toMatch(/^The Pod "p" is invalid: spec.nodeName: Invalid value: "Bad_Node": a lowercase RFC 1123 subdomain/);
  });

  it('refuses node addresses and podCIDRs that are not IPv4 or overlap another node', () => {
    expect(errorsOf(
      node('a', { spec: { podCIDR: '10.244.0.0/16' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.1.10' }] } }),
      node('b', { spec: { podCIDR: '10.244.3.0/24' } }),
      node('c', { status: { addresses: [{ type: 'InternalIP', address: '10.0.1.10' }] } }),
      node('d', { spec: { podCIDR: '10.244.0.0/33' } }),
    )).toEqual([
      'The Node "d" is invalid: spec.podCIDR: Invalid value: "10.244.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'The Node "b" is invalid: spec.podCIDR: Invalid value: "10.244.3.0/24": overlaps 10.244.0.0/16, the podCIDR of node "a"',
      'The Node "c" is invalid: status.addresses[0].address: Duplicate value: "10.0.1.10"',
    ]);
  });

  it('checks ClusterSettings and keeps the default for each refused field', () => {
    const result = clusterFromObjects([settings({
      serviceCIDR: '10.96.0.0/33', nodePortRange: '0-0', clusterDomain: 'Cluster_Local', dnsServiceIP: '10.200.0.10',
      clients: [{ name: 'My Laptop', location: 'lan' }, { name: 'curl', location: 'moon' }, { name: 'ok' }],
      nonMasqueradeCIDRs: ['10.0.0.0/8', 'nope'], loadBalancerTargets: 'Magic', kubeProxyMode: 'ipvs',
    })]);
    expect(result.errors.map((e) => e.field)).toEqual([
      'spec.loadBalancerTargets', 'spec.kubeProxyMode', 'spec.clients[1].location', 'spec.serviceCIDR', 'spec.nodePortRange',
      'spec.clusterDomain', 'spec.nonMasqueradeCIDRs[1]', 'spec.clients[0].name',
      // Checked again once serviceCIDR is back at its default, which 10.200.0.10 is not in.
      'spec.dnsServiceIP',
    ]);
    expect(result.errors[1]!.message).toBe('The ClusterSettings "cluster" is invalid: spec.kubeProxyMode: Unsupported value: "ipvs": supported values: "iptables", "nftables"');
    expect(result.errors[4]!.message).toBe('The ClusterSettings "cluster" is invalid: spec.nodePortRange: Invalid value: "0-0": must not include port 0: a nodePort is between 1 and 65535');
    const s = result.cluster.settings;
    expect([s.serviceCIDR, s.dnsServiceIP, s.nodePortRange, s.clusterDomain, s.loadBalancerTargets, s.kubeProxyMode]).toEqual(['10.96.0.0/12', '10.96.0.10', '30000-32767', 'cluster.local', 'NodePort', 'iptables']);
    expect(s.clients.map((c) => c.name)).toEqual(['ok']);
    expect(s.nonMasqueradeCIDRs).toEqual(['10.0.0.0/8']);
  });

  it('gives DNS the 10th address of a service CIDR the settings move', () => {
    expect(clusterFromObjects([settings({ serviceCIDR: '10.43.0.0/16' })]).cluster.settings.dnsServiceIP).toBe('10.43.0.10');
  });

  it('checks Ingress rules, hosts, paths and backends as ValidateIngress does', () => {
    const ingress = (spec: unknown) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop' }, spec });
    const backend = { service: { name: 'web', port: { number: 80 } } };
    expect(errorsOf(ingress({}))).toEqual(['The Ingress "shop" is invalid: spec.rules: Invalid value: []string{}: either `defaultBackend` or `rules` must be specified']);
    expect(errorsOf(ingress({ rules: { host: 'x' } }))[0]).toBe('Ingress in version "v1" cannot be handled as a Ingress: json: cannot unmarshal object into Go struct field IngressSpec.spec.rules of type []v1.IngressRule');
    expect(errorsOf(ingress({ rules: [{ host: 42 }] }))[0]).toContain('cannot unmarshal number into Go struct field IngressRule.spec.rules.host of type string');
    expect(errorsOf(ingress({ rules: [
      { host: '10.0.0.1', http: { paths: [{ path: 'api', pathType: 'Prefix', backend }] } },
      { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } }] } },
    ] }))).toEqual([
      'The Ingress "shop" is invalid: spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      'The Ingress "shop" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      'The Ingress "shop" is invalid: spec.rules[1].http.paths[0].backend.service.port: Required value: port name or number is required',
    ]);
    expect(errorsOf(ingress({ rules: [{ host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }))).toEqual([]);
  });

  it('checks EndpointSlice names, addresses and ports', () => {
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'Web_1', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4', endpoints: [{ addresses: ['10.244.0.999'] }], ports: [{ name: 'http', port: 0, protocol: 'TCP' }] };
    expect(errorsOf(slice).map((m) => m.replace(/: a lowercase.*/, ''))).toEqual([
      'The EndpointSlice "Web_1" is invalid: metadata.name: Invalid value: "Web_1"',
      'The EndpointSlice "Web_1" is invalid: endpoints[0].addresses[0]: Invalid value: "10.244.0.999": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'The EndpointSlice "Web_1" is invalid: ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });
});

describe('Service validation the API server does (issue 14 point 10)', () => {
  const svc = (spec: Record<string, unknown>, annotations?: Record<string, string>) =>
    ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec, status: { loadBalancer: {} } });
  const KEY = 'service.beta.kubernetes.io/load-balancer-source-ranges';

  it('checks the source-ranges annotation: LoadBalancer only, comma-separated CIDRs', () => {
    expect(errorsOf(svc({ ports: [{ port: 80 }] }, { [KEY]: '10.0.0.0/8' }))).toEqual([
      `The Service "web" is invalid: metadata.annotations[${KEY}]: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
    ]);
    expect(errorsOf(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] }, { [KEY]: ' 10.0.0.0/8 , 1.2.3.4 ,x' }))).toEqual([
      `The Service "web" is invalid: metadata.annotations[${KEY}]: Invalid value: "1.2.3.4": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
      `The Service "web" is invalid: metadata.annotations[${KEY}]: Invalid value: "x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
    ]);
    expect(errorsOf(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] }, { [KEY]: '  ' }))).toEqual([]);
    // The field wins: the annotation is not read when spec.loadBalancerSourceRanges is set.
    expect(errorsOf(svc({ type: 'LoadBalancer', ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'] }, { [KEY]: 'x' }))).toEqual([]);
  });

  it('forbids sessionAffinityConfig with sessionAffinity None before defaulting; defaulting drops it, as SetDefaults_Service does', () => {
    const raw = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'ClusterIP', sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
      status: { loadBalancer: {} } } as unknown as Service;
    expect(validateServiceSpec(raw).map(formatFieldError)).toEqual(['spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None']);
    const read = clusterFromObjects([raw]);
    expect(read.errors).toEqual([]);
    expect(read.cluster.services[0]!.spec.sessionAffinityConfig).toBeUndefined();
    expect(read.warnings[0]!.message).toContain('spec.sessionAffinityConfig is dropped');
  });
});
