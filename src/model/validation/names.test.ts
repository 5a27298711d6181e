import { describe, expect, it } from 'vitest';
import { isDNS1123Label, isQualifiedName, isValidPortName, parseIPv4Sloppy } from './names';
import { formatFieldError, notSupported } from './fieldError';

describe('apimachinery name rules', () => {
  it('tells dots apart from other DNS-1123 label problems', () => {
    expect(isDNS1123Label('my.name')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('-x')[0]).toContain("(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  });
  it('checks qualified names with a prefix', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('/name')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of/);
  });
  it('checks IANA service names', () => {
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('-ab')).toEqual(['must not begin or end with a hyphen']);
  });
  it('parses IPv4 sloppily like netutils (leading zeros allowed)', () => {
    expect(parseIPv4Sloppy('010.0.0.1')).toEqual([10, 0, 0, 1]);
    expect(parseIPv4Sloppy('10.0.0')).toBeUndefined();
  });
  it('formats errors like field.Error.Error()', () => {
    expect(formatFieldError(notSupported('spec.type', 'Foo', ['ClusterIP', 'NodePort']))).toBe('spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "NodePort"');
    expect(formatFieldError({ field: 'spec.ports', type: 'Required', message: '' })).toBe('spec.ports: Required value');
  });
});
