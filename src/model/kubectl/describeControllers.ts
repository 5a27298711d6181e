/**
 * The top of `kubectl describe statefulset|daemonset|replicaset`, in describe.go's order
 * (describeStatefulSet, describeDaemonSet, describeReplicaSet, v1.37), with the counts its
 * status would hold taken from the model's pods (getPodStatusForController counts them by phase).
 * Pod Template and the sections after it need fields the model does not keep; the closing note
 * names them, as `describe pod` does.
 */
import type { Pod } from '../cluster';
import { annotationLines, labelLines, type DescribeLine } from './describeLines';
import { rfc1123z, type PartialDescription } from './describeWorkload';
import { formatLabels } from './printers';
import { formatLabelSelector, type WorkloadRow } from './workloadPrinters';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Json : {});
const meta = (row: WorkloadRow) => rec(row.obj.metadata) as { labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: string; ownerReferences?: unknown };

/** "1 Running / 0 Waiting / 0 Succeeded / 0 Failed" (Waiting: Pending pods). */
function podsStatus(pods: readonly Pod[]): string {
  const n = (phase: Pod['status']['phase']) => pods.filter((p) => p.status.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

/** labels.Selector.String(): as FormatLabelSelector, but an empty selector is the empty string. */
const selectorString = (selector: unknown): string => {
  const s = formatLabelSelector(selector);
  return s === '<none>' ? '' : s;
};

const replicas = (row: WorkloadRow): number => {
  const r = rec(row.obj.spec).replicas;
  return typeof r === 'number' ? r : 1;
};
const ready = (p: Pod) => p.status.ready && p.status.phase === 'Running' && !p.metadata.deletionTimestamp;
const active = (p: Pod) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && !p.metadata.deletionTimestamp;

export function statefulSetDescription(row: WorkloadRow): PartialDescription {
  const spec = rec(row.obj.spec);
  const strategy = rec(spec.updateStrategy);
  const type = typeof strategy.type === 'string' ? strategy.type : 'RollingUpdate';
  const partition = rec(strategy.rollingUpdate).partition;
  const lines: DescribeLine[] = [
    ['Name:', row.name],
    ['Namespace:', row.namespace],
    ['CreationTimestamp:', rfc1123z(meta(row).creationTimestamp ?? row.pods[0]?.metadata.creationTimestamp)],
    ['Selector:', selectorString(spec.selector)],
    ...labelLines('Labels', meta(row).labels),
    ...annotationLines('Annotations', meta(row).annotations),
    ['Replicas:', `${replicas(row)} desired | ${row.pods.filter(active).length} total`],
    ['Update Strategy:', type],
    ...(type === 'RollingUpdate' && typeof partition === 'number' && partition !== 0 ? [['  Partition:', String(partition)]] : []),
    ['Pods Status:', podsStatus(row.pods)],
  ];
  return { lines, omitted: ['Pod Template', 'Volume Claims', 'Events'] };
}

export function daemonSetDescription(row: WorkloadRow): PartialDescription {
  const spec = rec(row.obj.spec);
  const scheduled = row.pods.filter((p) => p.spec.nodeName).length;
  const available = row.pods.filter(ready).length;
  const lines: DescribeLine[] = [
    ['Name:', row.name],
    ['Namespace:', row.namespace],
    ['Selector:', selectorString(spec.selector)],
    ['Node-Selector:', formatLabels(rec(rec(rec(spec.template).spec).nodeSelector) as Record<string, string>)],
    ...labelLines('Labels', meta(row).labels),
    ...annotationLines('Annotations', meta(row).annotations),
    // describe.go writes these five without a tab: they stand outside the aligned columns.
    [`Desired Number of Nodes Scheduled: ${scheduled}`],
    [`Current Number of Nodes Scheduled: ${scheduled}`],
    [`Number of Nodes Scheduled with Up-to-date Pods: ${scheduled}`],
    [`Number of Nodes Scheduled with Available Pods: ${available}`],
    ['Number of Nodes Misscheduled: 0'],
    ['Pods Status:', podsStatus(row.pods)],
  ];
  return { lines, omitted: ['Pod Template', 'Events'] };
}

export function replicaSetDescription(row: WorkloadRow): PartialDescription {
  const spec = rec(row.obj.spec);
  const owners = Array.isArray(meta(row).ownerReferences) ? (meta(row).ownerReferences as unknown[]).map(rec) : [];
  const controller = owners.find((o) => o.controller === true);
  const lines: DescribeLine[] = [
    ['Name:', row.name],
    ['Namespace:', row.namespace],
    ['Selector:', formatLabelSelector(spec.selector)],
    ...labelLines('Labels', meta(row).labels),
    ...annotationLines('Annotations', meta(row).annotations),
    ...(controller ? [['Controlled By:', `${String(controller.kind)}/${String(controller.name)}`]] : []),
    ['Replicas:', `${row.pods.filter(active).length} current / ${replicas(row)} desired`],
    ['Pods Status:', podsStatus(row.pods)],
  ];
  return { lines, omitted: ['Pod Template', 'Conditions', 'Events'] };
}
