/**
 * The top of `kubectl describe pod` and `kubectl describe node`, in describe.go's order (describePod,
 * describeNode, v1.37), from what the model holds. Sections about containers, conditions,
 * resources and events need fields the model does not keep; they are named in a closing note
 * instead of being made up, so the output never shows a value a real cluster did not give.
 * (Leaving a section out can also change the padding: tabwriter widths span a block of lines.)
 */
import { nodeInternalIP, type Cluster, type Node, type Pod } from '../cluster';
import { age } from './age';
import { annotationLines, labelLines, renderDescribe, type DescribeLine } from './describeLines';
import { nodeRoles } from './printers';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700"), in UTC as the model's clock is. */
export function rfc1123z(timestamp: string | undefined): string {
  const t = timestamp ? new Date(timestamp) : undefined;
  // A zero metav1.Time formats as Go's zero time.
  if (!t || Number.isNaN(t.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[t.getUTCDay()]}, ${two(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} `
    + `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} +0000`;
}

/** The lines describe prints and a note naming the sections this explainer cannot fill. */
export interface PartialDescription {
  lines: DescribeLine[];
  omitted: string[];
}

export function podDescription(cluster: Cluster, pod: Pod): PartialDescription {
  const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
  // status.hostIP is the kubelet's node IP: the node's InternalIP.
  const hostIP = node ? nodeInternalIP(node) ?? '' : '';
  const terminating = pod.metadata.deletionTimestamp && pod.status.phase !== 'Failed' && pod.status.phase !== 'Succeeded';
  const lines: DescribeLine[] = [
    ['Name:', pod.metadata.name],
    ['Namespace:', pod.metadata.namespace],
    ['Node:', pod.spec.nodeName ? `${pod.spec.nodeName}/${hostIP}` : '<none>'],
    ...labelLines('Labels', pod.metadata.labels),
    ...annotationLines('Annotations', pod.metadata.annotations),
    ['Status:', terminating ? `Terminating (lasts ${age(pod.metadata.deletionTimestamp)})` : pod.status.phase],
    ['IP:', pod.status.podIP ?? ''],
  ];
  // describePodIPs: status.podIPs, which the API server fills from podIP.
  if (pod.status.podIP) lines.push(['IPs:'], ['  IP:', pod.status.podIP]);
  else lines.push(['IPs:', '<none>']);
  return {
    lines,
    omitted: ['Priority', 'Service Account', 'Start Time', ...(terminating ? ['Termination Grace Period'] : []),
      'Controlled By', 'Containers', 'Conditions', 'Volumes', 'QoS Class', 'Node-Selectors', 'Tolerations', 'Events'],
  };
}

export function nodeDescription(node: Node): PartialDescription {
  const lines: DescribeLine[] = [
    ['Name:', node.metadata.name],
    ['Roles:', nodeRoles(node)],
    ...labelLines('Labels', node.metadata.labels),
    ...annotationLines('Annotations', node.metadata.annotations),
    ['CreationTimestamp:', rfc1123z(node.metadata.creationTimestamp)],
    // The model keeps no taints: the node has none.
    ['Taints:', '<none>'],
    ['Unschedulable:', String(node.spec.unschedulable ?? false)],
    ['Addresses:'],
    ...node.status.addresses.map((a): DescribeLine => [`  ${a.type}:`, a.address]),
  ];
  // PodCIDR comes after System Info, whose alignment block it shares; it is left with the rest.
  return {
    lines,
    omitted: ['Lease', 'Conditions', 'Capacity', 'Allocatable', 'System Info', 'PodCIDR', 'PodCIDRs', 'Non-terminated Pods', 'Allocated resources', 'Events'],
  };
}

/** The aligned lines, then the note (outside the tabwriter, as it is not kubectl's). */
export function renderPartial({ lines, omitted }: PartialDescription): string {
  const list = omitted.length > 1 ? `${omitted.slice(0, -1).join(', ')} and ${omitted[omitted.length - 1]}` : omitted.join('');
  return `${renderDescribe(lines)}(real kubectl also prints ${list}, which this explainer does not show)\n`;
}
