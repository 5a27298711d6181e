/**
 * Why a Service has no endpoint to send to, pod by pod: endpointsFor's exclusions as messages
 * (the "why is my Service empty?" list people debug with `kubectl get endpointslices`).
 */
import type { Service } from '../cluster';
import type { EndpointsResult, PodExclusion } from '../endpoints';
import { msg } from './messages';
import type { Message } from './types';

function detail(ex: PodExclusion): Message {
  const r = ex.reason;
  switch (r.kind) {
    case 'label-mismatch':
      return msg('detail.endpoint.labelMismatch', { pod: ex.podName, key: r.key, expected: r.expected, actual: r.actual });
    case 'not-ready':
      return msg('detail.endpoint.notReady', { pod: ex.podName });
    case 'terminating':
      return msg('detail.endpoint.terminating', { pod: ex.podName });
    case 'no-pod-ip':
      return msg('detail.endpoint.noPodIP', { pod: ex.podName });
    case 'not-scheduled':
      return msg('detail.endpoint.notScheduled', { pod: ex.podName });
    case 'terminal-phase':
      return msg('detail.endpoint.terminalPhase', { pod: ex.podName, phase: r.phase });
    case 'port-name-missing':
      return msg('detail.endpoint.portNameMissing', { pod: ex.podName, portName: r.portName, protocol: r.protocol, servicePort: ex.servicePortName });
  }
}

/**
 * The per-pod reasons relevant to one service port (`portName` '' for an unnamed port): exclusions
 * for every port, plus those of this port.
 */
export function endpointDetails(service: Service, result: EndpointsResult, portName: string): Message[] {
  const svc = `${service.metadata.namespace}/${service.metadata.name}`;
  if (result.source === 'none') return [msg('detail.endpoint.noSelector', { service: svc })];
  const details = result.excluded
    .filter((ex) => ex.servicePortName === undefined || ex.servicePortName === portName)
    .map(detail);
  if (details.length === 0 && result.source === 'selector') {
    const anyEndpoint = result.ports.some((p) => p.endpoints.length > 0);
    if (!anyEndpoint) details.push(msg('detail.endpoint.noPods', { service: svc, namespace: service.metadata.namespace }));
  }
  return details;
}
