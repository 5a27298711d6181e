/**
 * ValidateEndpointSlice (pkg/apis/discovery/validation/validation.go) for the fields the model
 * reads: addressType, each endpoint's addresses (IPv4 here; FQDN slices are not routed), nodeName,
 * hostname and the ports.
 */
import type { EndpointSlice } from '../cluster';
import { duplicate, invalid, notSupported, required, type FieldError } from './fieldError';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from './names';
import { ipv4Problem } from './node';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
/** maxEndpoints, maxPorts, maxAddresses in the discovery validation. */
const MAX_ENDPOINTS = 1000;
const MAX_PORTS = 20000;

export function validateEndpointSliceSpec(slice: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  if (!(ADDRESS_TYPES as readonly string[]).includes(slice.addressType)) errs.push(notSupported('addressType', slice.addressType, ADDRESS_TYPES));
  if (slice.endpoints.length > MAX_ENDPOINTS) errs.push({ field: 'endpoints', type: 'TooMany', message: `must have at most ${MAX_ENDPOINTS} items`, value: slice.endpoints.length });
  slice.endpoints.forEach((e, i) => {
    const path = `endpoints[${i}]`;
    if (e.addresses.length === 0) errs.push(required(`${path}.addresses`, 'must contain at least 1 address'));
    else if (e.addresses.length > 100) errs.push({ field: `${path}.addresses`, type: 'TooMany', message: 'must have at most 100 items', value: e.addresses.length });
    e.addresses.forEach((a, j) => {
      const at = `${path}.addresses[${j}]`;
      if (slice.addressType === 'IPv4') {
        const problem = ipv4Problem(a);
        if (problem) errs.push(invalid(at, a, problem));
      } else if (slice.addressType === 'FQDN') errs.push(...isDNS1123Subdomain(a).map((m) => invalid(at, a, m)));
    });
    if (e.nodeName) errs.push(...isDNS1123Subdomain(e.nodeName).map((m) => invalid(`${path}.nodeName`, e.nodeName, m)));
    if (e.hostname) errs.push(...isDNS1123Label(e.hostname).map((m) => invalid(`${path}.hostname`, e.hostname, m)));
  });
  if (slice.ports.length > MAX_PORTS) errs.push({ field: 'ports', type: 'TooMany', message: `must have at most ${MAX_PORTS} items`, value: slice.ports.length });
  const names = new Set<string>();
  slice.ports.forEach((p, i) => {
    const path = `ports[${i}]`;
    const name = p.name ?? '';
    if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(`${path}.name`, name, m)));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    names.add(name);
    if (!p.protocol) errs.push(required(`${path}.protocol`));
    else if (!(PROTOCOLS as readonly string[]).includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    if (p.port !== undefined) errs.push(...isValidPortNum(p.port).map((m) => invalid(`${path}.port`, p.port, m)));
  });
  return errs;
}
