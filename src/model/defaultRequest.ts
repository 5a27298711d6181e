/**
 * The parts of a request the app needs before it can trace one: the request a scenario suggests
 * first, the free-text `host:port` parser, and whether a source still exists. Split from
 * `requestOptions.ts` (which re-exports them) because they must stay light: an embed computes its
 * first request at startup and loads the trace engine only after its first paint, so nothing here
 * may import `trace/`, `kubeproxy/` or `dns.ts`.
 */
import { isHeadless, nodeInternalIP, type Cluster, type Protocol, type Service } from './cluster';
import { selectorMatches } from './endpoints';
import { serviceExposure } from './exposure';
import { isIPv4 } from './ip';
import type { TraceRequest, TraceSource } from './trace/types';

/** The IPs in a LoadBalancer Service's status.loadBalancer.ingress. */
export const lbIngressIPs = (svc: Service): string[] =>
  (svc.status.loadBalancer.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);

// ---------------------------------------------------------------------------------------------
// Sources

/**
 * True when the source still exists in this cluster and can send (a trace from it would start):
 * the same answer as `trace/source.ts`'s resolveSource gives, without building the trace context
 * (which would bring kube-proxy's rules along). Where names repeat, the context's maps keep the
 * last pod or node of a name and the first client, and so does this.
 */
export function sourceExists(cluster: Cluster, source: TraceSource): boolean {
  switch (source.kind) {
    case 'client': {
      const client = cluster.settings.clients.find((c) => c.name === source.name);
      return client !== undefined && isIPv4(client.ip);
    }
    case 'host':
      return isIPv4(source.ip);
    case 'pod': {
      const key = `${source.namespace}/${source.name}`;
      const pod = cluster.pods.findLast((p) => `${p.metadata.namespace}/${p.metadata.name}` === key);
      return pod !== undefined && pod.status.phase === 'Running' && !!pod.status.podIP && !!pod.spec.nodeName;
    }
    case 'node': {
      const node = cluster.nodes.findLast((n) => n.metadata.name === source.name);
      return node !== undefined && !!nodeInternalIP(node);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Free text

const PROTOCOLS: Record<string, Protocol> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Parses what a person types as a destination:
 * - `host:port`: host an IPv4 address or a DNS name (case-insensitive, stored lower-case, a trailing
 *   dot kept: it makes the name absolute for the pod's resolver), port 1–65535;
 * - `host:port/UDP` (or `/TCP`, `/SCTP`, any case): the protocol; TCP otherwise;
 * - `host:port/any/path`: an HTTP path (for Ingress routing); `/tcp` etc. alone always mean the protocol;
 * - `http://host[:port][/path]` and `https://…`: a URL, port defaulting to 80 / 443, TCP;
 *   a query or fragment is dropped.
 * The result always carries `protocol`; `path` only when one was typed. Errors are one sentence.
 */
export function parseHostPort(text: string): TraceRequest['to'] | { error: string } {
  let rest = text.trim();
  if (rest === '') return { error: 'Type an address as host:port, e.g. web:80 or 10.96.0.10:53/UDP.' };
  if (/\s/.test(rest)) return { error: 'An address has no spaces: type host:port, e.g. web:80.' };
  let defaultPort: number | undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return { error: `Only http:// and https:// URLs are understood, not ${name}://; or type host:port.` };
    defaultPort = name === 'http' ? 80 : 443;
    rest = rest.slice(scheme[0].length).replace(/[?#].*$/, '');
  }
  if (rest.startsWith('[')) return { error: 'IPv6 is not modelled: the cluster is single-stack IPv4.' };
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const suffix = slash < 0 ? undefined : rest.slice(slash + 1);
  const colons = authority.split(':').length - 1;
  if (colons > 1) return { error: 'IPv6 is not modelled: the cluster is single-stack IPv4.' };
  const rawHost = colons === 1 ? authority.slice(0, authority.indexOf(':')) : authority;
  const portText = colons === 1 ? authority.slice(authority.indexOf(':') + 1) : undefined;
  if (rawHost === '') return { error: 'The host is missing: type host:port, e.g. web:80.' };

  const host = rawHost.toLowerCase();
  const hostError = checkHost(host);
  if (hostError) return { error: hostError };

  let port: number;
  if (portText === undefined) {
    if (defaultPort === undefined) return { error: `Add a port: ${rawHost}:80, for example.` };
    port = defaultPort;
  } else {
    if (!/^\d+$/.test(portText)) return { error: `"${portText}" is not a port: use a number from 1 to 65535.` };
    port = Number(portText);
    if (port < 1 || port > 65535) return { error: `Port ${portText} is out of range: use a number from 1 to 65535.` };
  }

  let protocol: Protocol = 'TCP';
  let path: string | undefined;
  if (suffix !== undefined) {
    const named = scheme ? undefined : PROTOCOLS[suffix.toLowerCase()];
    if (named) protocol = named;
    else path = `/${suffix}`;
  }
  return { host, port, protocol, ...(path !== undefined ? { path } : {}) };
}

function checkHost(host: string): string | undefined {
  if (/^[\d.]+$/.test(host)) return isIPv4(host) ? undefined : `"${host}" is not a valid IPv4 address.`;
  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  const valid = bare.length > 0 && bare.length <= 253 && bare.split('.').every((l) => DNS_LABEL.test(l));
  return valid ? undefined : `"${host}" is neither an IPv4 address nor a DNS name (letters, digits, '-' and '.').`;
}

// ---------------------------------------------------------------------------------------------
// The suggested request

/**
 * The request a scenario suggests: the first internet client to the first LoadBalancer with an
 * external IP (its first port); else the first LAN client to the first node's InternalIP on the
 * first nodePort; else the first running pod (preferring one the Service does not select) to the
 * first Service with a ClusterIP by DNS name (`svc` from its namespace, `svc.ns` from another;
 * Services outside kube-system first); else undefined.
 */
export function defaultRequestFor(cluster: Cluster): TraceRequest | undefined {
  const clients = cluster.settings.clients;
  const internet = clients.find((c) => c.location === 'internet');
  if (internet) {
    for (const svc of cluster.services) {
      const ip = svc.spec.type === 'LoadBalancer' ? lbIngressIPs(svc)[0] : undefined;
      const p = svc.spec.ports[0];
      if (ip && p) return { from: { kind: 'client', name: internet.name }, to: { host: ip, port: p.port, protocol: p.protocol } };
    }
  }
  const lan = clients.find((c) => c.location === 'lan');
  if (lan) {
    for (const svc of cluster.services) {
      const internal = serviceExposure(cluster, svc).onEveryNode.find((a) => a.nodeAddress === 'InternalIP');
      if (internal) return { from: { kind: 'client', name: lan.name }, to: { host: internal.host, port: internal.port, protocol: internal.protocol } };
    }
  }
  const withClusterIP = cluster.services.filter((s) => s.spec.type !== 'ExternalName' && !isHeadless(s) && !!s.spec.clusterIP && s.spec.ports.length > 0);
  const svc = withClusterIP.find((s) => s.metadata.namespace !== 'kube-system') ?? withClusterIP[0];
  const pods = cluster.pods.filter((p) => p.status.phase === 'Running' && !!p.status.podIP && !!p.spec.nodeName);
  if (!svc || pods.length === 0) return undefined;
  const selects = (pod: (typeof pods)[number]) => pod.metadata.namespace === svc.metadata.namespace
    && !!svc.spec.selector && Object.keys(svc.spec.selector).length > 0 && selectorMatches(svc.spec.selector, pod.metadata.labels);
  const pod = pods.find((p) => !selects(p)) ?? pods[0]!;
  const p = svc.spec.ports[0]!;
  const host = pod.metadata.namespace === svc.metadata.namespace ? svc.metadata.name : `${svc.metadata.name}.${svc.metadata.namespace}`;
  return {
    from: { kind: 'pod', namespace: pod.metadata.namespace, name: pod.metadata.name },
    to: { host, port: p.port, protocol: p.protocol },
  };
}
