import { describe, expect, it } from 'vitest';
import { sourceElement, sourceOfElement } from './sourceElement';
import type { TraceSource } from './trace/types';

describe('a trace source and its element', () => {
  it('are drawn as the client, pod or node they name (an ad-hoc host as a client)', () => {
    expect(sourceElement({ kind: 'client', name: 'laptop' })).toBe('client:laptop');
    expect(sourceElement({ kind: 'host', ip: '203.0.113.7' })).toBe('client:203.0.113.7');
    expect(sourceElement({ kind: 'pod', namespace: 'shop', name: 'web-1' })).toBe('pod:shop/web-1');
    expect(sourceElement({ kind: 'node', name: 'worker-1' })).toBe('node:worker-1');
  });

  it('read back from an embed\'s `from` option, a pod without namespace in default', () => {
    const sources: TraceSource[] = [{ kind: 'client', name: 'laptop' }, { kind: 'pod', namespace: 'shop', name: 'web-1' }, { kind: 'node', name: 'worker-1' }];
    for (const source of sources) expect(sourceOfElement(sourceElement(source))).toEqual(source);
    expect(sourceOfElement('pod:web-1')).toEqual({ kind: 'pod', namespace: 'default', name: 'web-1' });
    for (const text of ['svc:default/web', 'client:', 'pod:/web-1', 'web-1', 'cluster']) expect(sourceOfElement(text)).toBeUndefined();
  });
});
