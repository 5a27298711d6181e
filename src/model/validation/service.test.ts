import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Service } from '../cluster';
import { cluster } from '../testing/clusterBuilder';
import { formatFieldError, formatInvalid } from './fieldError';
import { validateService } from './service';

/** A minimal Service as a user would write it; defaults are applied by validateService. */
function svc(spec: Record<string, unknown>, name = 'web', namespace = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec, status: { loadBalancer: {} } } as unknown as Service;
}
const fields = (s: Service, c?: Parameters<typeof validateService>[1]) => validateService(s, c).map((e) => `${e.field} ${e.type}: ${e.message}`);

describe('validateService', () => {
  it('accepts a plain ClusterIP Service', () => {
    expect(validateService(svc({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }))).toEqual([]);
  });

  it('checks the name as a DNS-1035 label, with the API server message', () => {
    const errs = validateService(svc({ ports: [{ port: 80 }] }, '1web'));
    expect(errs).toEqual([{
      field: 'metadata.name', type: 'Invalid', value: '1web',
      message: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    }]);
    expect(fields(svc({ ports: [{ port: 80 }] }, 'a'.repeat(64)))[0]).toBe('metadata.name Invalid: must be no more than 63 characters');
    expect(fields(svc({ ports: [{ port: 80 }] }, ''))).toEqual(['metadata.name Required: name or generateName is required']);
  });

  it('requires a namespace', () => {
    expect(fields(svc({ ports: [{ port: 80 }] }, 'web', ''))).toEqual(['metadata.namespace Required: ']);
  });

  it('requires ports except for headless and ExternalName Services', () => {
    expect(fields(svc({}))).toEqual(['spec.ports Required: ']);
    expect(validateService(svc({ clusterIP: 'None' }))).toEqual([]);
    expect(validateService(svc({ type: 'ExternalName', externalName: 'db.example.com' }))).toEqual([]);
  });

  it('checks port and targetPort ranges and named targetPort syntax', () => {
    expect(fields(svc({ ports: [{ port: 0, targetPort: 70000 }] }))).toEqual([
      'spec.ports[0].port Invalid: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort Invalid: must be between 1 and 65535, inclusive',
    ]);
    expect(fields(svc({ ports: [{ port: 80, targetPort: 'HTTP_port_number' }] }))).toEqual([
      'spec.ports[0].targetPort Invalid: must be no more than 15 characters',
      'spec.ports[0].targetPort Invalid: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    // "8080" in quotes is a port *name*, and names need a letter.
    expect(fields(svc({ ports: [{ port: 80, targetPort: '8080' }] }))).toEqual(['spec.ports[0].targetPort Invalid: must contain at least one letter (a-z)']);
  });

  it('requires unique names when there are several ports, and rejects duplicate port+protocol', () => {
    expect(fields(svc({ ports: [{ port: 80 }, { name: 'b', port: 443 }] }))).toEqual(['spec.ports[0].name Required: ']);
    expect(fields(svc({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 80 }] }))).toEqual([
      'spec.ports[1].name Duplicate: ',
      'spec.ports[1] Duplicate: ',
    ]);
    expect(validateService(svc({ ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] }))).toEqual([]);
  });

  it('rejects unknown protocols and types with the supported values', () => {
    expect(validateService(svc({ type: 'Internal', ports: [{ port: 80, protocol: 'HTTP' }] }))).toEqual([
      { field: 'spec.ports[0].protocol', type: 'NotSupported', value: 'HTTP', message: 'supported values: "SCTP", "TCP", "UDP"' },
      { field: 'spec.type', type: 'NotSupported', value: 'Internal', message: 'supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
    ]);
  });

  it('needs a valid DNS name and no cluster IP for ExternalName', () => {
    expect(fields(svc({ type: 'ExternalName' }))).toEqual(['spec.externalName Required: ']);
    expect(fields(svc({ type: 'ExternalName', externalName: 'Bad_Name', clusterIP: '10.96.0.50' }))).toEqual([
      'spec.clusterIPs Forbidden: may not be set for ExternalName services',
      "spec.externalName Invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(validateService(svc({ type: 'ExternalName', externalName: 'db.example.com.' }))).toEqual([]);
  });

  it('forbids headless NodePort and LoadBalancer Services', () => {
    expect(validateService(svc({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }))[0]).toEqual({
      field: 'spec.clusterIPs[0]', type: 'Invalid', value: 'None', message: "may not be set to 'None' for NodePort services",
    });
    expect(fields(svc({ type: 'LoadBalancer', clusterIP: 'None', ports: [{ port: 80 }] }))).toContain(
      "spec.clusterIPs[0] Invalid: may not be set to 'None' for LoadBalancer services");
  });

  it('allows nodePort only on NodePort and LoadBalancer', () => {
    expect(fields(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual(["spec.ports[0].nodePort Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });

  it('allows externalTrafficPolicy only on externally-accessible Services', () => {
    expect(validateService(svc({ ports: [{ port: 80 }], externalTrafficPolicy: 'Local' }))).toEqual([{
      field: 'spec.externalTrafficPolicy', type: 'Invalid', value: 'Local', message: 'may only be set for externally-accessible services',
    }]);
    expect(validateService(svc({ ports: [{ port: 80 }], externalIPs: ['192.0.2.5'], externalTrafficPolicy: 'Local' }))).toEqual([]);
    expect(fields(svc({ type: 'NodePort', ports: [{ port: 80 }], externalTrafficPolicy: 'Global' }))).toEqual(['spec.externalTrafficPolicy NotSupported: supported values: "Cluster", "Local"']);
  });

  it('checks sessionAffinity values and the ClientIP timeout', () => {
    expect(fields(svc({ ports: [{ port: 80 }], sessionAffinity: 'Cookie' }))).toEqual(['spec.sessionAffinity NotSupported: supported values: "ClientIP", "None"']);
    expect(validateService(svc({ ports: [{ port: 80 }], sessionAffinity: 'ClientIP' }))).toEqual([]);
    expect(fields(svc({ ports: [{ port: 80 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds Invalid: must be greater than 0 and less than 86400',
    ]);
  });

  it('checks loadBalancerSourceRanges as CIDRs, on LoadBalancers only (field path as the API server spells it)', () => {
    expect(fields(svc({ type: 'LoadBalancer', ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8', '1.2.3.4'] }))).toEqual([
      'spec.LoadBalancerSourceRanges[1] Invalid: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    expect(fields(svc({ ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'] }))).toEqual([
      "spec.LoadBalancerSourceRanges Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  it('checks selector label syntax', () => {
    expect(fields(svc({ ports: [{ port: 80 }], selector: { 'app name': 'web!' } }))).toEqual([
      "spec.selector Invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "spec.selector Invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('checks nodePorts the way the port allocator does', () => {
    const c = cluster().node('n1').service('other', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }] }).build();
    expect(validateService(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 40000 }] }), c)).toEqual([{
      field: 'spec.ports[0].nodePort', type: 'Invalid', value: 40000,
      message: 'provided port is not in the valid range. The range of valid ports is 30000-32767',
    }]);
    const taken = validateService(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), c);
    expect(taken).toEqual([{ field: 'spec.ports[0].nodePort', type: 'Invalid', value: 30080, message: 'provided port is already allocated' }]);
    expect(formatInvalid('Service', 'web', taken)).toBe('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    // The same Service may keep its own nodePort.
    expect(validateService(c.services[0]!, c)).toEqual([]);
  });

  it('checks a requested ClusterIP against the service CIDR and the addresses already given out', () => {
    const c = cluster().build();
    expect(fields(svc({ clusterIP: '10.200.0.1', ports: [{ port: 80 }] }), c)).toEqual([
      'spec.clusterIPs Invalid: failed to allocate IP 10.200.0.1: the provided network does not match the current range',
    ]);
    expect(formatFieldError(validateService(svc({ clusterIP: '10.96.0.10', ports: [{ port: 80 }] }), c)[0]!)).toBe(
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
    expect(fields(svc({ clusterIP: 'banana', ports: [{ port: 80 }] }))).toEqual(['spec.clusterIPs[0] Invalid: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (input) => {
      expect(Array.isArray(validateService(input as Service))).toBe(true);
    }), { numRuns: 500 });
    fc.assert(fc.property(
      fc.record({ metadata: fc.anything(), spec: fc.record({ type: fc.anything(), ports: fc.array(fc.anything()), clusterIP: fc.anything(), selector: fc.anything(), sessionAffinity: fc.anything(), sessionAffinityConfig: fc.anything() }, { requiredKeys: [] }) }, { requiredKeys: [] }),
      (input) => { expect(Array.isArray(validateService(input as unknown as Service))).toBe(true); },
    ), { numRuns: 500 });
  });
});
