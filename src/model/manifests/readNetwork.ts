/** Readers for Service, EndpointSlice, Ingress and the app's ClusterSettings. */
import {
  DEFAULT_SETTINGS, type Client, type ClusterSettingsSpec, type EndpointSlice, type EndpointSliceEndpoint,
  type EndpointSlicePort, type Ingress, type Protocol, type Service,
} from '../cluster';
import { defaultService } from '../defaults';
import { coerceService, isRecord, type Json } from '../validation/coerce';
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

export function readIngress(obj: Json): Ingress {
  const spec = rec(obj.spec);
  const ingress: Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: readMeta(obj.metadata),
    // The spec is kept as written: the model only reads hosts, paths and backends from it.
    spec: structuredClone(spec) as Ingress['spec'],
    status: { loadBalancer: { ...(Array.isArray(rec(rec(obj.status).loadBalancer).ingress) ? { ingress: structuredClone(rec(rec(obj.status).loadBalancer).ingress) as [] } : {}) } },
  };
  return ingress;
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
    dnsServiceIP: pick('dnsServiceIP'),
    loadBalancerTargets: spec.loadBalancerTargets === 'VIP' || spec.loadBalancerTargets === 'Pod' ? spec.loadBalancerTargets : 'NodePort',
    masqueradeOutgoing: pick('masqueradeOutgoing'),
    nonMasqueradeCIDRs: list(spec.nonMasqueradeCIDRs).filter((c): c is string => typeof c === 'string'),
    clients,
    clientsNeedingIP,
  };
}
