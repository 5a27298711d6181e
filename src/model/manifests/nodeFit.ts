/**
 * Whether a pod may run on a node: the default scheduler's filter plugins for what the model reads,
 * in the order the default profile runs them (pkg/scheduler/framework/plugins: nodeunschedulable,
 * tainttoleration, nodeaffinity), with their reasons, and the DaemonSet controller's own check
 * (pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod: node name, node affinity,
 * NoSchedule/NoExecute taints). Toleration matching is core/v1 helper ToleratesTaint; node affinity
 * is component-helpers/scheduling/corev1/nodeaffinity (nodeSelector AND any required term).
 *
 * Node data is computed once per node (`nodeFacts`), so placing P pods on N nodes costs P × N checks.
 */
import type { Labels, Node, NodeSelectorRequirement, NodeSelectorTerm, PodPlacement, Taint, Toleration } from '../cluster';

/**
 * The labels the kubelet puts on every node it registers (pkg/kubelet/kubelet_node_status.go
 * initialNode / updateDefaultLabels); a node's own labels win. The model's nodes are Linux amd64.
 */
export function kubeletLabels(name: string): Labels {
  return {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
  };
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** What the filters read of a node, computed once. */
export interface NodeFacts {
  node: Node;
  name: string;
  labels: Labels;
  /** NoSchedule and NoExecute taints (PreferNoSchedule only scores), with the condition taint below. */
  taints: Taint[];
  unschedulable: boolean;
}

/**
 * A node that is not Ready carries `node.kubernetes.io/not-ready:NoSchedule`: the node lifecycle
 * controller adds it from the Ready condition (TaintNodesByCondition), whether or not the manifest
 * lists it.
 */
export function nodeFacts(node: Node): NodeFacts {
  const name = node.metadata.name;
  const given = node.spec.taints ?? [];
  const taints = given.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  if (!node.status.ready && !given.some((t) => t.key === TAINT_NOT_READY && t.effect === 'NoSchedule')) taints.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' });
  return { node, name, labels: { ...kubeletLabels(name), ...node.metadata.labels }, taints, unschedulable: node.spec.unschedulable === true };
}

/** ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first taint no toleration tolerates (FindMatchingUntoleratedTaint), or undefined. */
export function untoleratedTaint(facts: NodeFacts, tolerations: readonly Toleration[] | undefined): Taint | undefined {
  return facts.taints.find((taint) => !(tolerations ?? []).some((t) => tolerates(t, taint)));
}

function requirementHolds(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0] ?? '')) return false;
      return req.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default: return false;
  }
}

/** A term with no requirements matches no node. */
function termMatches(term: NodeSelectorTerm, facts: NodeFacts): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  return exprs.every((r) => requirementHolds(r, facts.labels[r.key]))
    && fields.every((r) => r.key === 'metadata.name' && requirementHolds(r, facts.name));
}

/** nodeSelector and the required node affinity (GetRequiredNodeAffinity(pod).Match). */
export function matchesNodeAffinity(placement: PodPlacement, facts: NodeFacts): boolean {
  for (const [k, v] of Object.entries(placement.nodeSelector ?? {})) if (facts.labels[k] !== v) return false;
  const required = placement.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((term) => termMatches(term, facts));
}

/** The scheduler's reason strings, as FitError prints them. */
export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const untoleratedReason = (taint: Taint): string => `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;

/** The first filter that rejects the node for this pod, as its reason, or undefined when it fits. */
export function schedulerRejects(placement: PodPlacement, facts: NodeFacts): string | undefined {
  if (facts.unschedulable && !(placement.tolerations ?? []).some((t) => tolerates(t, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' }))) return REASON_UNSCHEDULABLE;
  const taint = untoleratedTaint(facts, placement.tolerations);
  if (taint) return untoleratedReason(taint);
  if (!matchesNodeAffinity(placement, facts)) return REASON_AFFINITY;
  return undefined;
}

/** FitError.Error(): `0/3 nodes are available: 2 node(s) …, 1 node(s) ….` (reasons sorted). */
export function fitError(nodeCount: number, reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}
