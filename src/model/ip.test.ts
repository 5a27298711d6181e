import { describe, expect, it } from 'vitest';
import { inCidr, intToIp, ipToInt, isIPv4, parseCidr, formatCidr } from './ip';

describe('ip', () => {
  it('converts between dotted quads and numbers', () => {
    expect(ipToInt('10.96.0.10')).toBe(10 * 2 ** 24 + 96 * 2 ** 16 + 10);
    expect(intToIp(ipToInt('255.255.255.255'))).toBe('255.255.255.255');
    expect(intToIp(0)).toBe('0.0.0.0');
  });

  it('accepts only canonical IPv4', () => {
    expect(isIPv4('10.0.1.11')).toBe(true);
    expect(isIPv4('10.0.1.256')).toBe(false);
    expect(isIPv4('010.0.1.1')).toBe(false);
    expect(isIPv4('10.0.1')).toBe(false);
  });

  it('parses CIDRs, masking host bits like net.ParseCIDR', () => {
    expect(parseCidr('10.96.0.0/12')).toEqual({ base: ipToInt('10.96.0.0'), prefix: 12, size: 2 ** 20 });
    expect(formatCidr(parseCidr('10.244.1.7/24')!)).toBe('10.244.1.0/24');
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
  });

  it('tests membership', () => {
    expect(inCidr('10.111.255.255', '10.96.0.0/12')).toBe(true);
    expect(inCidr('10.112.0.0', '10.96.0.0/12')).toBe(false);
    expect(inCidr('203.0.113.5', '0.0.0.0/0')).toBe(true);
  });
});
