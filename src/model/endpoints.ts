import type { Cluster, Protocol, Service, ServicePort } from './cluster';

/**
 * One backend address for one Service port, as an EndpointSlice would list it and as kube-proxy
 * consumes it. `port` is the resolved targetPort (a named targetPort resolved through that pod's
 * container ports).
 */
export interface Endpoint {
  ip: string;
  port: number;
  protocol: Protocol;
  /** spec.nodeName of the backing pod (EndpointSlice endpoints[].nodeName). */
  nodeName?: string;
  /** The pod behind it (endpoints[].targetRef), when there is one. */
  podName?: string;
  /** endpoints[].conditions */
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Why a pod in the Service's namespace is not an endpoint of one of its ports. */
export type ExclusionReason =
  | { kind: 'label-mismatch'; key: string; expected: string; actual?: string }
  | { kind: 'not-ready' }
  | { kind: 'no-pod-ip' }
  | { kind: 'not-scheduled' }
  | { kind: 'terminal-phase'; phase: string }
  | { kind: 'port-name-missing'; portName: string };

export interface PodExclusion {
  podName: string;
  /** The service port this applies to; undefined when it applies to every port (selector, readiness). */
  servicePortName?: string;
  reason: ExclusionReason;
}

export interface ServicePortEndpoints {
  servicePort: ServicePort;
  /** Every endpoint the EndpointSlices list for this port, ready or not. */
  endpoints: Endpoint[];
}

export interface EndpointsResult {
  /** Per spec.ports[] entry, same order. */
  ports: ServicePortEndpoints[];
  /** Pods in the namespace that are not endpoints, with the reason — what people debug. */
  excluded: PodExclusion[];
  /** 'selector': derived from spec.selector; 'slices': taken from given EndpointSlices; 'none': no selector and no slices. */
  source: 'selector' | 'slices' | 'none';
}

export function endpointsFor(_cluster: Cluster, _service: Service): EndpointsResult {
  // Model I implements this (selector matching, readiness, named targetPort resolution).
  throw new Error('endpointsFor: not implemented yet');
}
