/**
 * `kubectl get` rows of the workload kinds, as pkg/printers/internalversion/printers.go prints them
 * (printDeployment, printReplicaSet, printStatefulSet, printDaemonSet, printJob, printCronJob, v1.37).
 * The counts kubectl reads from each object's status are the ones the model's pods give (the
 * controllers' status is what they count), so a table never disagrees with `get pods`. A Deployment
 * implies its ReplicaSet `<deployment>-<pod-template-hash>`, which `get rs` and `get all` list as a
 * cluster does, unless the manifests hold that ReplicaSet themselves.
 */
import type { Cluster, Deployment, KeptObject, Pod } from '../cluster';
import { DEFAULT_OBJECT_CREATED } from '../clock';
import { ownedBy, podTemplateHash, POD_TEMPLATE_HASH } from '../manifests/deployments';
import { workloadOwns } from '../manifests/workloads';
import { age, humanDuration } from './age';
import { formatLabels, type Printer } from './printers';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Json : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One workload object (as JSON: a kept object, a Deployment, or a ReplicaSet a Deployment implies) and its pods. */
export interface WorkloadRow {
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  name: string;
  namespace: string;
  obj: Json;
  pods: Pod[];
}

/** Ready as the controllers count it: the pod's Ready condition while it runs. */
const isReady = (pod: Pod): boolean => pod.status.ready && pod.status.phase === 'Running' && !pod.metadata.deletionTimestamp;
const readyCount = (pods: readonly Pod[]): number => pods.filter(isReady).length;
/** Pods a controller counts as its replicas: not terminal, not being deleted. */
const activeCount = (pods: readonly Pod[]): number => pods.filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && !p.metadata.deletionTimestamp).length;

/** The AGE the model gives an object with no creationTimestamp: the one its pods got. */
const created = (obj: Json): string => str(rec(obj.metadata).creationTimestamp) ?? DEFAULT_OBJECT_CREATED;

/** layoutContainerCells: container names and images, each joined by commas. */
function containerCells(podSpec: unknown): [string, string] {
  const containers = list(rec(podSpec).containers).map(rec);
  return [containers.map((c) => str(c.name) ?? '').join(','), containers.map((c) => str(c.image) ?? '').join(',')];
}

/**
 * metav1.FormatLabelSelector: `<none>` for a missing or empty selector, else the requirements as
 * labels.Selector.String() writes them (sorted by key; `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`).
 */
export function formatLabelSelector(selector: unknown): string {
  if (selector === undefined || selector === null) return '<none>';
  const s = rec(selector);
  const reqs: { key: string; text: string }[] = Object.entries(rec(s.matchLabels)).map(([k, v]) => ({ key: k, text: `${k}=${String(v)}` }));
  for (const e of list(s.matchExpressions).map(rec)) {
    const key = str(e.key) ?? '';
    const values = list(e.values).map(String).sort().join(',');
    const op = str(e.operator);
    const text = op === 'In' ? `${key} in (${values})` : op === 'NotIn' ? `${key} notin (${values})` : op === 'Exists' ? key : op === 'DoesNotExist' ? `!${key}` : `${key} ${op ?? ''} (${values})`;
    reqs.push({ key, text });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out = reqs.map((r) => r.text).join(',');
  return out || '<none>';
}

const template = (obj: Json): Json => rec(rec(obj.spec).template);

export const deploymentPrinter: Printer<WorkloadRow> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: ({ name, obj, pods }) => {
    const ready = readyCount(pods);
    // The ReplicaSet's pods are all of the current template: every one is up to date.
    return [name, `${ready}/${num(rec(obj.spec).replicas) ?? 1}`, String(activeCount(pods)), String(ready), age(created(obj))];
  },
  wideRow: ({ obj }) => [...containerCells(template(obj).spec), formatLabelSelector(rec(obj.spec).selector)],
};

export const replicaSetPrinter: Printer<WorkloadRow> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: ({ name, obj, pods }) => [name, String(num(rec(obj.spec).replicas) ?? 1), String(activeCount(pods)), String(readyCount(pods)), age(created(obj))],
  wideRow: ({ obj }) => [...containerCells(template(obj).spec), formatLabelSelector(rec(obj.spec).selector)],
};

export const statefulSetPrinter: Printer<WorkloadRow> = {
  headers: ['NAME', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES'],
  row: ({ name, obj, pods }) => [name, `${readyCount(pods)}/${num(rec(obj.spec).replicas) ?? 1}`, age(created(obj))],
  wideRow: ({ obj }) => containerCells(template(obj).spec),
};

export const daemonSetPrinter: Printer<WorkloadRow> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: ({ name, obj, pods }) => {
    // The controller made one pod per node that should run it: desired = scheduled = those pods.
    const scheduled = String(pods.filter((p) => p.spec.nodeName).length);
    const ready = String(readyCount(pods));
    const nodeSelector = rec(rec(template(obj).spec).nodeSelector) as Record<string, string>;
    return [name, scheduled, scheduled, ready, scheduled, ready, formatLabels(nodeSelector), age(created(obj))];
  },
  wideRow: ({ obj }) => [...containerCells(template(obj).spec), formatLabelSelector(rec(obj.spec).selector)],
};

const hasCondition = (status: Json, type: string): boolean => {
  const c = list(status.conditions).map(rec).find((x) => x.type === type);
  return c?.status === 'True';
};

/** The Job's status column: its conditions when it comes from a cluster, else what its pods say. */
function jobStatus(obj: Json, succeeded: number, wanted: number): string {
  const status = rec(obj.status);
  const spec = rec(obj.spec);
  if (list(status.conditions).length) {
    if (hasCondition(status, 'Complete')) return 'Complete';
    if (hasCondition(status, 'Failed')) return 'Failed';
    if (rec(obj.metadata).deletionTimestamp) return 'Terminating';
    if (hasCondition(status, 'Suspended')) return 'Suspended';
    if (hasCondition(status, 'FailureTarget')) return 'FailureTarget';
    return 'Running';
  }
  if (rec(obj.metadata).deletionTimestamp) return 'Terminating';
  if (spec.suspend === true) return 'Suspended';
  return wanted > 0 && succeeded >= wanted ? 'Complete' : 'Running';
}

export const jobPrinter: Printer<WorkloadRow> = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: ({ name, obj, pods }) => {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    // A Job from a cluster counts its own successes (finished pods may be gone); else its pods.
    const succeeded = num(status.succeeded) ?? pods.filter((p) => p.status.phase === 'Succeeded').length;
    const completions = num(spec.completions);
    const parallelism = num(spec.parallelism) ?? 0;
    const cell = completions !== undefined ? `${succeeded}/${completions}` : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    const wanted = completions ?? (parallelism === 0 && spec.parallelism !== undefined ? 0 : Math.max(1, parallelism));
    // DURATION: from status.startTime to completionTime; the model records no run times, so a Job
    // it ran itself shows the empty cell kubectl prints for a Job without startTime.
    const start = str(status.startTime);
    const end = str(status.completionTime);
    const duration = !start ? '' : age(start) === '<unknown>' ? '' : end ? durationBetween(start, end) : age(start);
    return [name, jobStatus(obj, succeeded, wanted), cell, duration, age(created(obj))];
  },
  wideRow: ({ obj, pods }) => {
    // The API server writes the selector from the Job's uid (generateSelector); its pods carry it.
    const given = rec(obj.spec).selector;
    const uid = pods[0]?.metadata.labels?.['batch.kubernetes.io/controller-uid'];
    const selector = given ?? (uid ? { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } } : undefined);
    return [...containerCells(template(obj).spec), formatLabelSelector(selector)];
  },
};

function durationBetween(from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return '';
  return humanDuration(b - a);
}

export const cronJobPrinter: Printer<WorkloadRow> = {
  headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: ({ name, obj }) => {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const last = str(status.lastScheduleTime);
    return [name, str(spec.schedule) ?? '', str(spec.timeZone) ?? '<none>', spec.suspend === true ? 'True' : 'False',
      String(list(status.active).length), last ? age(last) : '<none>', age(created(obj))];
  },
  wideRow: ({ obj }) => {
    const jobSpec = rec(rec(rec(obj.spec).jobTemplate).spec);
    return [...containerCells(rec(jobSpec.template).spec), formatLabelSelector(jobSpec.selector)];
  },
};

const kept = (cluster: Cluster, kind: WorkloadRow['kind']): KeptObject[] => (cluster.workloads ?? []).filter((w) => w.kind === kind);
const nsOf = (o: KeptObject): string => (typeof o.metadata.namespace === 'string' && o.metadata.namespace) || 'default';

function keptRows(cluster: Cluster, kind: WorkloadRow['kind']): WorkloadRow[] {
  return kept(cluster, kind).map((o) => ({ kind, name: o.metadata.name, namespace: nsOf(o), obj: o as Json, pods: cluster.pods.filter((p) => workloadOwns(o, p)) }));
}

export function deploymentRows(cluster: Cluster): WorkloadRow[] {
  return (cluster.deployments ?? []).map((d) => ({ kind: 'Deployment', name: d.metadata.name, namespace: d.metadata.namespace, obj: d as unknown as Json, pods: cluster.pods.filter((p) => ownedBy(p, d)) }));
}

/** The ReplicaSet the Deployment controller made for the current template (what a cluster lists). */
export function impliedReplicaSet(deployment: Deployment): Json {
  const hash = podTemplateHash(deployment);
  const labels = { ...deployment.spec.template.metadata.labels, [POD_TEMPLATE_HASH]: hash };
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`, namespace: deployment.metadata.namespace, labels,
      // deployment/util SetNewReplicaSetAnnotations: revision 1, and maxSurge's default 25% rounded up.
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(deployment.spec.replicas),
        'deployment.kubernetes.io/max-replicas': String(deployment.spec.replicas + Math.ceil(deployment.spec.replicas * 0.25)),
        'deployment.kubernetes.io/revision': '1',
      },
      ...(deployment.metadata.creationTimestamp ? { creationTimestamp: deployment.metadata.creationTimestamp } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: deployment.spec.replicas, selector: { matchLabels: { ...deployment.spec.selector.matchLabels, [POD_TEMPLATE_HASH]: hash } }, template: { metadata: { labels }, spec: deployment.spec.template.spec } },
  };
}

export function replicaSetRows(cluster: Cluster): WorkloadRow[] {
  const given = keptRows(cluster, 'ReplicaSet');
  const controlled = (d: Deployment) => given.some((r) => r.namespace === d.metadata.namespace
    && list(rec(r.obj.metadata).ownerReferences).map(rec).some((ref) => ref.controller === true && ref.kind === 'Deployment' && ref.name === d.metadata.name));
  const implied = (cluster.deployments ?? []).filter((d) => !controlled(d)).map((d): WorkloadRow => {
    const obj = impliedReplicaSet(d);
    const hash = podTemplateHash(d);
    const name = str(rec(obj.metadata).name)!;
    return { kind: 'ReplicaSet', name, namespace: d.metadata.namespace, obj, pods: cluster.pods.filter((p) => ownedBy(p, d) && p.metadata.labels?.[POD_TEMPLATE_HASH] === hash) };
  });
  // A kept ReplicaSet a Deployment controls makes no pods of its own: its pods are the Deployment's.
  const withDeploymentPods = given.map((r) => {
    if (r.pods.length) return r;
    const ref = list(rec(r.obj.metadata).ownerReferences).map(rec).find((x) => x.controller === true && x.kind === 'Deployment');
    const d = ref && (cluster.deployments ?? []).find((x) => x.metadata.namespace === r.namespace && x.metadata.name === ref.name);
    const selector = rec(rec(r.obj.spec).selector).matchLabels as Record<string, string> | undefined;
    return d ? { ...r, pods: cluster.pods.filter((p) => ownedBy(p, d) && Object.entries(selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v)) } : r;
  });
  return [...withDeploymentPods, ...implied];
}

export const statefulSetRows = (c: Cluster): WorkloadRow[] => keptRows(c, 'StatefulSet');
export const daemonSetRows = (c: Cluster): WorkloadRow[] => keptRows(c, 'DaemonSet');
export const jobRows = (c: Cluster): WorkloadRow[] => keptRows(c, 'Job');
export const cronJobRows = (c: Cluster): WorkloadRow[] => keptRows(c, 'CronJob');
