import { describe, expect, it } from 'vitest';
import type { Cluster, Pod } from '../../cluster';
import { answerZone } from '../../dnsZone';
import { endpointsFor } from '../../endpoints';
import { clusterFromObjects, type ManifestResult } from '../fromObjects';
import { toManifestObjects } from '../toObjects';
import { workloadOwns } from './index';

type Json = Record<string, unknown>;
const container = { name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] };
const template = (labels: Record<string, string>, spec: Json = {}) => ({ metadata: { labels }, spec: { containers: [container], ...spec } });
const nodes = (n: number, extra: (i: number) => Json = () => ({})) => Array.from({ length: n }, (_, i) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i + 1}` }, ...extra(i + 1) }));
const podsOf = (c: Cluster, prefix: string): Pod[] => c.pods.filter((p) => p.metadata.name.startsWith(prefix));
/** The objects a cluster writes back, with its workloads and kept objects (the YAML export writes those too). */
const writtenBack = (c: Cluster): unknown[] => {
  const objects = toManifestObjects(c) as Json[];
  const has = (o: Json) => objects.some((x) => x.kind === o.kind && JSON.stringify(x.metadata) === JSON.stringify(o.metadata));
  return [...objects, ...[...(c.workloads ?? []), ...(c.kept ?? [])].filter((o) => !has(o as Json))];
};
const ok = (objects: unknown[]): ManifestResult => {
  const r = clusterFromObjects(objects);
  expect(r.errors).toEqual([]);
  return r;
};

describe('ReplicaSet', () => {
  it('makes replicas pods named <rs>-<5 chars> with the template labels, kept verbatim in workloads', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'front' }, spec: { replicas: 3, selector: { matchLabels: { app: 'front' } }, template: template({ app: 'front' }) } };
    const { cluster } = ok([...nodes(2), rs]);
    const pods = podsOf(cluster, 'front-');
    expect(pods.map((p) => p.metadata.name)).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(/^front-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['n1', 'n2', 'n1']);
    expect(cluster.workloads).toEqual([rs]);
  });

  it('makes no pods of its own when a Deployment in the manifests controls it', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) } };
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d4f', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true }] },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4f' } }, template: template({ app: 'web', 'pod-template-hash': '5d4f' }) } };
    const { cluster } = ok([...nodes(1), deploy, rs]);
    expect(cluster.pods.filter((p) => p.metadata.namespace === 'default')).toHaveLength(2);
  });

  it('refuses what ValidateReplicaSetSpec refuses, with the field path', () => {
    const bad = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { replicas: -1, selector: { matchLabels: { app: 'y' } }, template: template({ app: 'x' }, { restartPolicy: 'Never' }) } };
    const { errors } = clusterFromObjects([bad]);
    expect(errors.map((e) => e.field)).toEqual(['spec.replicas', 'spec.template.metadata.labels', 'spec.template.spec.restartPolicy']);
    expect(errors[2]!.message).toBe('The ReplicaSet "x" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
    expect(clusterFromObjects([{ ...bad, spec: { ...bad.spec, replicas: 1001 } }]).errors[0]!.message).toContain('at most 1000 pods');
  });
});

describe('StatefulSet', () => {
  const headless = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80 }] } };
  const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' },
    spec: { serviceName: 'nginx', replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: template({ app: 'nginx' }) } };

  it('makes ordinal pods with hostname, subdomain and the controller labels, each with a DNS name under the headless Service', () => {
    const { cluster } = ok([...nodes(3), headless, sts]);
    const pods = podsOf(cluster, 'web-');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(pods[1]!.spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx' });
    expect(pods[1]!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4/), controller: true, blockOwnerDeletion: true }]);
    expect(pods[1]!.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': expect.stringMatching(/^web-/) });
    const answer = answerZone(cluster, 'web-0.nginx.default.svc.cluster.local', 'A')!;
    expect(answer.rcode).toBe('NOERROR');
    expect(answer.answers.map((a) => a.value)).toEqual([pods[0]!.status.podIP]);
  });

  it('starts at spec.ordinals.start, and a name too long for a pod hostname gives no pods and a warning', () => {
    const { cluster } = ok([...nodes(1), { ...sts, spec: { ...sts.spec, ordinals: { start: 5 }, replicas: 2 } }]);
    expect(podsOf(cluster, 'web-').map((p) => p.metadata.name)).toEqual(['web-5', 'web-6']);
    const long = 'a'.repeat(62);
    const r = ok([...nodes(1), { ...sts, metadata: { name: long } }]);
    expect(podsOf(r.cluster, long)).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(`StatefulSet "${long}" gets no pods`));
  });

  it('scaled up, makes the ordinals it lacks and keeps the pods it has', () => {
    const first = ok([...nodes(2), headless, sts]).cluster;
    const scaled = writtenBack(first).map((o) => ((o as Json).kind === 'StatefulSet' ? { ...(o as Json), spec: { ...sts.spec, replicas: 4 } } : o));
    const pods = podsOf(ok(scaled).cluster, 'web-');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    expect(pods.slice(0, 3)).toEqual(podsOf(first, 'web-'));
  });

  it('refuses an unknown podManagementPolicy and an empty selector', () => {
    const { errors } = clusterFromObjects([{ ...sts, spec: { ...sts.spec, podManagementPolicy: 'Eager', selector: {} } }]);
    expect(errors.map((e) => e.message)).toEqual([
      'The StatefulSet "web" is invalid: spec.podManagementPolicy: Invalid value: "Eager": must be \'OrderedReady\' or \'Parallel\'',
      'The StatefulSet "web" is invalid: spec.selector: Invalid value: {"matchLabels":{}}: empty selector is invalid for statefulset',
    ]);
  });
});

describe('DaemonSet', () => {
  const ds = (spec: Json = {}) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: template({ app: 'agent' }, spec) } });

  it('runs one pod per node, bound to it by node affinity on metadata.name, with the automatic tolerations', () => {
    const cp = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } };
    const { cluster } = ok([cp, ...nodes(2), ds()]);
    const pods = podsOf(cluster, 'agent-');
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['n1', 'n2']);
    expect(pods[0]!.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } });
    expect(pods[0]!.spec.tolerations!.map((t) => `${t.key}:${t.effect}`)).toContain('node.kubernetes.io/unschedulable:NoSchedule');
    expect(pods[0]!.metadata.labels).toMatchObject({ 'pod-template-generation': '1', 'controller-revision-hash': expect.any(String) });
    // Tolerating the control-plane taint puts a pod there too.
    const all = ok([cp, ...nodes(2), ds({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] })]);
    expect(podsOf(all.cluster, 'agent-').map((p) => p.spec.nodeName)).toEqual(['cp', 'n1', 'n2']);
  });

  it('honours nodeSelector; runs on unschedulable nodes; skips not-Ready nodes unless tolerated', () => {
    const objs = nodes(3, (i) => (i === 1 ? { metadata: { name: 'n1', labels: { disk: 'ssd' } } } : i === 2 ? { spec: { unschedulable: true } } : { status: { conditions: [{ type: 'Ready', status: 'False' }] } }));
    expect(podsOf(ok([...objs, ds({ nodeSelector: { disk: 'ssd' } })]).cluster, 'agent-').map((p) => p.spec.nodeName)).toEqual(['n1']);
    expect(podsOf(ok([...objs, ds()]).cluster, 'agent-').map((p) => p.spec.nodeName)).toEqual(['n1', 'n2']);
    expect(podsOf(ok([...objs, ds({ tolerations: [{ operator: 'Exists' }] })]).cluster, 'agent-').map((p) => p.spec.nodeName)).toEqual(['n1', 'n2', 'n3']);
  });

  it('gives a node added later its pod, and leaves the pods it has', () => {
    const first = ok([...nodes(2), ds()]).cluster;
    const objects = [...writtenBack(first), ...nodes(3).slice(2)];
    const again = ok(objects).cluster;
    const agents = podsOf(again, 'agent-');
    expect(agents.map((p) => p.spec.nodeName)).toEqual(['n1', 'n2', 'n3']);
    expect(agents.slice(0, 2)).toEqual(podsOf(first, 'agent-'));
    expect(workloadOwns(first.workloads![0]!, agents[2]!)).toBe(true);
    expect(workloadOwns(first.workloads![0]!, first.pods.find((p) => p.metadata.namespace === 'kube-system' && !p.metadata.name.startsWith('agent-'))!)).toBe(false);
  });

  it('gets the default node pool when the manifests have no Node', () => {
    const r = ok([ds()]);
    expect(r.cluster.nodes.map((n) => n.metadata.name)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(podsOf(r.cluster, 'agent-')).toHaveLength(3);
  });
});

describe('Job', () => {
  const job = (spec: Json = {}, extra: Json = {}) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', ...extra },
    spec: { template: template({ app: 'migrate' }, { restartPolicy: 'Never' }), ...spec } });
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'migrate' }, spec: { selector: { app: 'migrate' }, ports: [{ port: 80, targetPort: 'http' }] } };

  it('shows a fresh Job complete: completions pods, Succeeded, not ready, no IP, no endpoints', () => {
    const { cluster } = ok([...nodes(2), job({ completions: 3, parallelism: 2 }), svc]);
    const pods = podsOf(cluster, 'migrate-');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.status).toEqual({ phase: 'Succeeded', ready: false });
      expect(p.spec.nodeName).toMatch(/^n[12]$/);
      expect(p.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'migrate', 'job-name': 'migrate', 'controller-uid': expect.stringMatching(/^[0-9a-f-]{36}$/) });
    }
    const eps = endpointsFor(cluster, cluster.services.find((s) => s.metadata.name === 'migrate')!);
    expect(eps.ports[0]!.endpoints).toEqual([]);
    expect(eps.excluded.map((e) => e.reason.kind)).toEqual(['terminal-phase', 'terminal-phase', 'terminal-phase']);
  });

  it('work queue: parallelism pods; suspended or parallelism 0: none; Indexed: <job>-<i>- names and hostnames', () => {
    expect(podsOf(ok([...nodes(1), job({ parallelism: 4 })]).cluster, 'migrate-')).toHaveLength(4);
    expect(podsOf(ok([...nodes(1), job()]).cluster, 'migrate-')).toHaveLength(1);
    expect(podsOf(ok([...nodes(1), job({ suspend: true, completions: 2 })]).cluster, 'migrate-')).toHaveLength(0);
    expect(podsOf(ok([...nodes(1), job({ parallelism: 0, completions: 2 })]).cluster, 'migrate-')).toHaveLength(0);
    const indexed = podsOf(ok([...nodes(1), job({ completionMode: 'Indexed', completions: 2 })]).cluster, 'migrate-');
    expect(indexed.map((p) => [p.metadata.name.replace(/-[^-]{5}$/, ''), p.spec.hostname, p.metadata.labels!['batch.kubernetes.io/job-completion-index']])).toEqual([['migrate-0', 'migrate-0', '0'], ['migrate-1', 'migrate-1', '1']]);
  });

  it('refuses an Indexed Job whose highest pod hostname would not be a DNS label', () => {
    const dotted = clusterFromObjects([...nodes(1), job({ completionMode: 'Indexed', completions: 3 }, { name: 'shop.example.com' })]);
    expect(dotted.errors.map((e) => e.message)).toEqual([
      'The Job "shop.example.com" is invalid: metadata.name: Invalid value: "shop.example.com": will not able to create pod with invalid DNS label: shop.example.com-2',
    ]);
    expect(podsOf(dotted.cluster, 'shop.example.com-')).toHaveLength(0);
    // NonIndexed pods take no hostname from the Job's name: the same name is fine there.
    expect(clusterFromObjects([...nodes(1), job({ completions: 3 }, { name: 'shop.example.com' })]).errors).toEqual([]);
  });

  it('a Job from a cluster (it has a status) gets no made-up pods', () => {
    expect(podsOf(ok([...nodes(1), { ...job({ completions: 2 }), status: { succeeded: 2 } }]).cluster, 'migrate-')).toHaveLength(0);
  });

  it('refuses restartPolicy Always (the default) and an Indexed Job without completions', () => {
    const { errors } = clusterFromObjects([{ ...job({ completionMode: 'Indexed' }), spec: { completionMode: 'Indexed', template: template({ app: 'm' }) } }]);
    expect(errors.map((e) => e.message)).toEqual([
      'The Job "migrate" is invalid: spec.completions: Required value: when completion mode is Indexed',
      'The Job "migrate" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ]);
  });
});

describe('CronJob', () => {
  const cron = (name: string, schedule = '*/5 * * * *') => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name },
    spec: { schedule, jobTemplate: { spec: { template: template({ app: name }, { restartPolicy: 'OnFailure' }) } } } });

  it('is kept with no pods and one notice for all CronJobs', () => {
    const r = ok([...nodes(1), cron('backup'), cron('report')]);
    expect(r.cluster.pods.filter((p) => p.metadata.namespace === 'default')).toEqual([]);
    expect(r.cluster.workloads!.map((w) => w.metadata.name)).toEqual(['backup', 'report']);
    expect(r.warnings.filter((w) => w.kind === 'CronJob').map((w) => w.message)).toEqual([
      '2 CronJobs ("backup", "report") have no pods: a CronJob creates a Job each time its schedule fires, and on a cluster it was just applied to, none has fired yet',
    ]);
  });

  it('refuses a schedule robfig/cron cannot parse', () => {
    expect(clusterFromObjects([cron('x', '* * *')]).errors.map((e) => e.message)).toEqual(['The CronJob "x" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']);
    expect(clusterFromObjects([cron('x', '@daily')]).errors).toEqual([]);
  });
});

describe('a dump that lists the pods', () => {
  it('does not expand a workload again: by controller reference, else by its labels and names', () => {
    // A dump's StatefulSet (it has a status): its pods are the ones listed.
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', uid: 'u-db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) }, status: { replicas: 1 } };
    const pod = (name: string, meta: Json) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...meta }, spec: { nodeName: 'n1', containers: [container] }, status: { phase: 'Running', podIP: '10.244.0.9' } });
    const byRef = ok([...nodes(1), sts, pod('db-0', { labels: { app: 'db' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u-db', controller: true }] })]);
    expect(podsOf(byRef.cluster, 'db-').map((p) => p.metadata.name)).toEqual(['db-0']);
    const byLabels = ok([...nodes(1), sts, pod('db-1', { labels: { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-1' } })]);
    expect(podsOf(byLabels.cluster, 'db-').map((p) => p.metadata.name)).toEqual(['db-1']);
  });

  it('round trip: the written pods and workloads read back to the same pods', () => {
    const objects = [
      ...nodes(2),
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: template({ app: 'agent' }) } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { replicas: 2, selector: { matchLabels: { app: 'rs' } }, template: template({ app: 'rs' }) } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: template({ app: 'once' }, { restartPolicy: 'Never' }) } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { k: 'v' } },
    ];
    const first = ok(objects).cluster;
    const again = ok(writtenBack(first)).cluster;
    expect(again.pods).toEqual(first.pods);
    expect(again.workloads).toEqual(first.workloads);
    expect(again.kept).toEqual(first.kept);
  });
});

describe('a StatefulSet whose serviceName is not a DNS label', () => {
  it('gets no pods (each pod\'s subdomain would be refused) and says why', () => {
    const sts = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
      spec: { serviceName: 'shop.example.com', replicas: 1, selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) },
    };
    const r = clusterFromObjects([...nodes(1), sts]);
    expect(r.errors).toEqual([]);
    expect(podsOf(r.cluster, 'db-')).toEqual([]);
    expect(r.warnings.map((w) => w.message).join('\n')).toContain('spec.subdomain is spec.serviceName, and "shop.example.com" is not a DNS label');
  });
});
