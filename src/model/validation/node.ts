/**
 * ValidateNode (pkg/apis/core/validation/validation.go) for what the model reads: the name (a
 * DNS-1123 subdomain, checked with the metadata), spec.podCIDR (IsValidCIDR), and the addresses in
 * status, which the kubelet reports and the model routes by, so they must be IPv4 addresses.
 */
import type { Node } from '../cluster';
import { isIPv4, parseCidr } from '../ip';
import { invalid, type FieldError } from './fieldError';
import { INVALID_CIDR_MSG, INVALID_IP_MSG } from './names';
import { validateTaints } from './placement';

/** The model draws IPv4 clusters only; an IPv6 value gets this detail instead of "not an IP". */
export const IPV4_ONLY_MSG = 'must be an IPv4 address: the explainer models IPv4 clusters only';

/** An address problem, or undefined for a canonical IPv4 address. */
export function ipv4Problem(value: string): string | undefined {
  if (isIPv4(value)) return undefined;
  return value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value) ? IPV4_ONLY_MSG : INVALID_IP_MSG;
}

export function validateNodeSpec(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  const cidr = node.spec.podCIDR;
  if (cidr !== undefined && !parseCidr(cidr)) errs.push(invalid('spec.podCIDR', cidr, INVALID_CIDR_MSG));
  if (node.spec.taints) errs.push(...validateTaints(node.spec.taints));
  node.status.addresses.forEach((a, i) => {
    if (a.type !== 'InternalIP' && a.type !== 'ExternalIP') return;
    const problem = ipv4Problem(a.address);
    if (problem) errs.push(invalid(`status.addresses[${i}].address`, a.address, problem));
  });
  return errs;
}
