/**
 * `kubectl describe service`, line for line as staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * describeService writes it (v1.37), from the Service and the EndpointSlices labelled with its name;
 * the model records no events, so the section reads `<none>` as on a quiet cluster.
 */
import type { Cluster, EndpointSlice, LoadBalancerIngress, Service } from '../cluster';
import { annotationLines, labelLines, renderDescribe, type DescribeLine } from './describeLines';
import { formatLabels } from './printers';
import { slicesFor } from './slices';

/** net.JoinHostPort: IPv6 addresses in brackets. */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/**
 * formatEndpointSlices for one port name: ready (or unknown-readiness) endpoints as ip:port,
 * three at most then ` + N more...`; `<none>` when the Service has no slices at all.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    // A headless Service without ports has slices without ports: addresses alone.
    const ports = slice.ports.length === 0 ? [undefined] : slice.ports.filter((p) => (p.name ?? '') === portName);
    for (const port of ports) {
      for (const e of slice.endpoints) {
        // As in Go, "more" is decided before a not-ready endpoint is skipped.
        if (list.length === 3) more = true;
        if (e.conditions.ready === false) continue;
        const address = e.addresses[0]!;
        if (!more) list.push(port?.port === undefined ? address : hostPort(address, port.port));
        count++;
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** buildIngressString: `ip (ipMode)` or the hostname, joined by `, `. */
export function ingressString(ingress: readonly LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ');
}

/** The describe lines of one Service, in describeService's order. */
export function serviceLines(svc: Service, slices: readonly EndpointSlice[]): DescribeLine[] {
  const { spec } = svc;
  const lines: DescribeLine[] = [
    ['Name:', svc.metadata.name],
    ['Namespace:', svc.metadata.namespace],
    ...labelLines('Labels', svc.metadata.labels),
    ...annotationLines('Annotations', svc.metadata.annotations),
    ['Selector:', formatLabels(spec.selector)],
    ['Type:', spec.type],
  ];
  if (spec.ipFamilyPolicy) lines.push(['IP Family Policy:', spec.ipFamilyPolicy]);
  lines.push(['IP Families:', spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>']);
  lines.push(['IP:', spec.clusterIP ?? '']);
  lines.push(['IPs:', spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>']);
  if (spec.externalIPs?.length) lines.push(['External IPs:', spec.externalIPs.join(',')]);
  if (spec.loadBalancerIP) lines.push(['Desired LoadBalancer IP:', spec.loadBalancerIP]);
  if (spec.externalName) lines.push(['External Name:', spec.externalName]);
  const ingress = svc.status.loadBalancer.ingress ?? [];
  if (ingress.length) lines.push(['LoadBalancer Ingress:', ingressString(ingress)]);
  for (const port of spec.ports) {
    const name = port.name || '<unset>';
    lines.push(['Port:', name, `${port.port}/${port.protocol}`]);
    lines.push(['TargetPort:', `${port.targetPort}/${port.protocol}`]);
    if (port.appProtocol !== undefined) lines.push(['AppProtocol:', port.appProtocol]);
    if (port.nodePort) lines.push(['NodePort:', name, `${port.nodePort}/${port.protocol}`]);
    lines.push(['Endpoints:', formatEndpointSlices(slices, port.name ?? '')]);
  }
  lines.push(['Session Affinity:', spec.sessionAffinity]);
  if (spec.externalTrafficPolicy) lines.push(['External Traffic Policy:', spec.externalTrafficPolicy]);
  if (spec.internalTrafficPolicy) lines.push(['Internal Traffic Policy:', spec.internalTrafficPolicy]);
  if (spec.healthCheckNodePort) lines.push(['HealthCheck NodePort:', String(spec.healthCheckNodePort)]);
  if (spec.loadBalancerSourceRanges?.length) lines.push(['LoadBalancer Source Ranges:', spec.loadBalancerSourceRanges.join(',')]);
  if (spec.trafficDistribution !== undefined) lines.push(['Traffic Distribution:', spec.trafficDistribution]);
  lines.push(['Events:', '<none>']);
  return lines;
}

export function describeService(cluster: Cluster, svc: Service): string {
  return renderDescribe(serviceLines(svc, slicesFor(cluster, svc)));
}
