/**
 * A dual-stack Service (ipFamilyPolicy PreferDualStack or RequireDualStack, ipFamilies with both
 * families, a ClusterIP of each) as the IPv4 half the model routes: ipFamilies [IPv4], the IPv4
 * ClusterIP alone (as clusterIP and clusterIPs). Its policy is kept as given. An IPv6-only Service
 * is left as it is (validation refuses its IPv6 ClusterIP, as the model draws IPv4 clusters only).
 */
import { isIPv4 } from '../ip';
import { isRecord, type Json } from '../validation/coerce';

/** The Service object with only its IPv4 family, or undefined when it is not dual-stack. */
export function dualStackToIPv4(obj: Json): Json | undefined {
  const spec = isRecord(obj.spec) ? obj.spec : undefined;
  if (!spec) return undefined;
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
  const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.filter((ip): ip is string => typeof ip === 'string') : [];
  const hasV6 = families.includes('IPv6') || ips.some((ip) => ip.includes(':'));
  const hasV4 = families.includes('IPv4') || ips.some((ip) => isIPv4(ip));
  if (!hasV6 || !hasV4 || spec.type === 'ExternalName') return undefined;
  const v4 = ips.filter((ip) => isIPv4(ip) || ip === 'None');
  const out: Json = { ...spec, ipFamilies: ['IPv4'] };
  if (ips.length) out.clusterIPs = v4;
  if (typeof spec.clusterIP === 'string' && spec.clusterIP.includes(':')) out.clusterIP = v4[0];
  if (out.clusterIP === undefined) delete out.clusterIP;
  if (Array.isArray(out.clusterIPs) && out.clusterIPs.length === 0) delete out.clusterIPs;
  return { ...obj, spec: out };
}
