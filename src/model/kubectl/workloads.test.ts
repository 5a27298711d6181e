import { describe, expect, it } from 'vitest';
import { clusterFromObjects } from '../manifests/fromObjects';
import type { Cluster } from '../cluster';
import { kubectl } from './kubectl';
import { formatLabelSelector } from './workloadPrinters';

const t = (labels: Record<string, string>, extra = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }], ...extra } });
const objects = [
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: t({ app: 'web' }) } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: t({ app: 'db' }) } },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: t({ app: 'agent' }, { nodeSelector: { 'kubernetes.io/os': 'linux' } }) } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { replicas: 2, selector: { matchLabels: { app: 'rs' } }, template: t({ app: 'rs' }) } },
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { completions: 2, template: t({ app: 'once' }, { restartPolicy: 'Never' }) } },
  { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: t({ app: 'n' }, { restartPolicy: 'OnFailure' }) } } } },
];
const build = (objs: unknown[]): Cluster => {
  const r = clusterFromObjects(objs);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.cluster;
};
const c = build(objects);

describe('kubectl get all', () => {
  it('lists pods, services, then the apps and batch kinds in discovery order, with kubectl columns and prefixes', () => {
    expect(kubectl(c, 'get all')).toBe(`NAME                       READY   STATUS      RESTARTS   AGE
pod/agent-6tfh9            1/1     Running     0          5d2h
pod/agent-98ppw            1/1     Running     0          5d2h
pod/agent-k449d            1/1     Running     0          5d2h
pod/db-0                   1/1     Running     0          5d2h
pod/db-1                   1/1     Running     0          5d2h
pod/once-ll4xc             0/1     Completed   0          5d2h
pod/once-v4j55             0/1     Completed   0          5d2h
pod/rs-4vkkp               1/1     Running     0          5d2h
pod/rs-dwswv               1/1     Running     0          5d2h
pod/web-846bc7b86f-8bmd9   1/1     Running     0          5d2h
pod/web-846bc7b86f-w2wll   1/1     Running     0          5d2h

NAME          TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE
service/web   ClusterIP   10.106.175.246   <none>        80/TCP    5d2h

NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
daemonset.apps/agent   3         3         3       3            3           kubernetes.io/os=linux   5d2h

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           5d2h

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/rs               2         2         2       5d2h
replicaset.apps/web-846bc7b86f   2         2         2       5d2h

NAME                  READY   AGE
statefulset.apps/db   2/2     5d2h

NAME                    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
cronjob.batch/nightly   0 3 * * *   <none>     False     0        <none>          5d2h

NAME             STATUS     COMPLETIONS   DURATION   AGE
job.batch/once   Complete   2/2                      5d2h
`);
  });

  it('-o wide adds CONTAINERS, IMAGES and SELECTOR (StatefulSet: no SELECTOR); a Job shows its generated selector', () => {
    const wide = kubectl(c, 'get all -o wide');
    expect(wide).toContain('daemonset.apps/agent   3         3         3       3            3           kubernetes.io/os=linux   5d2h   c            nginx:1.27   app=agent\n');
    expect(wide).toContain('replicaset.apps/web-846bc7b86f   2         2         2       5d2h   c            nginx:1.27   app=web,pod-template-hash=846bc7b86f\n');
    expect(wide).toContain('NAME                  READY   AGE    CONTAINERS   IMAGES\nstatefulset.apps/db   2/2     5d2h   c            nginx:1.27\n');
    expect(wide).toMatch(/job\.batch\/once {3}Complete {3}2\/2 {22}5d2h {3}c {12}nginx:1\.27 {3}batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\n/);
  });

  it('takes -n, -A and -o name; an empty namespace answers No resources found', () => {
    expect(kubectl(c, 'get rs -A')).toBe(`NAMESPACE     NAME                 DESIRED   CURRENT   READY   AGE
default       rs                   2         2         2       5d2h
default       web-846bc7b86f       2         2         2       5d2h
kube-system   coredns-6cf769989f   2         2         2       5d2h
`);
    expect(kubectl(c, 'get ds,sts -o name')).toBe('daemonset.apps/agent\nstatefulset.apps/db\n');
    expect(kubectl(c, 'get all -n prod')).toBe('No resources found in prod namespace.\n');
    expect(kubectl(c, 'get deploy -n kube-system')).toBe('NAME      READY   UP-TO-DATE   AVAILABLE   AGE\ncoredns   2/2     2            2           5d2h\n');
  });

  it('answers NotFound with the group-qualified plural and accepts the short names', () => {
    expect(kubectl(c, 'get jobs nope')).toBe('Error from server (NotFound): jobs.batch "nope" not found\n');
    expect(kubectl(c, 'get cj')).toContain('nightly');
    expect(kubectl(c, 'get statefulsets.apps db')).toBe('NAME   READY   AGE\ndb     2/2     5d2h\n');
  });
});

describe('workload rows count the model\'s pods', () => {
  it('a DaemonSet only on the nodes it fits; a StatefulSet whose pods cannot all be placed reads fewer ready', () => {
    const node = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { disk: name === 'n1' ? 'ssd' : 'hdd' } }, ...extra });
    const d = build([node('n1'), node('n2', { spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } }),
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: t({ app: 'agent' }) } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 3, selector: { matchLabels: { app: 'db' } }, template: t({ app: 'db' }, { nodeSelector: { disk: 'nvme' } }) } }]);
    expect(kubectl(d, 'get ds').split('\n')[1]).toBe('agent   1         1         1       1            1           <none>          5d2h');
    expect(kubectl(d, 'get sts').split('\n')[1]).toBe('db     0/3     5d2h');
  });

  it('a Job from a cluster reads its conditions, counts and run time; a suspended one reads Suspended', () => {
    const job = (name: string, spec: Record<string, unknown>, status?: Record<string, unknown>) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name },
      spec: { template: t({ app: name }, { restartPolicy: 'Never' }), ...spec }, ...(status ? { status } : {}) });
    const d = build([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } },
      job('done', { parallelism: 3 }, { succeeded: 3, startTime: '2025-06-06T10:00:00Z', completionTime: '2025-06-06T10:02:05Z', conditions: [{ type: 'Complete', status: 'True' }] }),
      job('paused', { suspend: true, completions: 4 }),
      job('busy', {}, { startTime: '2025-06-06T10:25:00Z', active: 1 })]);
    expect(kubectl(d, 'get jobs')).toBe(`NAME     STATUS      COMPLETIONS   DURATION   AGE
busy     Running     0/1           5m         5d2h
done     Complete    3/1 of 3      2m5s       5d2h
paused   Suspended   0/4                      5d2h
`);
  });

  it('a dump that lists the Deployment\'s ReplicaSet shows it once, with the Deployment\'s pods', () => {
    const deploy = objects[0]!;
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d4f', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true }] },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: t({ app: 'web' }) } };
    const d = build([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }, deploy, rs]);
    expect(kubectl(d, 'get rs')).toBe('NAME       DESIRED   CURRENT   READY   AGE\nweb-5d4f   2         2         2       5d2h\n');
  });

  it('formats label selectors as metav1.FormatLabelSelector', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'x', operator: 'DoesNotExist' }] }))
      .toBe('a=1,b=2,env in (dev,prod),!x');
  });
});

describe('kubectl describe statefulset|daemonset|replicaset', () => {
  it('prints the top of describeStatefulSet, counting the pods by phase', () => {
    expect(kubectl(c, 'describe sts db')).toBe(`Name:               db
Namespace:          default
CreationTimestamp:  Sun, 01 Jun 2025 08:00:00 +0000
Selector:           app=db
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
(real kubectl also prints Pod Template, Volume Claims and Events, which this explainer does not show)
`);
  });

  it('describeDaemonSet writes its node counts outside the aligned columns', () => {
    expect(kubectl(c, 'describe ds agent')).toBe(`Name:           agent
Namespace:      default
Selector:       app=agent
Node-Selector:  kubernetes.io/os=linux
Labels:         <none>
Annotations:    <none>
Desired Number of Nodes Scheduled: 3
Current Number of Nodes Scheduled: 3
Number of Nodes Scheduled with Up-to-date Pods: 3
Number of Nodes Scheduled with Available Pods: 3
Number of Nodes Misscheduled: 0
Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed
(real kubectl also prints Pod Template and Events, which this explainer does not show)
`);
  });

  it('a Deployment\'s ReplicaSet says who controls it', () => {
    expect(kubectl(c, 'describe rs web-846bc7b86f')).toBe(`Name:           web-846bc7b86f
Namespace:      default
Selector:       app=web,pod-template-hash=846bc7b86f
Labels:         app=web
                pod-template-hash=846bc7b86f
Annotations:    deployment.kubernetes.io/desired-replicas: 2
                deployment.kubernetes.io/max-replicas: 3
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed
(real kubectl also prints Pod Template, Conditions and Events, which this explainer does not show)
`);
    expect(kubectl(c, 'describe sts nope')).toBe('Error from server (NotFound): statefulsets.apps "nope" not found\n');
    expect(kubectl(c, 'describe job once')).toContain('error: this explainer describes services, pods, nodes, statefulsets, daemonsets and replicasets only');
  });
});
