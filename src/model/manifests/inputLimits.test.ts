/** Hostile input is refused with a located error, never thrown or hung on (issue 23). */
import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';
import { MAX_NESTING } from './limits';

const messages = (text: string) => parseManifests(text).errors.map((e) => e.message);

describe('manifest input limits', () => {
  it('refuses an alias bomb at its first alias', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const result = parseManifests(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 6, message: expect.stringContaining('alias bomb') });
  });

  it('refuses an alias used before its anchor, at the alias', () => {
    const result = parseManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: *early\n  labels: &early {a: b}\n');
    expect(result.errors[0]).toMatchObject({ line: 4, column: 9, message: expect.stringContaining('Unresolved alias') });
  });

  it('refuses nesting past the limit before parsing (20,000 deep does not overflow the stack)', () => {
    const deep = `apiVersion: v1\nkind: Ingress\nmetadata: {name: deep}\nspec: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const result = parseManifests(deep);
    expect(result.errors).toEqual([expect.objectContaining({ line: 4, message: `the manifests nest deeper than ${MAX_NESTING} levels; the explainer reads no deeper` })]);
    const blockDeep = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(messages(blockDeep)[0]).toContain('nest deeper');
  });

  it('reads a real manifest whose nesting is ordinary', () => {
    const ok = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    note: "it\'s [fine"\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n';
    expect(parseManifests(ok).errors).toEqual([]);
  });

  it('refuses text past the size limit without parsing it', () => {
    expect(messages('#'.repeat(9 * 1024 * 1024))[0]).toMatch(/reads at most 8 MB/);
  });

  it('refuses a mapping where a name or label belongs, with the decoder message and the field', () => {
    const result = parseManifests('apiVersion: v1\nkind: Node\nmetadata:\n  name: {a: b}\n');
    expect(result.errors[0]).toMatchObject({
      field: 'metadata.name', line: 4,
      message: 'Node in version "v1" cannot be handled as a Node: json: cannot unmarshal object into Go struct field ObjectMeta.metadata.name of type string',
    });
    const label = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: {toString: x}}\nspec: {containers: [{name: c}]}\n');
    expect(label.errors[0]).toMatchObject({ field: 'metadata.labels[app]', message: expect.stringContaining('cannot unmarshal object into Go struct field ObjectMeta.metadata.labels of type string') });
  });

  it('refuses replicas that are not an int32, negative, or past what the model draws', () => {
    const deployment = (replicas: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n`;
    expect(messages(deployment('2.5'))[0]).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(messages(deployment('1e308'))[0]).toContain('cannot unmarshal number 1e+308');
    expect(messages(deployment('-5'))[0]).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -5: must be greater than or equal to 0');
    const start = performance.now();
    expect(messages(deployment('2000000'))[0]).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: 2000000: the explainer draws at most 1000 pods per Deployment');
    expect(performance.now() - start).toBeLessThan(2000);
    expect(parseManifests(deployment('0')).cluster.pods.filter((p) => p.metadata.namespace !== 'kube-system')).toEqual([]);
  });

  it('refuses a Deployment whose selector does not match its template, as the API server does', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: other}}\n    spec: {containers: [{name: web, image: nginx}]}\n';
    expect(messages(text)).toEqual(['The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`']);
  });

  it('refuses NodePort Services past a full range quickly, as the allocator does', () => {
    const services = Array.from({ length: 3000 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {type: NodePort, ports: [{port: 80}]}\n`);
    const text = ['apiVersion: explainer.dev/v1alpha1\nkind: ClusterSettings\nmetadata: {name: cluster}\nspec: {nodePortRange: 30000-30999}\n', ...services].join('---\n');
    const result = parseManifests(text);
    expect(result.cluster.services.filter((s) => s.metadata.namespace !== 'kube-system')).toHaveLength(1000);
    expect(result.errors).toHaveLength(2000);
    expect(result.errors[0]!.message).toBe('Internal error occurred: failed to allocate a nodePort: range is full');
  }, 30_000);
});
