/**
 * StatefulSet (apps/v1) → pods, as pkg/controller/statefulset (stateful_set_utils.go newStatefulSetPod,
 * initIdentity, updateIdentity, setPodRevision) makes them: ordinal names `<set>-<ordinal>` from
 * spec.ordinals.start (default 0), `spec.hostname` = the pod's name and `spec.subdomain` =
 * spec.serviceName (so the headless Service gives each pod a DNS name), and the labels
 * `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and `controller-revision-hash`
 * (the name of the current ControllerRevision, `<set>-<hash of the template>`). Both pod management
 * policies end with every replica running; OrderedReady only creates them one after another.
 * Validation: pkg/apis/apps/validation ValidateStatefulSetSpec.
 */
import { fnv1a, safeEncode } from '../../addressing';
import { invalid, type FieldError } from '../../validation/fieldError';
import type { Json } from '../../validation/coerce';
import { isDNS1123Label } from '../../validation/names';
import { keep, num, ownsPod, podFromTemplate, readSelector, readTemplate, readWorkloadMeta, rec, str, validateCount, validateSelectorAndTemplate, type Workload } from './workload';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** ValidateObjectMeta's errors come before the spec's. */
const splitMeta = (errs: FieldError[]): [FieldError[], FieldError[]] => [errs.filter((e) => e.field.startsWith('metadata.')), errs.filter((e) => !e.field.startsWith('metadata.'))];

export function readStatefulSet(obj: Json): { workload: Workload; errors: FieldError[]; warnings: string[] } {
  const meta = readWorkloadMeta(obj.metadata);
  const spec = rec(obj.spec);
  const replicas = num(spec.replicas) ?? 1;
  const start = num(rec(spec.ordinals).start) ?? 0;
  const serviceName = str(spec.serviceName) ?? '';
  const policy = str(spec.podManagementPolicy) ?? 'OrderedReady';
  const selector = readSelector(spec);
  const template = readTemplate(spec.template);
  // ValidateStatefulSetSpec's order: the policy, replicas, ordinals, then selector and template.
  const errors: FieldError[] = [];
  if (policy !== 'OrderedReady' && policy !== 'Parallel') errors.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  errors.push(...validateCount(replicas, 'spec.replicas'));
  if (start < 0) errors.push(invalid('spec.ordinals.start', start, 'must be greater than or equal to 0'));
  const [metaErrors, specErrors] = splitMeta(validateSelectorAndTemplate('StatefulSet', meta, selector, template, { selectorRequired: true }));
  errors.unshift(...metaErrors);
  errors.push(...specErrors);
  // Each pod's hostname is its name, which must be a DNS label: the API server accepts the
  // StatefulSet but refuses every pod the controller tries to create from it.
  const last = `${meta.name}-${start + Math.max(0, replicas - 1)}`;
  const hostnameProblems = meta.name && replicas > 0 ? isDNS1123Label(last) : [];
  // Likewise each pod's spec.subdomain is spec.serviceName, which ValidatePodSpec holds to a DNS label.
  const subdomainProblems = meta.name && replicas > 0 && serviceName ? isDNS1123Label(serviceName) : [];
  const warnings = [
    ...hostnameProblems.slice(0, 1).map((m) => `StatefulSet "${meta.name}" gets no pods: each pod's spec.hostname is its name, and "${last}" is not a DNS label (${m}), so the API server refuses the pods its controller creates`),
    ...subdomainProblems.slice(0, 1).map((m) => `StatefulSet "${meta.name}" gets no pods: each pod's spec.subdomain is spec.serviceName, and "${serviceName}" is not a DNS label (${m}), so the API server refuses the pods its controller creates`),
  ];
  const isOrdinalName = (podName: string): boolean => podName.startsWith(`${meta.name}-`) && /^\d+$/.test(podName.slice(meta.name.length + 1));
  const revision = `${meta.name}-${safeEncode(String(fnv1a(JSON.stringify(spec.template ?? null))))}`;
  const workload: Workload = {
    kind: 'StatefulSet', meta, kept: keep(obj), identity: (pod) => pod.metadata.name,
    owns: (pod) => ownsPod(pod, 'StatefulSet', meta, selector.matchLabels,
      (p) => p.metadata.labels?.[POD_NAME_LABEL] === p.metadata.name && isOrdinalName(p.metadata.name)),
    expand: (_nodes, created) => Array.from({ length: hostnameProblems.length || subdomainProblems.length ? 0 : replicas }, (_, i) => {
      const ordinal = start + i;
      const name = `${meta.name}-${ordinal}`;
      const pod = podFromTemplate('apps/v1', 'StatefulSet', meta, template, name, { [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) }, created);
      pod.spec.hostname = name;
      if (serviceName) pod.spec.subdomain = serviceName;
      else delete pod.spec.subdomain;
      return pod;
    }),
  };
  return { workload, errors, warnings };
}
