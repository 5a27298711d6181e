/**
 * ReplicaSet (apps/v1) → pods, as pkg/controller/replicaset/replica_set.go manageReplicas creates
 * them: `spec.replicas` pods (default 1) from the template, each named by generateName `<rs>-` plus
 * five random characters (ours come from a hash, so the same manifest gives the same names).
 * Validation: pkg/apis/apps/validation ValidateReplicaSetSpec and ValidatePodTemplateSpecForReplicaSet.
 * A ReplicaSet a Deployment in the same manifests controls makes no pods of its own here: the
 * Deployment's expansion stands for it (a dump lists both).
 */
import { stableSuffix } from '../../addressing';
import type { FieldError } from '../../validation/fieldError';
import type { Json } from '../../validation/coerce';
import { keep, num, ownsPod, podFromTemplate, readSelector, readTemplate, readWorkloadMeta, rec, validateCount, validateSelectorAndTemplate, type Workload } from './workload';

export function readReplicaSet(obj: Json): { workload: Workload; errors: FieldError[] } {
  const meta = readWorkloadMeta(obj.metadata);
  const spec = rec(obj.spec);
  const replicas = num(spec.replicas) ?? 1;
  const selector = readSelector(spec);
  const template = readTemplate(spec.template);
  const errors = [...validateCount(replicas, 'spec.replicas'), ...validateSelectorAndTemplate('ReplicaSet', meta, selector, template, { selectorRequired: true })];
  const workload: Workload = {
    kind: 'ReplicaSet', meta, kept: keep(obj),
    owns: (pod) => ownsPod(pod, 'ReplicaSet', meta, selector.matchLabels, (p) => p.metadata.name.startsWith(`${meta.name}-`)),
    expand: (_nodes, created) => {
      const names = new Set<string>();
      for (let i = 0; names.size < replicas; i++) names.add(`${meta.name}-${stableSuffix(`${meta.namespace}/${meta.name}/${i}`)}`);
      return [...names].map((name) => podFromTemplate('apps/v1', 'ReplicaSet', meta, template, name, {}, created));
    },
  };
  return { workload, errors };
}
