/**
 * The app's ClusterSettings stand for flags no Kubernetes object holds (kube-apiserver's
 * --service-cluster-ip-range and --service-node-port-range, kube-controller-manager's
 * --cluster-cidr, the kubelet's --cluster-domain and --cluster-dns, the CNI's masquerade rule).
 * Each is checked as the component that reads it would refuse it at start-up; a value the model
 * could not use (too small a range to allocate from) is refused with the reason. Every error
 * names the field under `spec`, and the caller keeps the default for that field.
 */
import type { ClusterSettingsSpec } from '../cluster';
import { parsePortRange } from '../addressing';
import { inCidr, ipToInt, parseCidr } from '../ip';
import { duplicate, invalid, notSupported, type FieldError } from './fieldError';
import { INVALID_CIDR_MSG, isDNS1123Label, isDNS1123Subdomain } from './names';
import { ipv4Problem } from './node';

type Field = keyof ClusterSettingsSpec;

/** Errors with the settings field each one concerns, so the caller can fall back per field. */
export interface SettingsError { key: Field; index?: number; error: FieldError }

const cidrErrors = (key: Field, value: string, widest: number, narrowest: number, why: string): SettingsError[] => {
  const cidr = parseCidr(value);
  if (!cidr) return [{ key, error: invalid(`spec.${key}`, value, INVALID_CIDR_MSG) }];
  if (cidr.prefix < widest || cidr.prefix > narrowest) return [{ key, error: invalid(`spec.${key}`, value, `must be between /${widest} and /${narrowest}: ${why}`) }];
  return [];
};

export function validateSettings(s: ClusterSettingsSpec): SettingsError[] {
  const errs: SettingsError[] = [];
  // kube-apiserver refuses a service range wider than /12 ("specified --service-cluster-ip-range is too large").
  errs.push(...cidrErrors('serviceCIDR', s.serviceCIDR, 12, 28, 'kube-apiserver refuses a range wider than /12, and the explainer needs 16 addresses to allocate from'));
  // Every node takes a /24 of the cluster CIDR (kube-controller-manager --node-cidr-mask-size 24).
  errs.push(...cidrErrors('podCIDR', s.podCIDR, 8, 24, 'each node takes a /24 of it (kube-controller-manager --node-cidr-mask-size=24)'));
  errs.push(...cidrErrors('nodeSubnet', s.nodeSubnet, 8, 28, 'node addresses start at the 10th address of the subnet'));
  const dnsProblem = ipv4Problem(s.dnsServiceIP);
  if (dnsProblem) errs.push({ key: 'dnsServiceIP', error: invalid('spec.dnsServiceIP', s.dnsServiceIP, dnsProblem) });
  else if (!errs.some((e) => e.key === 'serviceCIDR')) {
    const cidr = parseCidr(s.serviceCIDR)!;
    const n = ipToInt(s.dnsServiceIP);
    if (!inCidr(s.dnsServiceIP, s.serviceCIDR) || n === cidr.base || n === cidr.base + cidr.size - 1 || n === cidr.base + 1) {
      errs.push({ key: 'dnsServiceIP', error: invalid('spec.dnsServiceIP', s.dnsServiceIP, `must be a usable address of the service CIDR ${s.serviceCIDR} other than its first, which the kubernetes Service holds`) });
    }
  }
  const range = parsePortRange(s.nodePortRange);
  if (!range) errs.push({ key: 'nodePortRange', error: invalid('spec.nodePortRange', s.nodePortRange, 'must be a port range "min-max" within 1-65535, as --service-node-port-range takes it (e.g. 30000-32767)') });
  else if (range.base < 1) errs.push({ key: 'nodePortRange', error: invalid('spec.nodePortRange', s.nodePortRange, 'must not include port 0: a nodePort is between 1 and 65535') });
  errs.push(...isDNS1123Subdomain(s.clusterDomain).map((m) => ({ key: 'clusterDomain' as const, error: invalid('spec.clusterDomain', s.clusterDomain, m) })));
  s.nonMasqueradeCIDRs.forEach((c, i) => {
    if (!parseCidr(c)) errs.push({ key: 'nonMasqueradeCIDRs', index: i, error: invalid(`spec.nonMasqueradeCIDRs[${i}]`, c, INVALID_CIDR_MSG) });
  });
  const names = new Set<string>();
  s.clients.forEach((c, i) => {
    const path = `spec.clients[${i}]`;
    const add = (error: FieldError) => errs.push({ key: 'clients', index: i, error });
    const msgs = isDNS1123Label(c.name);
    if (msgs.length) msgs.forEach((m) => add(invalid(`${path}.name`, c.name, m)));
    else if (names.has(c.name)) add(duplicate(`${path}.name`, c.name));
    else names.add(c.name);
    if (c.ip) {
      const problem = ipv4Problem(c.ip);
      if (problem) add(invalid(`${path}.ip`, c.ip, problem));
    }
  });
  return errs;
}

/** The raw enum fields the reader would otherwise coerce silently. */
export function settingsEnumErrors(spec: Record<string, unknown>): SettingsError[] {
  const errs: SettingsError[] = [];
  const check = (key: Field, allowed: readonly string[]) => {
    const v = spec[key];
    if (typeof v === 'string' && !allowed.includes(v)) errs.push({ key, error: notSupported(`spec.${key}`, v, allowed) });
  };
  check('provider', ['bare-metal', 'cloud']);
  check('loadBalancerTargets', ['NodePort', 'Pod', 'VIP']);
  check('kubeProxyMode', ['iptables', 'nftables']);
  const clients = Array.isArray(spec.clients) ? spec.clients : [];
  clients.forEach((c, i) => {
    const location = (c as Record<string, unknown> | null)?.location;
    if (typeof location === 'string' && location !== 'internet' && location !== 'lan') {
      errs.push({ key: 'clients', index: i, error: notSupported(`spec.clients[${i}].location`, location, ['internet', 'lan']) });
    }
  });
  return errs;
}
