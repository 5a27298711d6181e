/** IPv4 arithmetic shared by the model. Addresses stay dotted strings everywhere else. */

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  /** Number of addresses in the range. */
  size: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for a canonical dotted-quad IPv4 address (no leading zeros, as Go's net.ParseIP wants). */
export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/n`; undefined when malformed. Host bits are masked off (as net.ParseCIDR does). */
export function parseCidr(text: string): Cidr | undefined {
  const [ip, bits, extra] = text.split('/');
  if (extra !== undefined || ip === undefined || bits === undefined || !isIPv4(ip) || !/^\d{1,2}$/.test(bits)) {
    return undefined;
  }
  const prefix = Number(bits);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(ipToInt(ip) / size) * size;
  return { base, prefix, size };
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n >= cidr.base && n < cidr.base + cidr.size;
}

/** `inCidr('10.244.1.7', '10.244.0.0/16')` → true. False for malformed input. */
export function inCidr(ip: string, cidr: string): boolean {
  const parsed = parseCidr(cidr);
  return parsed !== undefined && isIPv4(ip) && cidrContains(parsed, ip);
}

export function formatCidr(cidr: Cidr): string {
  return `${intToIp(cidr.base)}/${cidr.prefix}`;
}
