/**
 * Job (batch/v1) → pods, as pkg/controller/job/job_controller.go makes them, in the state a Job
 * applied to a fresh cluster settles in. A Job runs its pods to completion and then stops: its
 * steady state is Complete, with `completions` pods in phase Succeeded (with no completions set,
 * a work queue: `parallelism` pods, all finishing). That is what the model shows: the pods were
 * scheduled, ran and exited, so they are Succeeded, not ready, hold no IP, and are no Service's
 * endpoints (the EndpointSlice controller leaves terminal pods out). It never shows a Job as
 * running, because no request can reach a container that has exited. A suspended Job, or one with
 * parallelism 0, has no pods. A Job whose object already has a status came from a cluster: its
 * pods are the ones the manifests list (finished ones may have been deleted), so none are made up.
 *
 * Pods: generateName `<job>-` (Indexed: `<job>-<index>-`, with spec.hostname `<job>-<index>` and
 * the completion-index label and annotation), labelled `batch.kubernetes.io/controller-uid`,
 * `batch.kubernetes.io/job-name`, `controller-uid` and `job-name`, which the API server adds to the
 * template when it generates the selector (pkg/registry/batch/job/strategy.go generateSelector).
 * The uid is the object's metadata.uid, or a stable stand-in for the one the API server assigns.
 * Validation: pkg/apis/batch/validation ValidateJob (an Indexed Job's pod hostnames must be DNS
 * labels) and ValidateJobSpec (counts ≥ 0, completionMode, an Indexed Job needs completions,
 * restartPolicy OnFailure or Never).
 */
import { stableSuffix } from '../../addressing';
import { invalid, notSupported, required, type FieldError } from '../../validation/fieldError';
import type { Json } from '../../validation/coerce';
import { validateLabels, validateObjectMeta } from '../../validation/meta';
import { isDNS1123Label, isDNS1123Subdomain } from '../../validation/names';
import { validatePodSpec } from '../../validation/pod';
import { isRecord } from '../../validation/coerce';
import { keep, num, ownsPod, podFromTemplate, readTemplate, readWorkloadMeta, rec, stableUid, str, validateCount, type Workload, type WorkloadMeta } from './workload';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

/** The checks of ValidateJobSpec the model's fields need, at `path` (spec, or spec.jobTemplate.spec). */
export function validateJobSpec(spec: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const parallelism = num(spec.parallelism);
  const completions = num(spec.completions);
  if (parallelism !== undefined) errs.push(...validateCount(parallelism, `${path}.parallelism`));
  if (completions !== undefined) errs.push(...validateCount(completions, `${path}.completions`));
  const mode = str(spec.completionMode) ?? 'NonIndexed';
  if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  const template = readTemplate(spec.template);
  errs.push(...validateLabels(template.labels, `${path}.template.metadata.labels`));
  errs.push(...validatePodSpec(template, `${path}.template.spec`));
  if (template.restartPolicy !== 'OnFailure' && template.restartPolicy !== 'Never') {
    errs.push(notSupported(`${path}.template.spec.restartPolicy`, template.restartPolicy, ['OnFailure', 'Never']));
  }
  return errs;
}

/**
 * ValidateJob (pkg/apis/batch/validation): an Indexed Job's pods get spec.hostname
 * `<name>-<index>`, which must be a DNS label, so the API server refuses a Job whose highest index
 * would make one that is not (a name with dots, or too long) rather than fail to create its pods.
 */
function validateIndexedHostname(meta: WorkloadMeta, spec: Json): FieldError[] {
  const completions = num(spec.completions);
  if (!meta.name || str(spec.completionMode) !== 'Indexed' || completions === undefined || completions <= 0) return [];
  const highest = `${meta.name}-${completions - 1}`;
  return isDNS1123Label(highest).length > 0
    ? [invalid('metadata.name', meta.name, `will not able to create pod with invalid DNS label: ${highest}`)]
    : [];
}

/** How many pods the Job ends with: completions, else parallelism (a work queue); both default to 1. */
function podCount(spec: Json): number {
  if (spec.suspend === true) return 0;
  const parallelism = num(spec.parallelism);
  const completions = num(spec.completions);
  if (parallelism === 0) return 0;
  if (completions !== undefined) return completions;
  return parallelism ?? 1;
}

export function readJob(obj: Json): { workload: Workload; errors: FieldError[] } {
  const meta: WorkloadMeta = readWorkloadMeta(obj.metadata);
  const spec = rec(obj.spec);
  const errors = [...validateObjectMeta(meta, true, isDNS1123Subdomain), ...validateIndexedHostname(meta, spec), ...validateJobSpec(spec, 'spec')];
  if (spec.selector != null && spec.manualSelector !== true && !isRecord(obj.status)) {
    // generateSelector: without manualSelector the API server writes the selector itself, from the
    // uid it gives the new Job; a selector already in the manifest cannot match it.
    errors.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated'));
  }
  const template = readTemplate(spec.template);
  const uid = meta.uid ?? stableUid('Job', meta);
  const labels = { [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: meta.name, 'controller-uid': uid, 'job-name': meta.name };
  const indexed = spec.completionMode === 'Indexed';
  const count = isRecord(obj.status) ? 0 : podCount(spec);
  const workload: Workload = {
    kind: 'Job', meta, kept: keep(obj), finished: true,
    owns: (pod) => ownsPod(pod, 'Job', meta, {}, (p) => p.metadata.labels?.[JOB_NAME_LABEL] === meta.name || p.metadata.labels?.['job-name'] === meta.name),
    expand: (_nodes, created) => Array.from({ length: count }, (_, i) => {
      const prefix = indexed ? `${meta.name}-${i}` : meta.name;
      const pod = podFromTemplate('batch/v1', 'Job', meta, template, `${prefix}-${stableSuffix(`${meta.namespace}/${meta.name}/${i}`)}`, indexed ? { ...labels, [COMPLETION_INDEX]: String(i) } : labels, created);
      if (indexed) {
        pod.metadata.annotations = { ...pod.metadata.annotations, [COMPLETION_INDEX]: String(i) };
        pod.spec.hostname ??= prefix;
      }
      return pod;
    }),
  };
  return { workload, errors };
}
