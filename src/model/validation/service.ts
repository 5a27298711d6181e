/**
 * validateService: what the API server answers to `kubectl apply` of a Service, following
 * pkg/apis/core/validation/validation.go ValidateService / validateServicePort /
 * ValidateServiceClusterIPsRelatedFields / validateServiceExternalTrafficPolicy (v1.33 behaviour),
 * run after defaulting (defaults.ts) like the real request path. Allocation checks
 * (allocation.ts) come first, as BeginCreate allocates before the strategy validates.
 */
import type { Cluster, Service } from '../cluster';
import { defaultService, externallyAccessible, needsHealthCheck } from '../defaults';
import { allocationErrors } from './allocation';
import { coerceService } from './coerce';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './fieldError';
import { validateLabels, validateObjectMeta } from './meta';
import {
  INVALID_CIDR_MSG, INVALID_IP_MSG, isCidrSloppy, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain,
  isQualifiedName, isValidPortName, isValidPortNum, nonSpecialIPProblems, parseIPv4Sloppy,
} from './names';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const AFFINITIES = ['ClientIP', 'None'] as const;
const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** core.AnnotationLoadBalancerSourceRangesKey, the older spelling of spec.loadBalancerSourceRanges. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** core.MaxClientIPServiceAffinitySeconds: one day. */
const MAX_AFFINITY_SECONDS = 86400;

const isHeadless = (s: Service): boolean => s.spec.clusterIPs?.length === 1 && s.spec.clusterIPs[0] === 'None';

/**
 * The errors the API server would return for this Service, in its order; empty when it would be
 * accepted. With a `cluster`, the node-port range, service CIDR and the other Services' nodePorts
 * and ClusterIPs are checked the way the allocators do. Never throws, whatever `service` holds.
 */
export function validateService(service: Service, cluster?: Cluster): FieldError[] {
  try {
    const svc = defaultService(coerceService(service));
    return [...allocationErrors(svc, cluster), ...validateServiceSpec(svc)];
  } catch (error) {
    // Defensive only: coerceService makes every path total. Report rather than throw.
    return [{ field: '', type: 'Invalid', message: `internal error: ${String(error)}` }];
  }
}

/** ValidateService without the allocators, on an already defaulted Service. */
export function validateServiceSpec(svc: Service): FieldError[] {
  const errs: FieldError[] = validateObjectMeta(svc.metadata, true, isDNS1035Label);
  const spec = svc.spec;
  const headless = isHeadless(svc);

  if (spec.ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));

  switch (spec.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if ((spec.clusterIPs?.length ?? 0) > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if ((spec.ipFamilies?.length ?? 0) > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      // A trailing dot marks the CNAME as fully qualified.
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname.length > 0) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)));
      else errs.push(required('spec.externalName'));
      break;
    }
  }

  const names = new Set<string>();
  spec.ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    if (spec.ports.length > 1 && !port.name) errs.push(required(`${path}.name`));
    else if (port.name) {
      errs.push(...isDNS1123Label(port.name).map((m) => invalid(`${path}.name`, port.name, m)));
      if (names.has(port.name)) errs.push(duplicate(`${path}.name`, port.name));
      else names.add(port.name);
    }
    errs.push(...isValidPortNum(port.port).map((m) => invalid(`${path}.port`, port.port, m)));
    if (!port.protocol) errs.push(required(`${path}.protocol`));
    else if (!(PROTOCOLS as readonly string[]).includes(port.protocol)) errs.push(notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
    // ValidatePortNumOrName: a number must be a port, a string an IANA_SVC_NAME ("8080" as a
    // string is a *name*, and fails for having no letter).
    if (typeof port.targetPort === 'number') {
      errs.push(...isValidPortNum(port.targetPort).map((m) => invalid(`${path}.targetPort`, port.targetPort, m)));
    } else {
      errs.push(...isValidPortName(port.targetPort).map((m) => invalid(`${path}.targetPort`, port.targetPort, m)));
    }
    if (port.appProtocol !== undefined) {
      errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(`${path}.appProtocol`, port.appProtocol, m)));
    }
  });

  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (!(AFFINITIES as readonly string[]).includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES));
  if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig !== undefined) {
    // Reached only before defaulting: SetDefaults_Service (pkg/apis/core/v1/defaults.go) clears
    // the config of a None Service, so `kubectl apply` of one is accepted with the config dropped.
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  if (spec.sessionAffinity === 'ClientIP') {
    // validateClientIPAffinityConfig (defaulting has filled a missing timeout).
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (timeout === undefined) errs.push(required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'when session affinity type is ClientIP'));
    else if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
      errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`));
    }
  }

  errs.push(...validateClusterIPs(svc));

  (spec.externalIPs ?? []).forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    if (!parseIPv4Sloppy(ip)) errs.push(invalid(path, ip, INVALID_IP_MSG));
    else errs.push(...nonSpecialIPProblems(ip).map((m) => invalid(path, ip, m)));
  });

  if (!spec.type) errs.push(required('spec.type'));
  else if (!(SERVICE_TYPES as readonly string[]).includes(spec.type)) errs.push(notSupported('spec.type', spec.type, SERVICE_TYPES));

  if (spec.type === 'ClusterIP') {
    spec.ports.forEach((port, i) => {
      if (port.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }

  const nodePorts = new Set<string>();
  spec.ports.forEach((port, i) => {
    if (!port.nodePort) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, port.nodePort));
    nodePorts.add(key);
  });

  const ports = new Set<string>();
  spec.ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port}`;
    if (ports.has(key)) errs.push(duplicate(`spec.ports[${i}]`, { protocol: port.protocol, port: port.port }));
    ports.add(key);
  });

  const annotation = svc.metadata.annotations?.[SOURCE_RANGES_ANNOTATION];
  if ((spec.loadBalancerSourceRanges?.length ?? 0) === 0 && annotation !== undefined) {
    // The annotation is read only when the field is empty; its CIDRs are comma-separated and
    // may be space-padded. Each bad one is reported at the annotation's key path.
    const path = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
    if (spec.type !== 'LoadBalancer') errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    const value = annotation.trim();
    if (value !== '') {
      for (const raw of value.split(',')) {
        const cidr = raw.trim();
        if (!isCidrSloppy(cidr)) errs.push(invalid(path, cidr, INVALID_CIDR_MSG));
      }
    }
  }
  if ((spec.loadBalancerSourceRanges?.length ?? 0) > 0) {
    // The capital L is the real field path (a historical quirk of validation.go).
    const path = 'spec.LoadBalancerSourceRanges';
    if (spec.type !== 'LoadBalancer') errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    spec.loadBalancerSourceRanges!.forEach((raw, i) => {
      const value = raw.trim();
      if (!isCidrSloppy(value)) errs.push(invalid(`${path}[${i}]`, value, INVALID_CIDR_MSG));
    });
  }

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.loadBalancerClass !== undefined) {
    if (spec.type === 'LoadBalancer') errs.push(...isQualifiedName(spec.loadBalancerClass).map((m) => invalid('spec.loadBalancerClass', spec.loadBalancerClass, m)));
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }

  // validateServiceExternalTrafficPolicy
  if (!externallyAccessible(svc)) {
    if (spec.externalTrafficPolicy) errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (!(TRAFFIC_POLICIES as readonly string[]).includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (!needsHealthCheck(svc)) {
    if (spec.healthCheckNodePort) {
      errs.push(invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (spec.healthCheckNodePort !== undefined) {
    // An absent value is allocated before validation runs, so only a given one is checked.
    errs.push(...isValidPortNum(spec.healthCheckNodePort).map((m) => invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, m)));
  }

  // validateServiceInternalTrafficFieldsValue
  if (spec.internalTrafficPolicy && !(TRAFFIC_POLICIES as readonly string[]).includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields, for the IPv4 single-stack clusters modelled here. */
function validateClusterIPs(svc: Service): FieldError[] {
  const { spec } = svc;
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== spec.clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      return;
    }
    if (!parseIPv4Sloppy(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, INVALID_IP_MSG));
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  else if (ips.length === 2 && errs.length === 0) {
    // Two IPv4 addresses are never a dual-stack pair.
    errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  }
  return errs;
}
