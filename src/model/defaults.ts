/**
 * Defaulting as the API server applies it before validating and storing an object:
 * pkg/apis/core/v1/defaults.go SetDefaults_Service, plus the Service strategy's normalisation of
 * clusterIP/clusterIPs (pkg/registry/core/service/strategy.go, PrepareForCreate).
 */
import type { Service } from './cluster';

/** apiservice.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(service: Pick<Service, 'spec'>): boolean {
  const { type, externalIPs } = service.spec;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (externalIPs?.length ?? 0) > 0);
}

/** apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(service: Pick<Service, 'spec'>): boolean {
  return service.spec.type === 'LoadBalancer' && service.spec.externalTrafficPolicy === 'Local';
}

/** DefaultClientIPServiceAffinitySeconds: 3 hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

/** Returns a copy of the Service with the API server's defaults applied. Never mutates. */
export function defaultService(service: Service): Service {
  const spec = { ...service.spec };
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  spec.ports = (spec.ports ?? []).map((port) => {
    const out = { ...port };
    if (!out.protocol) out.protocol = 'TCP';
    // targetPort 0 or "" means unset: it becomes the port.
    if (out.targetPort === undefined || out.targetPort === 0 || out.targetPort === '') out.targetPort = out.port;
    return out;
  });
  const defaulted = { ...service, spec };
  if (externallyAccessible(defaulted) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (!spec.internalTrafficPolicy && spec.type !== 'ExternalName') spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  // Strategy: a user who sets only clusterIP gets clusterIPs = [clusterIP].
  if (spec.clusterIP && (!spec.clusterIPs || spec.clusterIPs.length === 0)) spec.clusterIPs = [spec.clusterIP];
  return { ...defaulted, status: service.status ?? { loadBalancer: {} } };
}
