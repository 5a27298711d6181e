/**
 * ValidateIngress (pkg/apis/networking/validation/validation.go: ValidateIngressSpec,
 * validateIngressRules, validateHTTPIngressPath, validateIngressBackend, validateIngressTLS) for
 * the fields the model reads, with the API server's paths and messages.
 */
import type { Ingress, IngressBackend } from '../cluster';
import { forbidden, invalid, notSupported, required, type FieldError } from './fieldError';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, parseIPv4Sloppy } from './names';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;
const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';

/** IsWildcardDNS1123Subdomain. */
function wildcardProblems(host: string): string[] {
  const errs: string[] = [];
  if (host.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${WILDCARD_FMT}$`).test(host)) {
    errs.push(`a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${WILDCARD_FMT}')`);
  }
  return errs;
}

/** A rule's or a TLS entry's host: a (wildcard) DNS name, never an IP address. */
function hostErrors(host: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (parseIPv4Sloppy(host) || host.includes(':')) errs.push(invalid(path, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? wildcardProblems(host) : isDNS1123Subdomain(host);
  errs.push(...msgs.map((m) => invalid(path, host, m)));
  return errs;
}

/** validateIngressBackend for a Service backend (the only kind the model routes). */
function backendErrors(backend: IngressBackend | undefined, path: string): FieldError[] {
  const svc = backend?.service;
  if (!svc) return [invalid(path, '', 'one backend type must be specified')];
  const errs: FieldError[] = [];
  if (!svc.name) errs.push(required(`${path}.service.name`));
  else errs.push(...isDNS1035Label(svc.name).map((m) => invalid(`${path}.service.name`, svc.name, m)));
  const port = svc.port ?? {};
  const hasName = !!port.name;
  const hasNumber = port.number !== undefined && port.number !== 0;
  if (hasName && hasNumber) errs.push(invalid(`${path}.service.port`, port, 'cannot set both port name & port number'));
  else if (hasName) errs.push(...isValidPortName(port.name!).map((m) => invalid(`${path}.service.port.name`, port.name, m)));
  else if (hasNumber) errs.push(...isValidPortNum(port.number!).map((m) => invalid(`${path}.service.port.number`, port.number, m)));
  else errs.push(required(`${path}.service.port`, 'port name or number is required'));
  return errs;
}

export function validateIngressSpec(ingress: Ingress): FieldError[] {
  const { spec } = ingress;
  const errs: FieldError[] = [];
  const rules = spec.rules ?? [];
  if (spec.defaultBackend) errs.push(...backendErrors(spec.defaultBackend, 'spec.defaultBackend'));
  else if (rules.length === 0) errs.push(invalid('spec.rules', rules, 'either `defaultBackend` or `rules` must be specified'));
  rules.forEach((rule, i) => {
    const path = `spec.rules[${i}]`;
    if (rule.host) errs.push(...hostErrors(rule.host, `${path}.host`));
    if (!rule.http) return;
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) errs.push(required(`${path}.http.paths`));
    paths.forEach((p, j) => {
      const at = `${path}.http.paths[${j}]`;
      if (!p.pathType) errs.push(required(`${at}.pathType`, 'pathType must be specified'));
      else if (!(PATH_TYPES as readonly string[]).includes(p.pathType)) errs.push(notSupported(`${at}.pathType`, p.pathType, PATH_TYPES));
      else if (p.pathType !== 'ImplementationSpecific' || p.path) {
        if (!p.path?.startsWith('/')) errs.push(invalid(`${at}.path`, p.path ?? '', 'must be an absolute path'));
        else if (p.pathType !== 'ImplementationSpecific' && /\/\.\.?(\/|$)|\/\//.test(p.path)) errs.push(invalid(`${at}.path`, p.path, 'must not contain \'..\', \'.\' or \'//\' segments'));
      }
      errs.push(...backendErrors(p.backend, `${at}.backend`));
    });
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      if (host.includes('*') && !host.startsWith('*.')) errs.push(forbidden(`spec.tls[${i}].hosts[${j}]`, 'wildcard is only allowed as the first label'));
      else errs.push(...(host.includes('*') ? wildcardProblems(host) : isDNS1123Subdomain(host)).map((m) => invalid(`spec.tls[${i}].hosts[${j}]`, host, m)));
    });
  });
  return errs;
}
