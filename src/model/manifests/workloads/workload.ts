/**
 * What every workload controller here shares: reading the object's selector and pod template,
 * the template checks ValidatePodTemplateSpecFor* make (pkg/apis/apps/validation), building a pod
 * from the template (pkg/controller/controller_utils.go GetPodFromTemplate: the template's labels,
 * annotations and spec; the controller's reference as owner) and deciding whether a dump already
 * lists a workload's pods (metadata.ownerReferences' controller when there is one, else the labels
 * and name the controller gives them).
 */
import type { Cluster, KeptObject, Labels, Pod, PodTemplateSpec } from '../../cluster';
import { isRecord, stringMap, type Json } from '../../validation/coerce';
import { invalid, notSupported, required, type FieldError } from '../../validation/fieldError';
import { validateLabels, validateObjectMeta } from '../../validation/meta';
import { isDNS1123Subdomain } from '../../validation/names';
import { validatePodSpec } from '../../validation/pod';
import { MAX_EXPANDED_REPLICAS } from '../../validation/workloads';
import { fnv1a } from '../../addressing';
import { jsonCopy } from '../jsonCopy';
import type { NodeFacts } from '../nodeFit';
import { controllerOf, readMeta, readPodTemplateSpec } from '../readCore';

export const rec = (v: unknown): Json => (isRecord(v) ? v : {});
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export type WorkloadMeta = ReturnType<typeof readMeta> & { uid?: string };

/** A pod template as read: labels, annotations, the spec fields the model reads, restartPolicy. */
export interface PodTemplate {
  labels: Labels;
  annotations?: Labels;
  spec: PodTemplateSpec;
  /** Defaulted to Always (SetDefaults_PodSpec). */
  restartPolicy: string;
}

export function readTemplate(v: unknown): PodTemplate {
  const t = rec(v);
  const meta = rec(t.metadata);
  const template: PodTemplate = { labels: stringMap(meta.labels) ?? {}, spec: readPodTemplateSpec(t.spec), restartPolicy: str(rec(t.spec).restartPolicy) || 'Always' };
  const annotations = stringMap(meta.annotations);
  if (annotations) template.annotations = annotations;
  return template;
}

export function readWorkloadMeta(v: unknown): WorkloadMeta {
  const meta: WorkloadMeta = readMeta(v);
  const uid = str(rec(v).uid);
  if (uid) meta.uid = uid;
  return meta;
}

/** spec.selector: its matchLabels, and whether matchExpressions (which the model does not read) were given. */
export function readSelector(spec: Json): { matchLabels: Labels; hasExpressions: boolean; given: boolean } {
  const selector = rec(spec.selector);
  return {
    matchLabels: stringMap(selector.matchLabels) ?? {},
    hasExpressions: Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0,
    given: isRecord(spec.selector),
  };
}

/** What one controller makes of one object it owns. */
export interface Workload {
  kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  meta: WorkloadMeta;
  /** The object verbatim, for cluster.workloads. */
  kept: KeptObject;
  /** True when this pod is one of the workload's (a dump lists them). */
  owns(pod: Pod): boolean;
  /** The pods its controller creates on a fresh cluster. DaemonSets need the nodes. */
  expand(nodes: readonly NodeFacts[], created: string): Pod[];
  /** Pods that ran to completion (a Job's): scheduled, then Succeeded. */
  finished?: boolean;
  /** Expanded after the nodes are final (DaemonSet). */
  perNode?: boolean;
  /** What makes a pod one the controller makes exactly once (DaemonSet: its node; StatefulSet: its ordinal name). */
  identity?: (pod: Pod) => string | undefined;
}

/** The checks shared by ReplicaSet, StatefulSet and DaemonSet: meta, selector, template, restartPolicy Always. */
export function validateSelectorAndTemplate(kind: string, meta: WorkloadMeta, selector: ReturnType<typeof readSelector>, template: PodTemplate, opts: { selectorRequired: boolean; restartPolicies?: readonly string[] }): FieldError[] {
  const errs = validateObjectMeta(meta, true, isDNS1123Subdomain);
  if (!selector.given && opts.selectorRequired) errs.push(required('spec.selector'));
  else if (selector.given || opts.selectorRequired) {
    errs.push(...validateLabels(selector.matchLabels, 'spec.selector.matchLabels'));
    if (Object.keys(selector.matchLabels).length === 0 && !selector.hasExpressions) {
      errs.push(invalid('spec.selector', { matchLabels: selector.matchLabels }, `empty selector is invalid for ${kind === 'ReplicaSet' ? 'deployment' : kind.toLowerCase()}`));
    }
    if (!Object.entries(selector.matchLabels).every(([k, v]) => template.labels[k] === v)) {
      errs.push(invalid('spec.template.metadata.labels', template.labels, '`selector` does not match template `labels`'));
    }
  }
  errs.push(...validateLabels(template.labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(template, 'spec.template.spec'));
  const policies = opts.restartPolicies ?? ['Always'];
  if (!policies.includes(template.restartPolicy)) errs.push(notSupported('spec.template.spec.restartPolicy', template.restartPolicy, policies));
  return errs;
}

/** replicas: an int32 ≥ 0 (decode.ts refused other types), and the explainer's own cap. */
export function validateCount(value: number, field: string): FieldError[] {
  if (value < 0) return [invalid(field, value, 'must be greater than or equal to 0')];
  if (value > MAX_EXPANDED_REPLICAS) return [invalid(field, value, `the explainer draws at most ${MAX_EXPANDED_REPLICAS} pods per workload`)];
  return [];
}

/** A UUID-shaped stand-in for the uid the API server gives a new object (stable per kind, namespace and name). */
export function stableUid(kind: string, meta: { namespace: string; name: string }): string {
  const seed = `${kind}/${meta.namespace}/${meta.name}`;
  const hex = [0, 1, 2, 3].map((i) => fnv1a(`${seed}#${i}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * GetPodFromTemplate: a pod carrying the template's labels, annotations and spec, and the
 * controller's reference (metav1.NewControllerRef: controller and blockOwnerDeletion true; the uid
 * the object has, or a stable stand-in).
 */
export function podFromTemplate(apiVersion: string, kind: string, meta: WorkloadMeta, template: PodTemplate, name: string, labels: Labels, created: string): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace: meta.namespace, labels: { ...template.labels, ...labels }, creationTimestamp: meta.creationTimestamp ?? created,
      ownerReferences: [{ apiVersion, kind, name: meta.name, uid: meta.uid ?? stableUid(kind, meta), controller: true, blockOwnerDeletion: true }],
    },
    spec: structuredClone(template.spec),
    status: { phase: 'Pending', ready: true },
  };
  if (template.annotations) pod.metadata.annotations = { ...template.annotations };
  return pod;
}

/**
 * Whether a pod belongs to the workload: by its controller reference when it has one (GetControllerOf),
 * else by the namespace, the selector's labels and `pattern` (the name and labels its controller gives).
 */
export function ownsPod(pod: Pod, kind: string, meta: WorkloadMeta, matchLabels: Labels, pattern: (pod: Pod) => boolean): boolean {
  if (pod.metadata.namespace !== meta.namespace) return false;
  const ref = controllerOf(pod.metadata);
  if (ref) return ref.kind === kind && ref.name === meta.name;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(matchLabels).every(([k, v]) => labels[k] === v) && pattern(pod);
}

/** The object as given, deep-copied (the caller's JSON is never shared with the cluster); {} if it is not JSON. */
export function keep(obj: Json): KeptObject {
  return (jsonCopy(obj) ?? {}) as KeptObject;
}

/** True when a Deployment in the cluster controls this ReplicaSet (its pods are the Deployment's). */
export function ownedByDeployment(meta: WorkloadMeta, cluster: Cluster): boolean {
  const ref = controllerOf(meta);
  return ref?.kind === 'Deployment' && (cluster.deployments ?? []).some((d) => d.metadata.namespace === meta.namespace && d.metadata.name === ref.name);
}
