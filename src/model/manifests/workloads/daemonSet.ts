/**
 * DaemonSet (apps/v1) → one pod per node that should run it, as pkg/controller/daemon does:
 * daemon_controller.go NodeShouldRunDaemonPod (the template's nodeName, nodeSelector and required
 * node affinity, then the node's NoSchedule/NoExecute taints against the pod's tolerations, which
 * include the ones util/daemonset_util.go AddOrUpdateDaemonPodTolerations adds), with the pod named
 * by generateName `<ds>-` and labelled `controller-revision-hash` and `pod-template-generation`.
 * The pod asks for its node through required node affinity on `metadata.name`
 * (ReplaceDaemonSetPodNodeNameNodeAffinity); the default scheduler then binds it there, so the pod
 * here carries both. A node that is not Ready carries node.kubernetes.io/not-ready:NoSchedule,
 * which DaemonSet pods do not tolerate by default: they get a pod there only when their template
 * tolerates it (as CNI and log agents do with `operator: Exists`).
 * Validation: pkg/apis/apps/validation ValidateDaemonSetSpec.
 */
import type { Affinity, Toleration } from '../../cluster';
import { fnv1a, safeEncode, stableSuffix } from '../../addressing';
import type { FieldError } from '../../validation/fieldError';
import type { Json } from '../../validation/coerce';
import { matchesNodeAffinity, untoleratedTaint, type NodeFacts } from '../nodeFit';
import { keep, ownsPod, podFromTemplate, readSelector, readTemplate, readWorkloadMeta, rec, validateSelectorAndTemplate, type PodTemplate, type Workload } from './workload';

export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** AddOrUpdateDaemonPodTolerations: the tolerations every DaemonSet pod gets. */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: Toleration['effect']): Toleration => ({ key, operator: 'Exists', effect });
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

/** AddOrUpdateTolerationInPodSpec: a toleration already there (same key, operator, value, effect) is not added twice. */
function withDaemonTolerations(given: readonly Toleration[] | undefined, hostNetwork: boolean): Toleration[] {
  const out = [...(given ?? [])];
  const same = (a: Toleration, b: Toleration) => (a.key ?? '') === (b.key ?? '') && (a.operator ?? 'Equal') === (b.operator ?? 'Equal') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
  for (const t of daemonTolerations(hostNetwork)) if (!out.some((o) => same(o, t))) out.push(t);
  return out;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity. */
function pinnedTo(affinity: Affinity | undefined, node: string): Affinity {
  const out: Affinity = structuredClone(affinity ?? {});
  out.nodeAffinity ??= {};
  out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  return out;
}

export function readDaemonSet(obj: Json): { workload: Workload; errors: FieldError[] } {
  const meta = readWorkloadMeta(obj.metadata);
  const spec = rec(obj.spec);
  const selector = readSelector(spec);
  const template: PodTemplate = readTemplate(spec.template);
  const hostNetwork = template.spec.hostNetwork === true;
  const templateNodeName = template.spec.nodeName;
  const errors = validateSelectorAndTemplate('DaemonSet', meta, selector, template, { selectorRequired: true });
  const hash = safeEncode(String(fnv1a(JSON.stringify(spec.template ?? null))));
  const tolerations = withDaemonTolerations(template.spec.tolerations, hostNetwork);
  const workload: Workload = {
    kind: 'DaemonSet', meta, kept: keep(obj), perNode: true, identity: (pod) => pod.spec.nodeName,
    owns: (pod) => ownsPod(pod, 'DaemonSet', meta, selector.matchLabels, (p) => p.metadata.name.startsWith(`${meta.name}-`) && p.metadata.labels?.['controller-revision-hash'] !== undefined),
    expand: (nodes: readonly NodeFacts[], created) => nodes.flatMap((facts) => {
      if (templateNodeName && templateNodeName !== facts.name) return [];
      if (!matchesNodeAffinity(template.spec, facts) || untoleratedTaint(facts, tolerations)) return [];
      const name = `${meta.name}-${stableSuffix(`${meta.namespace}/${meta.name}/${facts.name}`)}`;
      const pod = podFromTemplate('apps/v1', 'DaemonSet', meta, template, name, { 'controller-revision-hash': hash, [TEMPLATE_GENERATION_LABEL]: '1' }, created);
      pod.spec.tolerations = tolerations.map((t) => ({ ...t }));
      pod.spec.affinity = pinnedTo(template.spec.affinity, facts.name);
      pod.spec.nodeName = facts.name;
      return [pod];
    }),
  };
  return { workload, errors };
}
