/** Readers for Service, EndpointSlice, Ingress and the app's ClusterSettings. */
import {
  DEFAULT_SETTINGS, type Client, type ClusterSettingsSpec, type EndpointSlice, type EndpointSliceEndpoint,
  type EndpointSlicePort, type HTTPIngressPath, type Ingress, type IngressBackend, type IngressRule, type LoadBalancerIngress, type Protocol, type Service,
} from '../cluster';
import { defaultService } from '../defaults';
import { coerceService, isRecord, type Json } from '../validation/coerce';
import { intToIp, parseCidr } from '../ip';
import { readMeta } from './readCore';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A Service with the API server's defaults applied (not yet allocated). */
export function readService(obj: Json): Service {
  const svc = coerceService(obj);
  svc.metadata = { ...svc.metadata, ...readMeta(obj.metadata) };
  return defaultService(svc);
}

export function readEndpointSlice(obj: Json): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: readMeta(obj.metadata),
    addressType: (str(obj.addressType) ?? 'IPv4') as EndpointSlice['addressType'],
    endpoints: list(obj.endpoints).map(rec).map((e) => {
      const c = rec(e.conditions);
      const endpoint: EndpointSliceEndpoint = {
        addresses: list(e.addresses).filter((a): a is string => typeof a === 'string'),
        conditions: {},
      };
      for (const k of ['ready', 'serving', 'terminating'] as const) if (typeof c[k] === 'boolean') endpoint.conditions[k] = c[k] as boolean;
      if (str(e.nodeName)) endpoint.nodeName = str(e.nodeName);
      if (str(e.hostname)) endpoint.hostname = str(e.hostname);
      const ref = rec(e.targetRef);
      if (ref.kind === 'Pod' && str(ref.name)) endpoint.targetRef = { kind: 'Pod', name: str(ref.name)!, namespace: str(ref.namespace) ?? '' };
      return endpoint;
    }),
    ports: list(obj.ports).map(rec).map((p) => {
      const port: EndpointSlicePort = {};
      if (typeof p.name === 'string') port.name = p.name;
      if (typeof p.port === 'number') port.port = p.port;
      port.protocol = (str(p.protocol) ?? 'TCP') as Protocol;
      if (str(p.appProtocol)) port.appProtocol = str(p.appProtocol);
      return port;
    }),
  };
}

/** An Ingress backend's Service reference, read field by field (never a copy of user data). */
function readBackend(v: unknown): IngressBackend {
  const svc = rec(v).service;
  if (!isRecord(svc)) return {};
  const port = rec(svc.port);
  return { service: { name: str(svc.name) ?? '', port: { ...(typeof port.number === 'number' ? { number: port.number } : {}), ...(str(port.name) ? { name: str(port.name) } : {}) } } };
}

/**
 * The fields of an Ingress the model routes by. Built field by field rather than cloned, so a
 * deeply nested or cyclic value elsewhere in the spec never reaches the model (or its walks).
 */
export function readIngress(obj: Json): Ingress {
  const spec = rec(obj.spec);
  const out: Ingress['spec'] = {};
  if (str(spec.ingressClassName)) out.ingressClassName = str(spec.ingressClassName);
  if (isRecord(spec.defaultBackend)) out.defaultBackend = readBackend(spec.defaultBackend);
  if (Array.isArray(spec.rules)) {
    out.rules = spec.rules.map(rec).map((r) => {
      const rule: IngressRule = {};
      if (str(r.host)) rule.host = str(r.host);
      if (isRecord(r.http)) {
        rule.http = { paths: list(r.http.paths).map(rec).map((p) => ({
          ...(str(p.path) !== undefined ? { path: str(p.path) } : {}),
          pathType: (str(p.pathType) ?? '') as HTTPIngressPath['pathType'],
          backend: readBackend(p.backend),
        })) };
      }
      return rule;
    });
  }
  if (Array.isArray(spec.tls)) {
    out.tls = spec.tls.map(rec).map((t) => ({
      ...(Array.isArray(t.hosts) ? { hosts: t.hosts.filter((h): h is string => typeof h === 'string') } : {}),
      ...(str(t.secretName) ? { secretName: str(t.secretName) } : {}),
    }));
  }
  const lbIngress = rec(rec(obj.status).loadBalancer).ingress;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: readMeta(obj.metadata),
    spec: out,
    status: { loadBalancer: Array.isArray(lbIngress) ? { ingress: lbIngress.map(rec).map(readLoadBalancerIngress) } : {} },
  };
}

function readLoadBalancerIngress(i: Json): LoadBalancerIngress {
  const out: LoadBalancerIngress = {};
  if (str(i.ip)) out.ip = str(i.ip);
  if (str(i.hostname)) out.hostname = str(i.hostname);
  if (i.ipMode === 'VIP' || i.ipMode === 'Proxy') out.ipMode = i.ipMode;
  return out;
}

/**
 * kubeadm, k3s and the managed clouds give cluster DNS the 10th address of the service range
 * (kubeadm's GetDNSIP), so a settings document that moves the range moves the DNS address too.
 */
export function defaultDnsServiceIP(serviceCIDR: string): string {
  const cidr = parseCidr(serviceCIDR);
  return cidr && cidr.size > 16 ? intToIp(cidr.base + 10) : DEFAULT_SETTINGS.dnsServiceIP;
}

/** ClusterSettings.spec with every absent field at its default. */
export function readSettings(obj: Json | undefined): ClusterSettingsSpec & { clientsNeedingIP: number[] } {
  const spec = rec(obj?.spec);
  const pick = <K extends keyof ClusterSettingsSpec>(k: K): ClusterSettingsSpec[K] =>
    (typeof spec[k] === typeof DEFAULT_SETTINGS[k] ? spec[k] : DEFAULT_SETTINGS[k]) as ClusterSettingsSpec[K];
  const clientsNeedingIP: number[] = [];
  const clients: Client[] = list(spec.clients).map(rec).map((c, i) => {
    const location = c.location === 'lan' ? 'lan' : 'internet';
    if (!str(c.ip)) clientsNeedingIP.push(i);
    return { name: str(c.name) ?? `client-${i + 1}`, location, ip: str(c.ip) ?? '' };
  });
  return {
    provider: spec.provider === 'bare-metal' ? 'bare-metal' : 'cloud',
    serviceCIDR: pick('serviceCIDR'),
    podCIDR: pick('podCIDR'),
    nodeSubnet: pick('nodeSubnet'),
    nodesPublic: pick('nodesPublic'),
    nodePortRange: pick('nodePortRange'),
    clusterDomain: pick('clusterDomain'),
    dnsServiceIP: typeof spec.dnsServiceIP === 'string' ? spec.dnsServiceIP : defaultDnsServiceIP(pick('serviceCIDR')),
    loadBalancerTargets: spec.loadBalancerTargets === 'VIP' || spec.loadBalancerTargets === 'Pod' ? spec.loadBalancerTargets : 'NodePort',
    kubeProxyMode: spec.kubeProxyMode === 'nftables' ? 'nftables' : 'iptables',
    masqueradeOutgoing: pick('masqueradeOutgoing'),
    nonMasqueradeCIDRs: list(spec.nonMasqueradeCIDRs).filter((c): c is string => typeof c === 'string'),
    clients,
    clientsNeedingIP,
  };
}
