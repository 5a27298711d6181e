/**
 * `kubectl describe service`, line for line as staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * describeService writes it (v1.33), aligned by tabbedString's tabwriter; events are none here.
 */
import type { Cluster, EndpointSlice, Service } from '../cluster';
import { formatLabels } from './printers';
import { slicesFor } from './slices';
import { describeText } from './tabwriter';

/** printLabelsMultiline: first label on the title line, the rest indented under it. */
function labelsLines(title: string, labels: Record<string, string> | undefined, sep = '='): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${labels![k]}\n`).join('');
}

/** printAnnotationsMultiline: skips last-applied-configuration, cuts values over 200 characters. */
function annotationLines(annotations: Record<string, string> | undefined): string {
  const filtered = Object.fromEntries(Object.entries(annotations ?? {})
    .filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .map(([k, v]) => [k, v.length > 200 ? `${v.slice(0, 200)}...` : v]));
  return labelsLines('Annotations', filtered, ': ');
}

/** formatEndpointSlices for one port name: ready addresses as ip:port, at most 3 then "+ N more...". */
function formatEndpoints(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports.length === 0 ? [undefined] : slice.ports.filter((p) => (p.name ?? '') === portName);
    for (const port of ports) {
      for (const e of slice.endpoints) {
        if (list.length === 3) more = true;
        if (e.conditions.ready === false) continue;
        if (!more) list.push(port?.port !== undefined ? `${e.addresses[0]}:${port.port}` : e.addresses[0]!);
        count++;
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(cluster: Cluster, svc: Service): string {
  const { spec } = svc;
  let out = `Name:\t${svc.metadata.name}\nNamespace:\t${svc.metadata.namespace}\n`;
  out += labelsLines('Labels', svc.metadata.labels);
  out += annotationLines(svc.metadata.annotations);
  out += `Selector:\t${formatLabels(spec.selector)}\nType:\t${spec.type}\n`;
  if (spec.ipFamilyPolicy) out += `IP Family Policy:\t${spec.ipFamilyPolicy}\n`;
  out += `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`;
  out += `IP:\t${spec.clusterIP ?? ''}\n`;
  out += `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`;
  if (spec.externalIPs?.length) out += `External IPs:\t${spec.externalIPs.join(',')}\n`;
  if (spec.loadBalancerIP) out += `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`;
  if (spec.externalName) out += `External Name:\t${spec.externalName}\n`;
  const ingress = svc.status.loadBalancer.ingress ?? [];
  if (ingress.length) {
    out += `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ')}\n`;
  }
  const slices = slicesFor(cluster, svc);
  for (const port of spec.ports) {
    const name = port.name || '<unset>';
    out += `Port:\t${name}\t${port.port}/${port.protocol}\n`;
    out += `TargetPort:\t${port.targetPort}/${port.protocol}\n`;
    if (port.appProtocol) out += `AppProtocol:\t${port.appProtocol}\n`;
    if (port.nodePort) out += `NodePort:\t${name}\t${port.nodePort}/${port.protocol}\n`;
    out += `Endpoints:\t${formatEndpoints(slices, port.name ?? '')}\n`;
  }
  out += `Session Affinity:\t${spec.sessionAffinity}\n`;
  if (spec.externalTrafficPolicy) out += `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`;
  if (spec.internalTrafficPolicy) out += `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`;
  if (spec.healthCheckNodePort) out += `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`;
  if (spec.loadBalancerSourceRanges?.length) out += `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`;
  out += 'Events:\t<none>\n';
  return describeText(out);
}
