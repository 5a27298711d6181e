/**
 * Turns any value into the Service shape without throwing, keeping what can be kept, so the
 * validator can run on arbitrary input (a half-edited form, a parsed manifest, garbage).
 * Values of the wrong JSON type are dropped here; the manifest reader reports those separately.
 */
import type { Labels, Service, ServicePort } from '../cluster';

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/**
 * A string→string map (labels, selector, annotations). Numbers and booleans are stringified (a
 * half-edited form); any other value is left out, never converted (an object may have no
 * primitive value at all). Manifests with such values are refused earlier, by decode.ts.
 */
export function stringMap(v: unknown): Labels | undefined {
  if (!isRecord(v)) return undefined;
  const out: Labels = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

function coercePort(v: unknown): ServicePort {
  const p = isRecord(v) ? v : {};
  const target = p.targetPort;
  const port: ServicePort = {
    protocol: (str(p.protocol) ?? '') as ServicePort['protocol'],
    port: num(p.port) ?? 0,
    targetPort: typeof target === 'number' || typeof target === 'string' ? target : 0,
  };
  if (str(p.name) !== undefined) port.name = str(p.name);
  if (num(p.nodePort) !== undefined) port.nodePort = num(p.nodePort);
  if (str(p.appProtocol) !== undefined) port.appProtocol = str(p.appProtocol);
  return port;
}

/** Coerces `input` into a Service; never throws. */
export function coerceService(input: unknown): Service {
  const root = isRecord(input) ? input : {};
  const meta = isRecord(root.metadata) ? root.metadata : {};
  const spec = isRecord(root.spec) ? root.spec : {};
  const status = isRecord(root.status) ? root.status : {};
  const lb = isRecord(status.loadBalancer) ? status.loadBalancer : {};
  const affinityConfig = isRecord(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : undefined;
  const clientIP = affinityConfig && isRecord(affinityConfig.clientIP) ? affinityConfig.clientIP : undefined;
  const out: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: str(meta.name) ?? '', namespace: str(meta.namespace) ?? '' },
    spec: {
      type: (str(spec.type) ?? '') as Service['spec']['type'],
      ports: Array.isArray(spec.ports) ? spec.ports.map(coercePort) : [],
      sessionAffinity: (str(spec.sessionAffinity) ?? '') as Service['spec']['sessionAffinity'],
    },
    status: { loadBalancer: Array.isArray(lb.ingress) ? { ingress: lb.ingress.filter(isRecord) } : {} },
  };
  const labels = stringMap(meta.labels);
  if (labels) out.metadata.labels = labels;
  const annotations = stringMap(meta.annotations);
  if (annotations) out.metadata.annotations = annotations;
  const s = out.spec as unknown as Json;
  const selector = stringMap(spec.selector);
  if (selector) s.selector = selector;
  for (const key of ['clusterIP', 'externalName', 'externalTrafficPolicy', 'internalTrafficPolicy', 'loadBalancerIP', 'loadBalancerClass', 'ipFamilyPolicy', 'trafficDistribution']) {
    if (str(spec[key]) !== undefined) s[key] = spec[key];
  }
  for (const key of ['clusterIPs', 'externalIPs', 'loadBalancerSourceRanges', 'ipFamilies']) {
    if (strList(spec[key]) !== undefined) s[key] = strList(spec[key]);
  }
  if (num(spec.healthCheckNodePort) !== undefined) s.healthCheckNodePort = spec.healthCheckNodePort;
  if (typeof spec.publishNotReadyAddresses === 'boolean') s.publishNotReadyAddresses = spec.publishNotReadyAddresses;
  if (typeof spec.allocateLoadBalancerNodePorts === 'boolean') s.allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts;
  if (affinityConfig) {
    s.sessionAffinityConfig = clientIP
      ? { clientIP: num(clientIP.timeoutSeconds) !== undefined ? { timeoutSeconds: clientIP.timeoutSeconds } : {} }
      : {};
  }
  return out;
}
