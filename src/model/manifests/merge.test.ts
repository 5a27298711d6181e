import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenarios/defaultScenario';
import { applyManifests } from './merge';
import { toManifests } from './toManifests';

const api = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
      targetPort: 8080
`;

const pods = (c: ReturnType<typeof defaultScenario>) => c.pods.map((p) => `${p.metadata.name}@${p.spec.nodeName}/${p.status.podIP}`);

describe('applyManifests, merge (kubectl apply onto the cluster)', () => {
  it('adds a new object and keeps every other one as it was, in its place', () => {
    const cluster = defaultScenario();
    const r = applyManifests(cluster, api, 'merge');
    expect(r.errors).toEqual([]);
    expect(r.summary.added).toEqual([{ kind: 'Service', namespace: 'default', name: 'api' }]);
    expect(r.summary.changed).toEqual([]);
    expect(r.summary.untouched.length).toBeGreaterThan(5);
    expect(pods(r.cluster)).toEqual(pods(cluster));
    expect(r.cluster.nodes.map((n) => n.metadata.name)).toEqual(cluster.nodes.map((n) => n.metadata.name));
    expect(r.cluster.services.map((s) => s.metadata.name)).toEqual([...cluster.services.map((s) => s.metadata.name), 'api']);
    const web = (c: typeof cluster) => c.services.find((s) => s.metadata.name === 'web')!.spec;
    expect(web(r.cluster)).toEqual(web(cluster));
  });

  it('applying the cluster\'s own text changes nothing', () => {
    const cluster = defaultScenario();
    const r = applyManifests(cluster, toManifests(cluster), 'merge');
    expect(r.errors).toEqual([]);
    expect(r.summary.added).toEqual([]);
    expect(r.summary.changed).toEqual([]);
    expect(r.summary.untouched).toEqual([]);
    expect(r.summary.unchanged).toBeGreaterThan(5);
    expect(r.cluster).toEqual(cluster);
  });

  it('a changed Deployment replaces its pods with the new template\'s; other pods stay', () => {
    const cluster = defaultScenario();
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.28
          ports:
            - name: http
              containerPort: 8080
`;
    const r = applyManifests(cluster, text, 'merge');
    expect(r.errors).toEqual([]);
    expect(r.summary.changed).toEqual([{ kind: 'Deployment', namespace: 'default', name: 'web' }]);
    const web = r.cluster.pods.filter((p) => p.metadata.labels?.app === 'web');
    expect(web).toHaveLength(2);
    expect(web.every((p) => p.spec.containers[0]!.image === 'nginx:1.28')).toBe(true);
    expect(r.cluster.pods.filter((p) => p.metadata.namespace === 'kube-system').length)
      .toBe(cluster.pods.filter((p) => p.metadata.namespace === 'kube-system').length);
  });

  it('numbers problems by the text\'s own documents and lines, also where the clash is with the cluster', () => {
    const cluster = defaultScenario();
    const taken = cluster.services.find((s) => s.metadata.name === 'web')!.spec.clusterIP!;
    const text = `${api}---
apiVersion: v1
kind: Service
metadata:
  name: other
spec:
  clusterIP: ${taken}
  selector:
    app: other
  ports:
    - port: 80
`;
    const r = applyManifests(cluster, text, 'merge');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ document: 1, kind: 'Service', name: 'other', field: 'spec.clusterIPs', line: 17 });
    expect(r.errors[0]!.message).toContain('already allocated');
    // "Import only the valid objects" takes the cluster plus the valid part of the text.
    expect(r.cluster.services.map((s) => s.metadata.name)).toContain('web');
    expect(r.cluster.services.map((s) => s.metadata.name)).toContain('api');
  });

  it('a text refused whole leaves the cluster as it was', () => {
    const cluster = defaultScenario();
    const r = applyManifests(cluster, '#'.repeat(8 * 1024 * 1024 + 1), 'merge');
    expect(r.errors).toHaveLength(1);
    expect(pods(r.cluster)).toEqual(pods(cluster));
  });
});

describe('applyManifests, replace', () => {
  it('reads the text as the whole cluster and lists what it removes', () => {
    const cluster = defaultScenario();
    const r = applyManifests(cluster, api, 'replace');
    expect(r.errors).toEqual([]);
    expect(r.cluster.services.map((s) => s.metadata.name)).not.toContain('web');
    expect(r.summary.added).toEqual([{ kind: 'Service', namespace: 'default', name: 'api' }]);
    expect(r.summary.untouched).toContainEqual({ kind: 'Service', namespace: 'default', name: 'web' });
  });
});

describe('applyManifests, a dump from another network', () => {
  it('widens the cluster\'s ranges to hold the nodes and pods the text brings', () => {
    const cluster = defaultScenario();
    const text = `apiVersion: v1
kind: Node
metadata:
  name: ip-10-20-1-17
spec:
  podCIDR: 10.42.0.0/24
status:
  addresses:
    - type: InternalIP
      address: 10.20.1.17
`;
    const r = applyManifests(cluster, text, 'merge');
    expect(r.errors).toEqual([]);
    expect(r.cluster.nodes.map((n) => n.metadata.name)).toEqual([...cluster.nodes.map((n) => n.metadata.name), 'ip-10-20-1-17']);
    expect(r.cluster.settings.clients).toEqual(cluster.settings.clients);
  });
});
