import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
      nodePort: 40000
`;

describe('parseManifests', () => {
  it('reads multi-document YAML with defaults and allocation', () => {
    const { cluster, errors, warnings } = parseManifests(`apiVersion: v1
kind: Node
metadata: { name: n1 }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(cluster.nodes[0]!.status.addresses[0]).toEqual({ type: 'InternalIP', address: '10.0.1.10' });
    const web = cluster.services[0]!;
    expect(web.metadata.namespace).toBe('default');
    expect(web.spec).toMatchObject({ type: 'NodePort', sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' });
    expect(web.spec.ports[0]).toMatchObject({ protocol: 'TCP', port: 80, targetPort: 8080 });
    expect(web.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30086); // the dynamic band
    expect(web.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
  });

  it('reports an invalid object with its field path, line and column, and leaves it out', () => {
    const { cluster, errors } = parseManifests(service);
    // Only cluster DNS, which every cluster has, is left.
    expect(cluster.services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['kube-system/kube-dns']);
    expect(errors).toEqual([{
      severity: 'error', document: 0, kind: 'Service', name: 'web', field: 'spec.ports[0].nodePort', line: 12, column: 17,
      message: 'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    }]);
  });

  it('reports syntax errors with their position, never throwing', () => {
    const { errors } = parseManifests('apiVersion: v1\nkind: Service\nmetadata: {name: web\n');
    expect(errors[0]).toMatchObject({ severity: 'error', document: 0, line: expect.any(Number) });
    expect(() => parseManifests('\u0000{[')).not.toThrow();
  });

  it('keeps unknown kinds verbatim, counted once, and rejects unknown versions of known kinds', () => {
    const { warnings, errors, kept, cluster } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1"}\n---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n');
    expect(warnings).toEqual([]);
    expect(kept).toEqual([{ kind: 'ConfigMap', count: 1 }]);
    expect(cluster.kept).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }]);
    expect(errors.map((e) => [e.document, e.message])).toEqual([[1, 'no matches for kind "Deployment" in version "extensions/v1beta1"']]);
  });

  it('the locating reader (taken for aliases) returns the kept summary too', () => {
    const { kept, errors } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: &l {a: b}, annotations: *l}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n');
    expect(errors).toEqual([]);
    expect(kept).toEqual([{ kind: 'ConfigMap', count: 1 }, { kind: 'Secret', count: 1 }]);
  });

  it('reads JSON and kind: List as kubectl get -o json prints them, with real-cluster status', () => {
    const text = JSON.stringify({
      apiVersion: 'v1', kind: 'List', items: [
        { apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-worker' }, spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
          status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kind-worker' }], conditions: [{ type: 'Ready', status: 'True' }] } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } },
          spec: { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
          status: { phase: 'Running', podIP: '10.244.1.7', conditions: [{ type: 'Ready', status: 'False' }] } },
      ],
    });
    const { cluster, errors } = parseManifests(text);
    expect(errors).toEqual([]);
    expect(cluster.nodes[0]!.status.addresses[0]!.address).toBe('172.18.0.3');
    expect(cluster.pods[0]!.status).toEqual({ phase: 'Running', podIP: '10.244.1.7', ready: false });
    expect(cluster.pods[0]!.spec.containers[0]!.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
  });

  it('expands a Deployment into ReplicaSet-named pods spread over the ready nodes', () => {
    const { cluster } = parseManifests(`apiVersion: v1
kind: Node
metadata: {name: n1}
---
apiVersion: v1
kind: Node
metadata: {name: n2}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api:1, ports: [{containerPort: 8080}]}]}
`);
    // The api pods, then cluster DNS's two CoreDNS pods (allocated after them).
    const api = cluster.pods.filter((p) => p.metadata.namespace === 'default');
    expect(api).toHaveLength(3);
    expect(cluster.pods.filter((p) => p.metadata.namespace === 'kube-system')).toHaveLength(2);
    for (const pod of api) expect(pod.metadata.name).toMatch(/^api-[4-9bcdf]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(api.map((p) => p.spec.nodeName)).toEqual(['n1', 'n2', 'n1']);
    expect(api.map((p) => p.status.podIP)).toEqual(['10.244.0.2', '10.244.1.2', '10.244.0.3']);
    expect(cluster.deployments?.[0]?.metadata.name).toBe('api');
  });

  it('keeps explicit addresses and never hands out a taken one', () => {
    const { cluster } = parseManifests(`apiVersion: v1
kind: Service
metadata: {name: a}
spec: {type: NodePort, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {type: NodePort, clusterIP: 10.96.200.1, ports: [{port: 80, nodePort: 31000}]}
`);
    expect(cluster.services[1]!.spec.clusterIP).toBe('10.96.200.1');
    expect(cluster.services[1]!.spec.ports[0]!.nodePort).toBe(31000);
    expect(cluster.services[0]!.spec.ports[0]!.nodePort).not.toBe(31000);
  });

  it('leaves LoadBalancers pending on bare metal', () => {
    const { cluster } = parseManifests(`apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata: {name: cluster}
spec: {provider: bare-metal}
---
apiVersion: v1
kind: Service
metadata: {name: lb}
spec: {type: LoadBalancer, ports: [{port: 80}]}
`);
    expect(cluster.settings.provider).toBe('bare-metal');
    expect(cluster.services[0]!.status.loadBalancer).toEqual({});
    expect(cluster.services[0]!.spec.ports[0]!.nodePort).toBeDefined();
  });
});
