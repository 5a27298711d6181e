/**
 * A dump from a real cluster (`kubectl get … -o yaml`) carries no ClusterSettings, and its ranges
 * are often not kubeadm's defaults (k3s uses 10.42.0.0/16 for pods and 10.43.0.0/16 for Services,
 * EKS 172.20.0.0/16 or 10.100.0.0/16 …). Without this, every Service of such a dump would be refused
 * as "not in the current range". So, when the manifests give no ClusterSettings, each range that the
 * given addresses do not fit is widened to one they do: the /16 (or wider) they share.
 */
import type { ClusterSettingsSpec } from '../cluster';
import { formatCidr, inCidr, intToIp, ipToInt, isIPv4, parseCidr } from '../ip';
import { isRecord, type Json } from '../validation/coerce';

/** The smallest CIDR no narrower than /16 that holds every address. */
export function coveringCidr(ips: readonly string[]): string | undefined {
  const valid = ips.filter(isIPv4).map(ipToInt);
  if (valid.length === 0) return undefined;
  let prefix = 16;
  const base = (n: number, p: number) => Math.floor(n / 2 ** (32 - p)) * 2 ** (32 - p);
  while (prefix > 0 && new Set(valid.map((n) => base(n, prefix))).size > 1) prefix--;
  return formatCidr(parseCidr(`${intToIp(base(valid[0]!, prefix))}/${prefix}`)!);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Addresses the objects state outright, by range they belong to. */
function givenAddresses(objects: readonly Json[]) {
  const clusterIPs: string[] = [];
  const pods: string[] = [];
  const nodes: string[] = [];
  for (const obj of objects) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    if (obj.kind === 'Service') {
      const ip = str(spec.clusterIP);
      if (ip && ip !== 'None') clusterIPs.push(ip);
    } else if (obj.kind === 'Pod') {
      const ip = str(status.podIP);
      if (ip && !spec.hostNetwork) pods.push(ip);
    } else if (obj.kind === 'Node') {
      const cidr = str(spec.podCIDR);
      if (cidr) pods.push(cidr.split('/')[0]!);
      for (const a of list(status.addresses).map(rec)) if (a.type === 'InternalIP' && str(a.address)) nodes.push(str(a.address)!);
    }
  }
  return { clusterIPs, pods, nodes };
}

/** Settings for a dump without ClusterSettings: the defaults, widened where the dump needs it. */
export function inferSettings(defaults: ClusterSettingsSpec, objects: readonly Json[]): ClusterSettingsSpec {
  const { clusterIPs, pods, nodes } = givenAddresses(objects);
  const fits = (ips: string[], cidr: string) => ips.every((ip) => inCidr(ip, cidr));
  const settings = { ...defaults };
  // Never wider than the components accept (validation/settings.ts): kube-apiserver takes a
  // service range of /12 at most; the pod and node ranges here stop at /8.
  const within = (cidr: string | undefined, widest: number): string | undefined => (cidr && parseCidr(cidr)!.prefix >= widest ? cidr : undefined);
  if (!fits(clusterIPs, settings.serviceCIDR)) {
    const cidr = within(coveringCidr(clusterIPs), 12);
    if (cidr) {
      settings.serviceCIDR = cidr;
      // kubeadm, k3s and the managed clouds all give cluster DNS the 10th address of the range.
      settings.dnsServiceIP = intToIp(parseCidr(cidr)!.base + 10);
    }
  }
  if (!fits(pods, settings.podCIDR)) settings.podCIDR = within(coveringCidr(pods), 8) ?? settings.podCIDR;
  if (!fits(nodes, settings.nodeSubnet)) settings.nodeSubnet = within(coveringCidr(nodes), 8) ?? settings.nodeSubnet;
  return settings;
}
