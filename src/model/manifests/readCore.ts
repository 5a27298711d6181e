/**
 * Readers for Node, Pod and Deployment objects: plain parsed JSON → the model's types, with the
 * API's defaults (container port protocol TCP, replicas 1). Tolerant of what real clusters print
 * (`status.conditions`, `spec.podCIDRs`, `status.podIPs`); addresses left empty are allocated later.
 */
import type { Affinity, Container, ContainerPort, Deployment, Labels, Node, NodeAddress, NodeSelectorRequirement, NodeSelectorTerm, OwnerReference, Pod, PodPlacement, PodTemplateSpec, Taint, Toleration } from '../cluster';
import { isRecord, stringMap, type Json } from '../validation/coerce';
import { jsonCopy } from './jsonCopy';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** metadata of a namespaced object; namespace defaults to "default" like kubectl. */
export function readMeta(v: unknown, defaultNamespace = 'default'): { name: string; namespace: string; labels?: Labels; annotations?: Labels; creationTimestamp?: string; deletionTimestamp?: string; ownerReferences?: OwnerReference[] } {
  const m = rec(v);
  const meta: ReturnType<typeof readMeta> = { name: str(m.name) ?? '', namespace: str(m.namespace) || defaultNamespace };
  const labels = stringMap(m.labels);
  if (labels) meta.labels = labels;
  const annotations = stringMap(m.annotations);
  if (annotations) meta.annotations = annotations;
  if (str(m.creationTimestamp)) meta.creationTimestamp = str(m.creationTimestamp);
  if (str(m.deletionTimestamp)) meta.deletionTimestamp = str(m.deletionTimestamp);
  if (Array.isArray(m.ownerReferences)) meta.ownerReferences = readOwnerReferences(m.ownerReferences);
  return meta;
}

function readOwnerReferences(v: unknown[]): OwnerReference[] {
  return v.map(rec).map((r) => {
    const ref: OwnerReference = { apiVersion: str(r.apiVersion) ?? '', kind: str(r.kind) ?? '', name: str(r.name) ?? '', uid: str(r.uid) ?? '' };
    if (typeof r.controller === 'boolean') ref.controller = r.controller;
    if (typeof r.blockOwnerDeletion === 'boolean') ref.blockOwnerDeletion = r.blockOwnerDeletion;
    return ref;
  });
}

/** The controller among the owners (ownerReferences[].controller: true), as GetControllerOf finds it. */
export function controllerOf(meta: { ownerReferences?: OwnerReference[] }): OwnerReference | undefined {
  return meta.ownerReferences?.find((r) => r.controller === true);
}

function readTaints(v: unknown): Taint[] {
  return list(v).map(rec).map((t) => {
    const taint: Taint = { key: str(t.key) ?? '', effect: (str(t.effect) ?? '') as Taint['effect'] };
    if (str(t.value)) taint.value = str(t.value);
    if (str(t.timeAdded)) taint.timeAdded = str(t.timeAdded);
    return taint;
  });
}

function readTolerations(v: unknown[]): Toleration[] {
  return v.map(rec).map((t) => {
    const toleration: Toleration = {};
    if (str(t.key)) toleration.key = str(t.key);
    if (str(t.operator)) toleration.operator = str(t.operator) as Toleration['operator'];
    if (str(t.value)) toleration.value = str(t.value);
    if (str(t.effect)) toleration.effect = str(t.effect) as Toleration['effect'];
    if (num(t.tolerationSeconds) !== undefined) toleration.tolerationSeconds = num(t.tolerationSeconds);
    return toleration;
  });
}

function readRequirements(v: unknown): NodeSelectorRequirement[] {
  return list(v).map(rec).map((r) => {
    const req: NodeSelectorRequirement = { key: str(r.key) ?? '', operator: (str(r.operator) ?? '') as NodeSelectorRequirement['operator'] };
    if (Array.isArray(r.values)) req.values = r.values.filter((x): x is string => typeof x === 'string');
    return req;
  });
}

/** spec.affinity: the required node affinity read; everything else kept as given (JSON). */
function readAffinity(v: Json): Affinity {
  const affinity: Affinity = {};
  if (isRecord(v.nodeAffinity)) {
    const na = v.nodeAffinity;
    affinity.nodeAffinity = {};
    if (isRecord(na.requiredDuringSchedulingIgnoredDuringExecution)) {
      const terms = list(na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).map(rec).map((t) => {
        const term: NodeSelectorTerm = {};
        if (Array.isArray(t.matchExpressions)) term.matchExpressions = readRequirements(t.matchExpressions);
        if (Array.isArray(t.matchFields)) term.matchFields = readRequirements(t.matchFields);
        return term;
      });
      affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: terms };
    }
    const preferred = Array.isArray(na.preferredDuringSchedulingIgnoredDuringExecution) ? jsonCopy(na.preferredDuringSchedulingIgnoredDuringExecution) : undefined;
    if (preferred) affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = preferred;
  }
  const podAffinity = v.podAffinity != null ? jsonCopy(v.podAffinity) : undefined;
  if (podAffinity != null) affinity.podAffinity = podAffinity;
  const podAntiAffinity = v.podAntiAffinity != null ? jsonCopy(v.podAntiAffinity) : undefined;
  if (podAntiAffinity != null) affinity.podAntiAffinity = podAntiAffinity;
  return affinity;
}

/** nodeSelector, tolerations and affinity of a pod spec (or a template's), when given. */
export function readPlacement(spec: Json): PodPlacement {
  const out: PodPlacement = {};
  const selector = stringMap(spec.nodeSelector);
  if (selector) out.nodeSelector = selector;
  if (Array.isArray(spec.tolerations)) out.tolerations = readTolerations(spec.tolerations);
  if (isRecord(spec.affinity)) out.affinity = readAffinity(spec.affinity);
  return out;
}

/** A pod template's spec: containers, placement, hostname and subdomain. */
export function readPodTemplateSpec(v: unknown): PodTemplateSpec {
  const spec = rec(v);
  const out: PodTemplateSpec = { containers: readContainers(spec.containers), ...readPlacement(spec) };
  if (str(spec.hostname)) out.hostname = str(spec.hostname);
  if (str(spec.subdomain)) out.subdomain = str(spec.subdomain);
  if (spec.hostNetwork === true) out.hostNetwork = true;
  if (str(spec.nodeName)) out.nodeName = str(spec.nodeName);
  return out;
}

/** The Ready condition of status.conditions, when present. */
function readyCondition(status: Json): boolean | undefined {
  const ready = list(status.conditions).map(rec).find((c) => c.type === 'Ready');
  return ready ? ready.status === 'True' : undefined;
}

export function readNode(obj: Json): Node {
  const meta = readMeta(obj.metadata);
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: meta.name },
    spec: {},
    status: {
      addresses: list(status.addresses).map(rec)
        .filter((a) => typeof a.type === 'string' && typeof a.address === 'string')
        .map((a) => ({ type: a.type, address: a.address }) as NodeAddress),
      ready: readyCondition(status) ?? true,
    },
  };
  if (meta.labels) node.metadata.labels = meta.labels;
  if (meta.annotations) node.metadata.annotations = meta.annotations;
  if (meta.creationTimestamp) node.metadata.creationTimestamp = meta.creationTimestamp;
  const podCIDR = str(spec.podCIDR) ?? str(list(spec.podCIDRs)[0]);
  if (podCIDR) node.spec.podCIDR = podCIDR;
  if (spec.unschedulable === true) node.spec.unschedulable = true;
  if (Array.isArray(spec.taints)) node.spec.taints = readTaints(spec.taints);
  const info = rec(status.nodeInfo);
  if (str(info.kubeletVersion)) {
    node.status.nodeInfo = {
      kubeletVersion: str(info.kubeletVersion)!,
      osImage: str(info.osImage) ?? '',
      kernelVersion: str(info.kernelVersion) ?? '',
      containerRuntimeVersion: str(info.containerRuntimeVersion) ?? '',
    };
  }
  return node;
}

export function readContainers(v: unknown): Container[] {
  return list(v).map(rec).map((c) => {
    const container: Container = { name: str(c.name) ?? '', image: str(c.image) ?? '' };
    if (Array.isArray(c.ports)) {
      container.ports = c.ports.map(rec).map((p) => {
        const port: ContainerPort = { containerPort: num(p.containerPort) ?? 0, protocol: (str(p.protocol) ?? 'TCP') as ContainerPort['protocol'] };
        if (str(p.name)) port.name = str(p.name);
        return port;
      });
    }
    return container;
  });
}

/** A pod, and whether its manifest said what phase it is in (else the model decides). */
export function readPod(obj: Json): { pod: Pod; phaseGiven: boolean } {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  const phase = str(status.phase) as Pod['status']['phase'] | undefined;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: readMeta(obj.metadata),
    spec: { containers: readContainers(spec.containers), ...readPlacement(spec) },
    status: { phase: phase ?? 'Pending', ready: false },
  };
  if (str(spec.nodeName)) pod.spec.nodeName = str(spec.nodeName);
  if (str(spec.hostname)) pod.spec.hostname = str(spec.hostname);
  if (str(spec.subdomain)) pod.spec.subdomain = str(spec.subdomain);
  if (spec.hostNetwork === true) pod.spec.hostNetwork = true;
  const podIP = str(status.podIP) ?? str(rec(list(status.podIPs)[0]).ip);
  if (podIP) pod.status.podIP = podIP;
  // Ready: status.conditions from a real cluster; otherwise a Running pod is taken as ready.
  const ready = readyCondition(status);
  pod.status.ready = ready ?? (phase === undefined || phase === 'Running');
  return { pod, phaseGiven: phase !== undefined };
}

export function readDeployment(obj: Json): Deployment {
  const spec = rec(obj.spec);
  const template = rec(spec.template);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: readMeta(obj.metadata),
    spec: {
      replicas: num(spec.replicas) ?? 1,
      selector: { matchLabels: stringMap(rec(spec.selector).matchLabels) ?? {} },
      template: {
        metadata: { labels: stringMap(rec(template.metadata).labels) ?? {} },
        spec: readPodTemplateSpec(template.spec),
      },
    },
  };
}
