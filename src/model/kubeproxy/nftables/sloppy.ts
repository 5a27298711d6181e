/**
 * netutils.ParseIPSloppy / ParseCIDRSloppy for IPv4 (k8s.io/utils/net): kube-proxy reads
 * addresses with leading zeros as decimal ("172.30.0.041" is 172.30.0.41) and writes them back
 * canonical, as TestBadIPs in pkg/proxy/nftables/proxier_test.go checks. Undefined when the text
 * is not an IPv4 address (or CIDR) even so.
 */
import { formatCidr, parseCidr } from '../../ip';

const SLOPPY_IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function sloppyIPv4(text: string): string | undefined {
  if (!SLOPPY_IPV4.test(text)) return undefined;
  const octets = text.split('.').map(Number);
  return octets.every((o) => o <= 255) ? octets.join('.') : undefined;
}

export function sloppyCidr(text: string): string | undefined {
  const [ip, bits, extra] = text.trim().split('/');
  if (ip === undefined || bits === undefined || extra !== undefined || !/^\d{1,3}$/.test(bits)) return undefined;
  const canonical = sloppyIPv4(ip);
  const cidr = canonical !== undefined ? parseCidr(`${canonical}/${Number(bits)}`) : undefined;
  return cidr !== undefined ? formatCidr(cidr) : undefined;
}
