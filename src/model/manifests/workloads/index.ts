/** The workload controllers the model runs besides the Deployment's (see each file for its source). */
import type { Pod } from '../../cluster';
import type { Json } from '../../validation/coerce';
import type { FieldError } from '../../validation/fieldError';
import { readCronJob } from './cronJob';
import { readDaemonSet } from './daemonSet';
import { readJob } from './job';
import { readReplicaSet } from './replicaSet';
import { readStatefulSet } from './statefulSet';
import type { Workload } from './workload';

export type { Workload } from './workload';

/** The kinds, with the API version each is served at. */
export const WORKLOAD_VERSIONS = { ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1' } as const;
export type WorkloadKind = keyof typeof WORKLOAD_VERSIONS;

export const isWorkloadKind = (kind: string): kind is WorkloadKind => Object.hasOwn(WORKLOAD_VERSIONS, kind);

/**
 * True when the pod belongs to the workload object (a kept entry of cluster.workloads): by its
 * controller reference, else by the labels and name its controller gives its pods. For edits that
 * remove or replace a workload together with its pods.
 */
export function workloadOwns(workload: { kind: string; [field: string]: unknown }, pod: Pod): boolean {
  return isWorkloadKind(workload.kind) && readWorkload(workload.kind, workload as Json).workload.owns(pod);
}

/** The workload as its controller reads it, the API server's errors, and warnings about it. */
export function readWorkload(kind: WorkloadKind, obj: Json): { workload: Workload; errors: FieldError[]; warnings: string[] } {
  switch (kind) {
    case 'ReplicaSet': return { ...readReplicaSet(obj), warnings: [] };
    case 'StatefulSet': return readStatefulSet(obj);
    case 'DaemonSet': return { ...readDaemonSet(obj), warnings: [] };
    case 'Job': return { ...readJob(obj), warnings: [] };
    case 'CronJob': return { ...readCronJob(obj), warnings: [] };
  }
}
