import type { Protocol, Service, ServicePort, ServiceType } from '../model/cluster';

/**
 * What the Service form holds: every field as the text the person typed, so nothing they typed is
 * lost while it is invalid. `toService` turns it into the object the model validates.
 */
export interface PortDraft {
  name: string;
  protocol: Protocol;
  port: string;
  targetPort: string;
  nodePort: string;
}

export interface ServiceDraft {
  type: ServiceType;
  ports: PortDraft[];
  /** `key=value` pairs separated by commas or new lines. */
  selector: string;
  externalTrafficPolicy: '' | 'Cluster' | 'Local';
  /** spec.internalTrafficPolicy; '' leaves it to the API server's default (Cluster). */
  internalTrafficPolicy: '' | 'Cluster' | 'Local';
  /** spec.externalIPs: addresses separated by commas or white space. */
  externalIPs: string;
  sessionAffinity: 'None' | 'ClientIP';
  externalName: string;
  /** CIDRs separated by commas or white space. */
  loadBalancerSourceRanges: string;
}

export function draftFromService(service: Service): ServiceDraft {
  const { spec } = service;
  return {
    type: spec.type,
    ports: spec.ports.map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol,
      port: String(p.port),
      targetPort: String(p.targetPort),
      nodePort: p.nodePort === undefined ? '' : String(p.nodePort),
    })),
    selector: Object.entries(spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(', '),
    externalTrafficPolicy: spec.externalTrafficPolicy ?? '',
    internalTrafficPolicy: spec.internalTrafficPolicy ?? '',
    externalIPs: (spec.externalIPs ?? []).join(', '),
    sessionAffinity: spec.sessionAffinity,
    externalName: spec.externalName ?? '',
    loadBalancerSourceRanges: (spec.loadBalancerSourceRanges ?? []).join(', '),
  };
}

/** Text → number the way a YAML number would arrive; anything else is passed on for validation to name. */
const toNumber = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** `a=b, c=d` → { a: 'b', c: 'd' }; a pair without `=` becomes a key with an empty value. */
export function parseSelector(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at < 0) out[pair] = '';
    else out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/** The Service the draft describes, based on `base` for everything the form does not show. */
export function serviceFromDraft(base: Service, draft: ServiceDraft): Service {
  const ports: ServicePort[] = draft.ports.map((p) => {
    const port: ServicePort = {
      protocol: p.protocol,
      port: toNumber(p.port),
      // A number if it looks like one, otherwise a container port name (IntOrString).
      targetPort: p.targetPort.trim() === '' ? toNumber(p.port) : /^\d+$/.test(p.targetPort.trim()) ? Number(p.targetPort) : p.targetPort.trim(),
    };
    if (p.name.trim()) port.name = p.name.trim();
    if (p.nodePort.trim()) port.nodePort = toNumber(p.nodePort);
    return port;
  });
  const spec: Service['spec'] = { ...base.spec, type: draft.type, ports, sessionAffinity: draft.sessionAffinity };
  const selector = parseSelector(draft.selector);
  if (Object.keys(selector).length > 0) spec.selector = selector;
  else delete spec.selector;
  if (draft.externalTrafficPolicy) spec.externalTrafficPolicy = draft.externalTrafficPolicy;
  else delete spec.externalTrafficPolicy;
  if (draft.internalTrafficPolicy) spec.internalTrafficPolicy = draft.internalTrafficPolicy;
  else delete spec.internalTrafficPolicy;
  const externalIPs = draft.externalIPs.split(/[\s,]+/).filter(Boolean);
  if (externalIPs.length > 0) spec.externalIPs = externalIPs;
  else delete spec.externalIPs;
  if (draft.externalName.trim()) spec.externalName = draft.externalName.trim();
  else delete spec.externalName;
  const ranges = draft.loadBalancerSourceRanges.split(/[\s,]+/).filter(Boolean);
  if (ranges.length > 0) spec.loadBalancerSourceRanges = ranges;
  else delete spec.loadBalancerSourceRanges;
  if (draft.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  return { ...base, spec };
}
