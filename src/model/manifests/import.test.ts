/** Real manifests and cluster dumps: kept objects, the default node pool, Endpoints mirroring, dual-stack, dump shapes. */
import { describe, expect, it } from 'vitest';
import { endpointsFor, sliceOnlyEndpoints } from '../endpoints';
import { clusterFromObjects } from './fromObjects';
import { parseManifests } from './parse';
import { toManifestObjects } from './toObjects';

type Json = Record<string, unknown>;
const container = { name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] };
const deployment = (name: string, replicas = 2) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container] } } } });
const mine = (c: ReturnType<typeof clusterFromObjects>['cluster']) => c.pods.filter((p) => p.metadata.namespace !== 'kube-system');

describe('objects the model does not draw', () => {
  it('are kept verbatim in document order, later definitions replacing earlier ones, and counted once per kind', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'shop' }, data: { x: '1' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, type: 'Opaque', data: { p: 'cGFzcw==' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'shop' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'shop' }, data: { x: '2' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {} } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { deep: { list: [1, { a: null }] } } },
    ];
    const r = clusterFromObjects(objects);
    expect(r.errors).toEqual([]);
    expect(r.kept).toEqual([{ kind: 'Namespace', count: 1 }, { kind: 'Secret', count: 1 }, { kind: 'ConfigMap', count: 2 }, { kind: 'NetworkPolicy', count: 1 }, { kind: 'Widget', count: 1 }]);
    expect(r.cluster.kept!.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/shop', 'Secret/s', 'ConfigMap/b', 'ConfigMap/a', 'NetworkPolicy/deny', 'Widget/w']);
    expect(r.cluster.kept![3]).toEqual(objects[4]);
    expect(r.cluster.kept![5]).toEqual(objects[6]);
    expect(r.cluster.kept![0]).not.toBe(objects[0]);
    expect(r.warnings.map((w) => w.message)).toEqual(['ConfigMap "a" is defined more than once; the last definition wins']);
  });

  it('still refuses an object with no name, and a known kind at an unknown version', () => {
    const r = clusterFromObjects([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, { apiVersion: 'apps/v1beta2', kind: 'StatefulSet', metadata: { name: 'x' } }]);
    expect(r.errors.map((e) => [e.document, e.message])).toEqual([[0, 'ConfigMap has no metadata.name: resource name may not be empty'], [1, 'no matches for kind "StatefulSet" in version "apps/v1beta2"']]);
    expect(r.kept).toEqual([]);
    expect(r.cluster.kept).toBeUndefined();
  });
});

describe('the default node pool', () => {
  it('three Ready workers in the node subnet when workloads have no Node, with one notice', () => {
    const r = clusterFromObjects([deployment('web', 3)]);
    expect(r.errors).toEqual([]);
    expect(r.cluster.nodes.map((n) => [n.metadata.name, n.status.addresses[0]!.address, n.spec.podCIDR])).toEqual([
      ['worker-1', '10.0.1.10', '10.244.0.0/24'], ['worker-2', '10.0.1.11', '10.244.1.0/24'], ['worker-3', '10.0.1.12', '10.244.2.0/24'],
    ]);
    expect(r.cluster.nodes[0]!.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'worker-1', 'kubernetes.io/os': 'linux' });
    expect(mine(r.cluster).map((p) => p.spec.nodeName)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(r.warnings).toEqual([{ severity: 'warning', document: -1, kind: 'Node', message: 'the manifests hold pods or workloads but no usable Node to run them on, so the explainer adds 3 Ready worker nodes (worker-1, worker-2, worker-3), as a cluster would have' }]);
  });

  it('not for an empty cluster, nor for pods that name their nodes, and once only on a round trip', () => {
    expect(clusterFromObjects([]).cluster.nodes).toEqual([]);
    const named = clusterFromObjects([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'kind-worker', containers: [container] } }]);
    expect(named.cluster.nodes.map((n) => n.metadata.name)).toEqual(['kind-worker']);
    const first = clusterFromObjects([deployment('web')]).cluster;
    const back = clusterFromObjects(toManifestObjects(first));
    expect(back.warnings).toEqual([]);
    expect(back.cluster).toEqual(first);
  });
});

describe('legacy Endpoints', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { ports: [{ name: 'pg', port: 5432 }] } };
  const endpoints = {
    apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', labels: { team: 'data' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    subsets: [{ addresses: [{ ip: '10.0.1.50', hostname: 'db-a' }], notReadyAddresses: [{ ip: '10.0.1.51' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }],
  };

  it('are mirrored into an EndpointSlice for a selector-less Service, and kept themselves', () => {
    const r = clusterFromObjects([svc, endpoints]);
    expect(r.errors).toEqual([]);
    expect(r.kept).toEqual([{ kind: 'Endpoints', count: 1 }]);
    const slice = r.cluster.endpointSlices.find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'db')!;
    expect(slice.metadata.name).toMatch(/^db-[a-z0-9]{5}$/);
    expect(slice.metadata.labels).toEqual({ team: 'data', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slice.metadata.annotations).toBeUndefined();
    expect(slice.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Endpoints', name: 'db', controller: true })]);
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions.ready, e.hostname])).toEqual([['10.0.1.50', true, 'db-a'], ['10.0.1.51', false, undefined]]);
    const eps = endpointsFor(r.cluster, r.cluster.services.find((s) => s.metadata.name === 'db')!);
    expect(eps.source).toBe('slices');
    expect(eps.ports[0]!.endpoints.map((e) => [e.ip, e.port, e.ready])).toEqual([['10.0.1.50', 5432, true], ['10.0.1.51', 5432, false]]);
  });

  it('are not mirrored for a Service with a selector, with skip-mirror, or twice on a round trip', () => {
    const withSelector = clusterFromObjects([{ ...svc, spec: { ...svc.spec, selector: { app: 'db' } } }, endpoints]);
    expect(withSelector.cluster.endpointSlices).toEqual([]);
    const skip = clusterFromObjects([svc, { ...endpoints, metadata: { name: 'db', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } } }]);
    expect(skip.cluster.endpointSlices).toEqual([]);
    const first = clusterFromObjects([svc, endpoints]).cluster;
    const back = clusterFromObjects([...toManifestObjects(first), ...first.kept!]).cluster;
    expect(back.endpointSlices).toEqual(first.endpointSlices);
  });
});

describe('a dual-stack Service', () => {
  it('is accepted with its IPv4 family, and one notice says IPv6 is not modelled', () => {
    const dual = (name: string, ips: string[]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name },
      spec: { ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'], clusterIP: ips[0], clusterIPs: ips, selector: { app: name }, ports: [{ port: 80 }] } });
    const r = clusterFromObjects([dual('a', ['10.96.5.5', 'fd00:10:96::5']), dual('b', ['10.96.5.6', 'fd00:10:96::6']),
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'a-v6', labels: { 'kubernetes.io/service-name': 'a' } }, addressType: 'IPv6', endpoints: [{ addresses: ['fd00::1'] }], ports: [] }]);
    expect(r.errors).toEqual([]);
    const a = r.cluster.services.find((s) => s.metadata.name === 'a')!;
    expect(a.spec).toMatchObject({ clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'PreferDualStack' });
    expect(r.cluster.endpointSlices).toEqual([]);
    expect(r.kept).toEqual([{ kind: 'EndpointSlice', count: 1 }]);
    expect(r.warnings.map((w) => w.message)).toEqual(['2 Services ("a", "b") are dual-stack; the explainer models the IPv4 family only, so their IPv6 ClusterIPs (and any IPv6 EndpointSlices, kept but not drawn) carry no traffic here']);
  });
});

describe('a real cluster dump', () => {
  const meta = (name: string, extra: Json = {}) => ({ name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1234', creationTimestamp: '2025-05-01T10:00:00Z',
    managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }], ...extra });
  const dump = {
    apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-worker', uid: 'n1', labels: { 'kubernetes.io/hostname': 'kind-worker' } },
        spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/kind-worker' },
        status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kind-worker' }], conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }] } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' } },
        spec: { podCIDR: '10.244.0.0/24', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
        status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }], conditions: [{ type: 'Ready', status: 'True' }] } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-7c5ddbdf54', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }] }),
        spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } }, spec: { containers: [container] } } },
        status: { replicas: 2, readyReplicas: 2 } },
      ...['x7k2p', 'q9m4z'].map((s, i) => ({
        apiVersion: 'v1', kind: 'Pod',
        metadata: meta(`web-7c5ddbdf54-${s}`, { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'uid-web-7c5ddbdf54', controller: true, blockOwnerDeletion: true }] }),
        spec: { nodeName: 'kind-worker', containers: [container], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] },
        status: { phase: 'Running', hostIP: '172.18.0.3', podIP: `10.244.1.${i + 5}`, podIPs: [{ ip: `10.244.1.${i + 5}` }], conditions: [{ type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }] },
      })),
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { ...meta('kube-proxy'), namespace: 'kube-system' },
        spec: { selector: { matchLabels: { 'k8s-app': 'kube-proxy' } }, template: { metadata: { labels: { 'k8s-app': 'kube-proxy' } }, spec: { hostNetwork: true, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.33.1' }], tolerations: [{ operator: 'Exists' }] } } },
        status: { desiredNumberScheduled: 2, numberReady: 2 } },
      ...[['kube-proxy-8vq2x', 'kind-worker', '172.18.0.3'], ['kube-proxy-zl4tn', 'kind-control-plane', '172.18.0.2']].map(([name, node, ip]) => ({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { ...meta(name!), namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy', 'controller-revision-hash': '6f6d4c7d6f', 'pod-template-generation': '1' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'uid-kube-proxy', controller: true, blockOwnerDeletion: true }] },
        spec: { nodeName: node, hostNetwork: true, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.33.1' }], tolerations: [{ operator: 'Exists' }] },
        status: { phase: 'Running', hostIP: ip, podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] },
      })),
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('nightly'), spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container] } } } } } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('nightly-29100000', { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'uid-nightly', controller: true }] }),
        spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-nightly-29100000' } }, template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'uid-nightly-29100000', 'job-name': 'nightly-29100000' } }, spec: { restartPolicy: 'OnFailure', containers: [container] } } },
        status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http', nodePort: 31080, protocol: 'TCP' }], clusterIP: '10.96.40.1', clusterIPs: ['10.96.40.1'] },
        status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } } },
    ],
  };

  it('keeps the dump\'s addresses, pods and LoadBalancer status, and expands nothing twice', () => {
    const r = parseManifests(JSON.stringify(dump));
    expect(r.errors).toEqual([]);
    expect(r.cluster.nodes.map((n) => n.metadata.name)).toEqual(['kind-worker', 'kind-control-plane']);
    const web = mine(r.cluster);
    expect(web.map((p) => [p.metadata.name, p.spec.nodeName, p.status.podIP, p.status.ready])).toEqual([
      ['web-7c5ddbdf54-x7k2p', 'kind-worker', '10.244.1.5', true], ['web-7c5ddbdf54-q9m4z', 'kind-worker', '10.244.1.6', true],
    ]);
    expect(web[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'uid-web-7c5ddbdf54', controller: true, blockOwnerDeletion: true }]);
    expect(r.cluster.nodes[1]!.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    const svc = r.cluster.services.find((s) => s.metadata.name === 'web')!;
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(endpointsFor(r.cluster, svc).ports[0]!.endpoints.map((e) => e.ip)).toEqual(['10.244.1.5', '10.244.1.6']);
    // kube-proxy's pods are the dump's, on their nodes' addresses; CoreDNS (added for the dump,
    // which lists none) stays off the tainted control plane; the finished Job gets no pods.
    const system = r.cluster.pods.filter((p) => p.metadata.namespace === 'kube-system');
    expect(system.map((p) => [p.metadata.name.replace(/-[a-z0-9]{5}$/, '').replace(/-[a-z0-9]{8,10}$/, ''), p.spec.nodeName, p.status.podIP?.startsWith('172.18.') ?? false])).toEqual([
      ['kube-proxy', 'kind-worker', true], ['kube-proxy', 'kind-control-plane', true], ['coredns', 'kind-worker', false], ['coredns', 'kind-worker', false],
    ]);
    expect(r.cluster.pods.filter((p) => p.metadata.name.startsWith('nightly'))).toEqual([]);
    expect(r.cluster.workloads!.map((w) => w.kind)).toEqual(['ReplicaSet', 'DaemonSet', 'CronJob', 'Job']);
    // The CronJob has run (its Job is listed): no "none has fired yet" notice.
    expect(r.warnings.filter((w) => w.kind === 'CronJob')).toEqual([]);
  });
});

describe('kubectl get endpointslices -A -o yaml alone', () => {
  const slice = (name: string, service: string, endpoints: Json[], namespace = 'shop') => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name, namespace, labels: { 'kubernetes.io/service-name': service, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: service, uid: 'u', controller: true, blockOwnerDeletion: true }] },
    endpoints, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  });
  const ep = (ip: string, node: string, pod: string, ready = true) => ({ addresses: [ip], conditions: { ready, serving: ready, terminating: false }, nodeName: node, targetRef: { kind: 'Pod', name: pod, namespace: 'shop', uid: 'x' } });
  const list = { apiVersion: 'v1', kind: 'List', items: [
    slice('cart-abcde', 'cart', [ep('10.244.1.4', 'worker-a', 'cart-1'), ep('10.244.2.4', 'worker-b', 'cart-2', false)]),
    slice('web-fghij', 'web', [ep('10.244.1.9', 'worker-a', 'web-1')]),
  ] };

  it('adds the nodes the endpoints name and gives every endpoint, per Service, with its node', () => {
    const r = clusterFromObjects([list]);
    expect(r.errors).toEqual([]);
    expect(r.cluster.nodes.map((n) => n.metadata.name)).toEqual(['worker-a', 'worker-b']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'node "worker-a" (of an endpoint in EndpointSlice "cart-abcde") is not in the manifests; added it',
      'node "worker-b" (of an endpoint in EndpointSlice "cart-abcde") is not in the manifests; added it',
    ]);
    const groups = sliceOnlyEndpoints(r.cluster);
    expect(groups.map((g) => [g.namespace, g.serviceName, g.serviceInCluster, g.slices, g.ports])).toEqual([
      ['shop', 'cart', false, ['cart-abcde'], [{ name: 'http', port: 8080, protocol: 'TCP' }]],
      ['shop', 'web', false, ['web-fghij'], [{ name: 'http', port: 8080, protocol: 'TCP' }]],
    ]);
    expect(groups[0]!.addresses).toEqual([
      { ip: '10.244.1.4', ready: true, serving: true, terminating: false, nodeName: 'worker-a', podName: 'cart-1' },
      { ip: '10.244.2.4', ready: false, serving: false, terminating: false, nodeName: 'worker-b', podName: 'cart-2' },
    ]);
    // Written back and read again: the same nodes, no second addition.
    const back = clusterFromObjects(toManifestObjects(r.cluster));
    expect(back.warnings).toEqual([]);
    expect(back.cluster).toEqual(r.cluster);
  });

  it('leaves out endpoints whose pod the cluster holds', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop' }, spec: { nodeName: 'worker-a', containers: [container] } };
    const r = clusterFromObjects([list, pod]);
    expect(r.errors).toEqual([]);
    const groups = sliceOnlyEndpoints(r.cluster);
    expect(groups.map((g) => g.serviceName)).toEqual(['cart']);
  });
});

describe('more of what real dumps hold', () => {
  it('a hostNetwork pod has its node\'s InternalIP, shared, given or allocated', () => {
    const n = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'InternalIP', address: 'fc00:f853::3' }] } };
    const hostPod = (name: string, podIP?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'kube-system' }, spec: { nodeName: 'n1', hostNetwork: true, containers: [container] }, status: { phase: 'Running', ...(podIP ? { podIP } : {}) } });
    const r = clusterFromObjects([n, hostPod('kube-proxy-abcde', '172.18.0.3'), hostPod('cni-fghij'), hostPod('bad', '10.244.0.7')]);
    expect(r.errors.map((e) => e.message)).toEqual(['The Pod "bad" is invalid: status.podIP: Invalid value: "10.244.0.7": must be 172.18.0.3 of node "n1": a hostNetwork pod uses its node\'s network namespace']);
    expect(r.cluster.pods.filter((p) => p.spec.hostNetwork).map((p) => p.status.podIP)).toEqual(['172.18.0.3', '172.18.0.3']);
    expect(r.cluster.nodes[0]!.status.addresses.map((a) => a.address)).toEqual(['172.18.0.3', 'n1']);
    expect(r.warnings.map((w) => w.message)).toContain('node "n1" reports IPv6 addresses besides IPv4 ones; the explainer models IPv4 only, so it leaves the IPv6 addresses out');
  });
});
