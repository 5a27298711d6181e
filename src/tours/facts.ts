/**
 * Small readers and builders the tour files share: the real addresses of the cluster on show,
 * hops found by what they do (never by position), and the actions a step runs. Everything is read
 * from the model's objects and traces, so a tour states what the model computes.
 */
import { nodeInternalIP, type Cluster, type KubeProxyMode, type Service } from '../model/cluster';
import { updateService, updateSettings, type EditResult } from '../model/edits';
import type { ElementRef } from '../model/elementIds';
import type { Hop, Trace, TraceRequest, TraceSource } from '../model/trace/types';
import type { Lens } from '../store/playbackSlice';
import { traceFor } from '../store/selectTrace';
import type { TourAction, TourFacts } from './types';

type ServiceSpec = Service['spec'];

/** The namespace and name of a tour's `namespace/name` reference. */
export function objectKey(ref: string): { namespace: string; name: string } {
  const [namespace = '', name = ''] = ref.split('/');
  return { namespace, name };
}

/** A Service by `namespace/name`; throws (the engine shows its "expected a different cluster" note) when it is gone. */
export function service(cluster: Cluster, ref: string): Service {
  const { namespace, name } = objectKey(ref);
  const found = cluster.services.find((s) => s.metadata.namespace === namespace && s.metadata.name === name);
  if (!found) throw new Error(`no Service ${ref}`);
  return found;
}

/** The first port of a Service (the tours' Services have one that matters). */
export const firstPort = (svc: Service) => {
  const port = svc.spec.ports[0];
  if (!port) throw new Error(`${svc.metadata.name} has no ports`);
  return port;
};

export const clusterIP = (svc: Service): string => svc.spec.clusterIP ?? '';

/** The nodePort of the first port, when the Service has one. */
export const nodePortOf = (svc: Service): number | undefined => svc.spec.ports[0]?.nodePort;

/** The load balancer's first IP, when the cloud gave it one. */
export const lbIP = (svc: Service): string | undefined => svc.status.loadBalancer.ingress?.find((i) => i.ip)?.ip;

/** A node's InternalIP by name. */
export function nodeIP(cluster: Cluster, name: string): string {
  const node = cluster.nodes.find((n) => n.metadata.name === name);
  const ip = node && nodeInternalIP(node);
  if (!ip) throw new Error(`no node ${name}`);
  return ip;
}

/** "10.0.1.10, 10.0.1.11 and 10.0.1.12" with `:port` after each when given. */
export function nodeAddresses(cluster: Cluster, port?: number): string {
  const all = cluster.nodes.flatMap((n) => nodeInternalIP(n) ?? []).map((ip) => `\`${ip}${port !== undefined ? `:${port}` : ''}\``);
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** The node a pod is scheduled on. */
export function podNode(cluster: Cluster, ref: string): string | undefined {
  const { namespace, name } = objectKey(ref);
  return cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name)?.spec.nodeName;
}

/** The pod's IP. */
export function podIP(cluster: Cluster, ref: string): string | undefined {
  const { namespace, name } = objectKey(ref);
  return cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name)?.status.podIP;
}

/** 1-based step of the first hop whose explanation has this key (0 when there is none). */
export function hopStep(trace: Trace, key: string): number {
  return trace.hops.findIndex((h) => h.explanation.key === key) + 1;
}

/** The first hop with this explanation key. */
export function findHop(trace: Trace | null, key: string): Hop | undefined {
  return trace?.hops.find((h) => h.explanation.key === key);
}

/** A parameter of the first hop with this key, as text ('?' when absent). */
export function hopParam(trace: Trace | null, key: string, param: string): string {
  const value = findHop(trace, key)?.explanation.params[param];
  return value === undefined ? '?' : String(value);
}

/** A list parameter of the first hop with `key` (empty when there is none). */
export function hopListParam(trace: Trace | null, key: string, param: string): readonly string[] {
  const value = findHop(trace, key)?.explanation.params[param];
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

/** "ip:port" of an address. */
export const at = (a: { ip: string; port: number }): string => `${a.ip}:${a.port}`;

// --- actions ------------------------------------------------------------------------------------

export const loadScenario = (id: string): TourAction => ({ kind: 'scenario', id });
export const setLens = (lens: Lens): TourAction => ({ kind: 'lens', lens });
export const selectElement = (id: ElementRef | null | ((f: TourFacts) => ElementRef | null)): TourAction => ({ kind: 'select', id });
export const edit = (fn: (cluster: Cluster) => EditResult): TourAction => ({ kind: 'edit', edit: fn });
export const request = (fn: (f: TourFacts) => TraceRequest | null): TourAction => ({ kind: 'request', request: fn });
/** Shows the first hop with this key (or a step number; 'end' for the last hop). */
export const showHop = (which: string | number | 'end'): TourAction => ({
  kind: 'hop',
  hop: which === 'end' ? (t) => t.hops.length : typeof which === 'number' ? which : (t) => hopStep(t, which),
});

/** A request from `from` to `host:port` over TCP. */
export const send = (from: TraceSource, host: string, port: number, extra: Partial<TraceRequest['to']> = {}): TraceRequest =>
  ({ from, to: { host, port, protocol: 'TCP', ...extra } });

/** `updateService` with a patch of the spec, as the inspector's Apply does. */
export function patchService(cluster: Cluster, ref: string, patch: Partial<ServiceSpec>): EditResult {
  const svc = service(cluster, ref);
  return updateService(cluster, { namespace: svc.metadata.namespace, name: svc.metadata.name }, { ...svc, spec: { ...svc.spec, ...patch } });
}

/** Whether the packet has reached the end of the current trace. */
export const arrived = (f: TourFacts): boolean => !!f.trace && f.trace.hops.length > 0 && f.state.step >= f.trace.hops.length;

/** Marks text as code in narration (the card sets text between backticks in a monospace font). */
export const code = (text: string | number): string => `\`${text}\``;

/** The client element id and source of a named client. */
export const client = (name: string): TraceSource => ({ kind: 'client', name });
export const fromNode = (name: string): TraceSource => ({ kind: 'node', name });
export const fromPod = (namespace: string, name: string): TraceSource => ({ kind: 'pod', namespace, name });

/** A parameter of the trace's reason, as text (undefined when absent). */
export function reasonParam(trace: Trace | null, param: string): string | undefined {
  const value = trace?.reason?.params[param];
  return value === undefined ? undefined : String(value);
}

/** Switches kube-proxy on every node to `mode`, as the cluster inspector does. */
export const setProxyMode = (mode: KubeProxyMode): TourAction => edit((c) => updateSettings(c, { kubeProxyMode: mode }));

/** The cluster on show with kube-proxy in `mode`, one object per (cluster, mode) so its traces are cached. */
const inMode = new WeakMap<Cluster, Map<KubeProxyMode, Cluster>>();
function clusterInMode(cluster: Cluster, mode: KubeProxyMode): Cluster | undefined {
  if (cluster.settings.kubeProxyMode === mode) return cluster;
  let byMode = inMode.get(cluster);
  if (!byMode) inMode.set(cluster, (byMode = new Map()));
  let found = byMode.get(mode);
  if (!found) {
    const result = updateSettings(cluster, { kubeProxyMode: mode });
    if (!result.ok) return undefined;
    byMode.set(mode, (found = result.cluster));
  }
  return found;
}

/** The current request traced as if kube-proxy ran in `mode` (null without a request or an engine). */
export function traceInMode(f: TourFacts, mode: KubeProxyMode): Trace | null {
  const { request, traceEngine, seed } = f.state;
  const cluster = clusterInMode(f.cluster, mode);
  return request && traceEngine && cluster ? traceFor(traceEngine, cluster, request, seed) : null;
}
