import { describe, expect, it } from 'vitest';
import { appliedNotice, keptKinds, keptList, pluralKind } from './applyWording';

describe('applyWording', () => {
  it('pluralises kinds as people write them', () => {
    expect(['ConfigMap', 'NetworkPolicy', 'IngressClass', 'Endpoints', 'Ingress', 'Secret'].map((k) => pluralKind(k, 2)))
      .toEqual(['ConfigMaps', 'NetworkPolicies', 'IngressClasses', 'Endpoints', 'Ingresses', 'Secrets']);
    expect(pluralKind('ConfigMap', 1)).toBe('ConfigMap');
  });

  it('says what a merge added, changed and kept', () => {
    const key = { kind: 'Service', namespace: 'default', name: 'a' };
    expect(appliedNotice({ mode: 'merge', added: [key, key], changed: [key], unchanged: 0, untouched: [key] }, 0))
      .toBe('Applied: 2 added, 1 changed. 1 object the text does not name was kept, as kubectl apply keeps them; "Replace the whole cluster" drops them.');
    expect(appliedNotice({ mode: 'replace', added: [key], changed: [], unchanged: 2, untouched: [key, key] }, 1))
      .toBe('Replaced the whole cluster: 1 added, 2 unchanged. 2 objects the text does not name were removed. 1 warning below.');
    expect(appliedNotice({ mode: 'merge', added: [], changed: [], unchanged: 0, untouched: [] }, 0)).toBe('Applied: nothing in the text to apply.');
  });

  it('counts kept objects by kind, most first', () => {
    const o = (kind: string) => ({ apiVersion: 'v1', kind, metadata: { name: 'x' } });
    const kinds = keptKinds([o('Secret'), o('ConfigMap'), o('ConfigMap')]);
    expect(kinds.total).toBe(3);
    expect(keptList(kinds)).toBe('2 ConfigMaps, 1 Secret');
  });
});
