/**
 * Readers for Node, Pod and Deployment objects: plain parsed JSON → the model's types, with the
 * API's defaults (container port protocol TCP, replicas 1). Tolerant of what real clusters print
 * (`status.conditions`, `spec.podCIDRs`, `status.podIPs`); addresses left empty are allocated later.
 */
import type { Container, ContainerPort, Deployment, Labels, Node, NodeAddress, Pod } from '../cluster';
import { isRecord, stringMap, type Json } from '../validation/coerce';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** metadata of a namespaced object; namespace defaults to "default" like kubectl. */
export function readMeta(v: unknown, defaultNamespace = 'default'): { name: string; namespace: string; labels?: Labels; annotations?: Labels; creationTimestamp?: string; deletionTimestamp?: string } {
  const m = rec(v);
  const meta: ReturnType<typeof readMeta> = { name: str(m.name) ?? '', namespace: str(m.namespace) || defaultNamespace };
  const labels = stringMap(m.labels);
  if (labels) meta.labels = labels;
  const annotations = stringMap(m.annotations);
  if (annotations) meta.annotations = annotations;
  if (str(m.creationTimestamp)) meta.creationTimestamp = str(m.creationTimestamp);
  if (str(m.deletionTimestamp)) meta.deletionTimestamp = str(m.deletionTimestamp);
  return meta;
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
    spec: { containers: readContainers(spec.containers) },
    status: { phase: phase ?? 'Pending', ready: false },
  };
  if (str(spec.nodeName)) pod.spec.nodeName = str(spec.nodeName);
  if (str(spec.hostname)) pod.spec.hostname = str(spec.hostname);
  if (str(spec.subdomain)) pod.spec.subdomain = str(spec.subdomain);
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
        spec: { containers: readContainers(rec(template.spec).containers) },
      },
    },
  };
}
