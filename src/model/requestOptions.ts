/**
 * What a person can pick to send a request: the sources (clients, pods, nodes) and every address
 * the cluster exposes, plus the addresses people get wrong, each with what the model's `trace`
 * says happens from the chosen source. Pure data for the UI's pickers; every verdict comes from
 * `trace`. The free-text `host:port` parser, the request a scenario suggests first and
 * `sourceExists` live in `defaultRequest.ts` (light: no trace engine) and are re-exported here.
 */
import { isHeadless, nodeInternalIP, type Cluster, type Ingress, type Protocol, type Service } from './cluster';
import { elementId, type ElementRef } from './elementIds';
import { selectorMatches } from './endpoints';
import { serviceExposure } from './exposure';
import { isIPv4 } from './ip';
import { loadBalancerHost } from './requestHost';
import { traceContext } from './trace/context';
import type { ResolvedSource } from './trace/flow';
import { resolveSource } from './trace/source';
import { trace } from './trace/trace';
import type { TraceRequest, TraceSource } from './trace/types';

export { defaultRequestFor, parseHostPort, sourceExists } from './defaultRequest';

export type SourceGroup = 'Clients' | 'Pods' | 'Nodes';

export interface SourceOption {
  /** The canvas element id: `client:<name>`, `pod:<ns>/<name>`, `node:<name>` (elementIds.ts). */
  id: ElementRef;
  /** e.g. `client · internet · 198.51.100.10`, `web-57f… · 10.244.0.2 · worker-1`, `worker-1 · 10.0.1.10`. */
  label: string;
  group: SourceGroup;
  source: TraceSource;
}

export type DestinationGroup =
  | 'Load balancer'
  | 'Ingress host'
  | 'External IP'
  | 'NodeIP:nodePort'
  | 'ClusterIP'
  | 'DNS name'
  | 'External name'
  | 'Pod IP'
  | 'Common mistakes';

/** The groups in the order `destinationsFor` lists them: from the outside in, mistakes last. */
export const DESTINATION_GROUPS: readonly DestinationGroup[] = [
  'Load balancer', 'Ingress host', 'External IP', 'NodeIP:nodePort', 'ClusterIP', 'DNS name', 'External name', 'Pod IP', 'Common mistakes',
];

/** Which confusion a "Common mistakes" entry stands for. */
export type MistakeKind = 'clusterip-nodeport' | 'nodeip-port' | 'clusterip-from-outside' | 'podip-from-outside' | 'private-node-from-internet';

export interface DestinationOption {
  /** Unique in the list: `<kind>:<host>:<port>/<protocol>[<path>]` (mistakes: `mistake:<MistakeKind>:…`). */
  id: string;
  /** The address and what it is, e.g. `203.0.113.10:80 · web load balancer`. */
  label: string;
  group: DestinationGroup;
  /** Always has `protocol`; `path` and `httpHost` only for Ingress hosts. */
  to: TraceRequest['to'];
  /** What `trace(cluster, { from: source, to }, { seed: 0 })` says; only when a source was given. */
  expect?: 'works' | 'fails';
  /** Common mistakes only: short text naming the confusion. */
  mistake?: string;
  /** Common mistakes only: which one. */
  mistakeKind?: MistakeKind;
}

/**
 * kube-system (cluster DNS: kube-dns and its CoreDNS pods, in every cluster) is left out of the
 * lists, as the canvas folds it away; a request to it can still be typed (`10.96.0.10:53/UDP`).
 */
const listed = <T extends { metadata: { namespace?: string } }>(objects: T[]): T[] => objects.filter((o) => o.metadata.namespace !== 'kube-system');

// ---------------------------------------------------------------------------------------------
// Sources

/** Every client, every running pod with an IP, every node, in that order (cluster order within each). */
export function sourcesFor(cluster: Cluster): SourceOption[] {
  const clients: SourceOption[] = cluster.settings.clients.map((client) => ({
    id: elementId.client(client),
    label: `${client.name} · ${client.location === 'internet' ? 'internet' : 'node LAN'} · ${client.ip}`,
    group: 'Clients',
    source: { kind: 'client', name: client.name },
  }));
  const pods: SourceOption[] = listed(cluster.pods)
    .filter((pod) => pod.status.phase === 'Running' && !!pod.status.podIP && !!pod.spec.nodeName)
    .map((pod) => ({
      id: elementId.pod(pod),
      label: `${qualified(pod.metadata)} · ${pod.status.podIP} · ${pod.spec.nodeName}`,
      group: 'Pods',
      source: { kind: 'pod', namespace: pod.metadata.namespace, name: pod.metadata.name },
    }));
  const nodes: SourceOption[] = cluster.nodes.map((node) => {
    const ip = nodeInternalIP(node);
    return {
      id: elementId.node(node.metadata.name),
      label: ip ? `${node.metadata.name} · ${ip}` : node.metadata.name,
      group: 'Nodes',
      source: { kind: 'node', name: node.metadata.name },
    };
  });
  return [...clients, ...pods, ...nodes];
}

/** `name` in the default namespace, `ns/name` elsewhere. */
const qualified = (m: { namespace: string; name: string }): string => (m.namespace === 'default' ? m.name : `${m.namespace}/${m.name}`);

// ---------------------------------------------------------------------------------------------
// Destinations

/** `host:port`, with `/UDP` or `/SCTP` when not TCP. */
const hostPort = (host: string, port: number, protocol: Protocol = 'TCP'): string =>
  `${host}:${port}${protocol === 'TCP' ? '' : `/${protocol}`}`;

/** The port suffix of a label when a Service has several ports: ` (http)`. */
const portSuffix = (service: Service, portName: string | undefined): string =>
  service.spec.ports.length > 1 && portName ? ` (${portName})` : '';

class Destinations {
  readonly list: DestinationOption[] = [];
  private readonly ids = new Set<string>();

  /** `shownHost` replaces `to.host` in the label (a pending load balancer shows `<pending>`). */
  add(kind: string, group: DestinationGroup, to: TraceRequest['to'], label: string, mistake?: { kind: MistakeKind; text: string }, shownHost = to.host): void {
    const protocol = to.protocol ?? 'TCP';
    const base = `${to.host}:${to.port}/${protocol}${to.path ?? ''}`;
    const id = mistake ? `mistake:${mistake.kind}:${base}` : `${kind}:${base}`;
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.list.push({
      id, label: `${hostPort(shownHost, to.port, protocol)}${to.path ?? ''} · ${label}`, group, to: { ...to, protocol },
      ...(mistake ? { mistake: mistake.text, mistakeKind: mistake.kind } : {}),
    });
  }
}

/**
 * Every address the cluster exposes, grouped (see DESTINATION_GROUPS for the order):
 * - Load balancer: each LoadBalancer ingress IP (or, for a balancer known only by name, its hostname)
 *   on each port; a LoadBalancer still `<pending>` as
 *   `lb:<ns>/<svc>` (the trace's "that Service's load balancer", which explains why there is none);
 * - Ingress host: each rule's host on port 80, path `/` and each of the rule's paths, with `httpHost`
 *   (a wildcard host `*.d` as `www.d`; a rule without host only when the Ingress has a status IP);
 * - External IP: spec.externalIPs on each port;
 * - NodeIP:nodePort: each node's InternalIP (and ExternalIP when present) on each nodePort;
 * - ClusterIP: ClusterIP on each port;
 * - DNS name: `svc.ns.svc.<clusterDomain>` always; `svc.ns` only from a pod (any namespace: the
 *   search list's `svc.<domain>` completes it); `svc` only from a pod in the Service's namespace.
 *   A headless Service's name answers pod IPs and nothing proxies, so it is listed on the port the
 *   pods listen on (the resolved targetPort), not the Service port;
 * - External name: an ExternalName Service's DNS names (same forms) on its ports, or 80 without ports;
 * - Pod IP: each running pod's IP on each declared container port;
 * - Common mistakes, with `mistake` text: `ClusterIP:nodePort`, `NodeIP:port` (the service port on
 *   the first node); and, only when the source makes them mistakes: ClusterIP and a pod IP from a
 *   client outside the cluster, NodeIP:nodePort from the internet when the nodes are private.
 *   A mistake the trace delivers from this source is left out (it is no mistake then). Each kind
 *   is listed for the first MISTAKES_PER_KIND Services only.
 *
 * With `source`, every option gets `expect` from `trace(cluster, { from: source, to }, { seed: 0 })`;
 * with `judge: 'mistakes'` only the common mistakes do (the request picker marks nothing else, and
 * one trace per option is minutes on a cluster of thousands of pods and nodePorts).
 */
export function destinationsFor(cluster: Cluster, source?: TraceSource, { judge = 'all' }: { judge?: 'all' | 'mistakes' } = {}): DestinationOption[] {
  const from = source ? resolved(cluster, source) : undefined;
  const out = new Destinations();
  const byGroup = new Map<DestinationGroup, () => void>();
  const domain = cluster.settings.clusterDomain.replace(/\.$/, '');
  const services = listed(cluster.services);
  const exposures = new Map(services.map((s) => [s, serviceExposure(cluster, s)]));

  byGroup.set('Load balancer', () => {
    for (const svc of services) {
      if (svc.spec.type !== 'LoadBalancer') continue;
      const name = qualified(svc.metadata);
      const lbAddresses = exposures.get(svc)!.external.filter((a) => a.loadBalancer);
      if (lbAddresses.length === 0) {
        for (const p of svc.spec.ports) {
          out.add('lb', 'Load balancer', { host: loadBalancerHost(svc), port: p.port, protocol: p.protocol },
            `${name} load balancer${portSuffix(svc, p.name)}, no external IP`, undefined, '<pending>');
        }
        continue;
      }
      for (const a of lbAddresses) {
        out.add('lb', 'Load balancer', { host: a.host, port: a.port, protocol: a.protocol }, `${name} load balancer${portSuffix(svc, a.portName)}${a.loadBalancer?.hostname ? ', DNS name' : ''}`);
      }
    }
  });

  byGroup.set('Ingress host', () => {
    for (const ingress of cluster.ingresses) ingressDestinations(out, ingress);
  });

  byGroup.set('External IP', () => {
    for (const svc of services) {
      for (const a of exposures.get(svc)!.external) {
        if (a.via === 'external-ip') out.add('extip', 'External IP', { host: a.host, port: a.port, protocol: a.protocol }, `${qualified(svc.metadata)} externalIPs${portSuffix(svc, a.portName)}`);
      }
    }
  });

  byGroup.set('NodeIP:nodePort', () => {
    for (const svc of services) {
      for (const a of exposures.get(svc)!.onEveryNode) {
        out.add('nodeport', 'NodeIP:nodePort', { host: a.host, port: a.port, protocol: a.protocol },
          `${qualified(svc.metadata)} nodePort on ${a.nodeName}${a.nodeAddress === 'ExternalIP' ? ' (ExternalIP)' : ''}${portSuffix(svc, a.portName)}`);
      }
    }
  });

  byGroup.set('ClusterIP', () => {
    for (const svc of services) {
      for (const a of exposures.get(svc)!.inCluster) {
        out.add('clusterip', 'ClusterIP', { host: a.host, port: a.port, protocol: a.protocol }, `${qualified(svc.metadata)} ClusterIP${portSuffix(svc, a.portName)}`);
      }
    }
  });

  /** The DNS names of a Service that make sense from this source, most qualified first. */
  const dnsNames = (svc: Service): string[] => {
    const { name, namespace } = svc.metadata;
    const names = [`${name}.${namespace}.svc.${domain}`];
    if (from?.kind === 'pod') names.push(`${name}.${namespace}`);
    if (from?.kind === 'pod' && from.namespace === namespace) names.push(name);
    return names;
  };

  byGroup.set('DNS name', () => {
    for (const svc of services) {
      if (svc.spec.type === 'ExternalName') continue;
      const headless = isHeadless(svc);
      svc.spec.ports.forEach((p, index) => {
        const port = headless ? headlessPort(cluster, svc, index) : p.port;
        const what = headless ? `${qualified(svc.metadata)} headless: answers pod IPs` : `${qualified(svc.metadata)} Service`;
        for (const host of dnsNames(svc)) out.add('dns', 'DNS name', { host, port, protocol: p.protocol }, `${what}${portSuffix(svc, p.name)}`);
      });
    }
  });

  byGroup.set('External name', () => {
    for (const svc of services) {
      if (svc.spec.type !== 'ExternalName') continue;
      const ports = svc.spec.ports.length > 0 ? svc.spec.ports : [{ port: 80, protocol: 'TCP' as const, name: undefined }];
      for (const p of ports) {
        for (const host of dnsNames(svc)) {
          out.add('extname', 'External name', { host, port: p.port, protocol: p.protocol }, `CNAME → ${svc.spec.externalName ?? '(no externalName)'}${portSuffix(svc, p.name)}`);
        }
      }
    }
  });

  byGroup.set('Pod IP', () => {
    for (const pod of runningPods(cluster)) {
      for (const c of pod.spec.containers) {
        for (const cp of c.ports ?? []) {
          out.add('pod', 'Pod IP', { host: pod.status.podIP!, port: cp.containerPort, protocol: cp.protocol ?? 'TCP' },
            `pod ${qualified(pod.metadata)}${cp.name ? ` (${cp.name})` : ''}`);
        }
      }
    }
  });

  byGroup.set('Common mistakes', () => mistakes(cluster, out, from));

  for (const group of DESTINATION_GROUPS) byGroup.get(group)!();
  if (!source) return out.list;

  const options = out.list.map((o): DestinationOption => (judge === 'mistakes' && o.mistake === undefined ? o : {
    ...o, expect: trace(cluster, { from: source, to: o.to }, { seed: 0 }).outcome === 'delivered' ? 'works' : 'fails',
  }));
  return options.filter((o) => !(o.mistake !== undefined && o.expect === 'works'));
}

function resolved(cluster: Cluster, source: TraceSource): ResolvedSource | undefined {
  const r = resolveSource(traceContext(cluster), source);
  return 'key' in r ? undefined : r;
}

const runningPods = (cluster: Cluster) => listed(cluster.pods).filter((p) => p.status.phase === 'Running' && !!p.status.podIP);

/** The port a headless Service's clients connect to on the pods: the resolved targetPort. */
function headlessPort(cluster: Cluster, svc: Service, index: number): number {
  const p = svc.spec.ports[index]!;
  const endpoints = traceContext(cluster).endpoints(svc).ports[index]?.endpoints ?? [];
  const resolvedPort = (endpoints.find((e) => e.ready) ?? endpoints[0])?.port;
  if (resolvedPort !== undefined) return resolvedPort;
  return typeof p.targetPort === 'number' ? p.targetPort : p.port;
}

function ingressDestinations(out: Destinations, ingress: Ingress): void {
  const name = qualified(ingress.metadata);
  const statusIP = (ingress.status.loadBalancer.ingress ?? []).find((i) => i.ip)?.ip;
  for (const rule of ingress.spec.rules ?? []) {
    const paths = ['/', ...(rule.http?.paths ?? []).map((p) => p.path ?? '/')];
    let host: string;
    let note = '';
    if (rule.host === undefined || rule.host === '') {
      if (!statusIP) continue;
      host = statusIP;
      note = ', any host';
    } else if (rule.host.startsWith('*.')) {
      host = `www${rule.host.slice(1)}`;
      note = `, matches ${rule.host}`;
    } else {
      host = rule.host;
    }
    for (const path of paths) {
      const to: TraceRequest['to'] = { host, port: 80, protocol: 'TCP', path, ...(isIPv4(host) ? {} : { httpHost: host }) };
      out.add('ingress', 'Ingress host', to, `Ingress ${name}${note}`);
    }
  }
}

/** The common mistakes, each a real address with the confusion it stands for. */
/**
 * Each kind of mistake is listed for the first few Services only: a handful teaches it, and on a
 * cluster of a thousand Services the list (each entry traced to be sure it fails) would be thousands.
 */
export const MISTAKES_PER_KIND = 5;

function mistakes(cluster: Cluster, out: Destinations, from: ResolvedSource | undefined): void {
  const firstNode = cluster.nodes.map((n) => ({ node: n, ip: nodeInternalIP(n) })).find((n) => n.ip !== undefined);
  const outside = from?.kind === 'internet' || from?.kind === 'lan';
  const listedOfKind = new Map<MistakeKind, number>();
  const add = (kind: MistakeKind, to: TraceRequest['to'], label: string, text: string) => {
    const count = listedOfKind.get(kind) ?? 0;
    if (count >= MISTAKES_PER_KIND) return;
    listedOfKind.set(kind, count + 1);
    out.add('mistake', 'Common mistakes', to, label, { kind, text });
  };

  for (const svc of listed(cluster.services)) {
    if (svc.spec.type === 'ExternalName' || isHeadless(svc)) continue;
    const name = qualified(svc.metadata);
    const clusterIP = svc.spec.clusterIP;
    const ports = svc.spec.ports;
    for (const p of ports) {
      const protocol = p.protocol;
      if (clusterIP && p.nodePort !== undefined && !ports.some((q) => q.port === p.nodePort && q.protocol === protocol)) {
        add('clusterip-nodeport', { host: clusterIP, port: p.nodePort, protocol }, `${name} ClusterIP:nodePort`,
          `The nodePort ${p.nodePort} is opened on the nodes' addresses, not on the ClusterIP: ${clusterIP} answers only on port ${p.port}.`);
      }
      if (firstNode && p.nodePort !== undefined && p.port !== p.nodePort) {
        add('nodeip-port', { host: firstNode.ip!, port: p.port, protocol }, `${name} NodeIP:port on ${firstNode.node.metadata.name}`,
          `On a node the Service answers on its nodePort ${p.nodePort}; port ${p.port} is the ClusterIP's port, nothing listens on it on the node.`);
      }
      if (outside && clusterIP) {
        add('clusterip-from-outside', { host: clusterIP, port: p.port, protocol }, `${name} ClusterIP from outside the cluster`,
          `A ClusterIP is virtual: only the nodes' kube-proxy rules know it, and no router outside the cluster has a route to ${cluster.settings.serviceCIDR}.`);
      }
      if (from?.kind === 'internet' && !cluster.settings.nodesPublic && firstNode && p.nodePort !== undefined) {
        add('private-node-from-internet', { host: firstNode.ip!, port: p.nodePort, protocol }, `${name} NodeIP:nodePort from the internet`,
          `The nodes are on a private subnet (${cluster.settings.nodeSubnet}): the internet cannot reach their addresses; use the load balancer.`);
      }
    }
  }

  if (outside) {
    const pod = podBehindAService(cluster);
    const cp = pod?.spec.containers.flatMap((c) => c.ports ?? [])[0];
    if (pod && cp) {
      add('podip-from-outside', { host: pod.status.podIP!, port: cp.containerPort, protocol: cp.protocol ?? 'TCP' }, `pod ${qualified(pod.metadata)} from outside the cluster`,
        `Pod IPs come from the cluster's pod network (${cluster.settings.podCIDR}), routed only between the nodes; reach pods from outside through a Service.`);
    }
  }
}

/** The first running pod with a container port that some Service selects, else the first with a port. */
function podBehindAService(cluster: Cluster) {
  const withPorts = runningPods(cluster).filter((p) => p.spec.containers.some((c) => (c.ports ?? []).length > 0));
  const selected = withPorts.find((pod) => cluster.services.some((s) =>
    s.metadata.namespace === pod.metadata.namespace && s.spec.selector && Object.keys(s.spec.selector).length > 0
    && selectorMatches(s.spec.selector, pod.metadata.labels)));
  return selected ?? withPorts[0];
}
