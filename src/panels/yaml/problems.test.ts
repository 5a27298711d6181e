import { describe, expect, it } from 'vitest';
import { editorProblems, issueLocation, tooLarge, MAX_MANIFEST_BYTES } from './problems';
import { parseManifests } from '../../model/manifests/parse';

describe('YAML problems', () => {
  it('locates a syntax error by line and column', () => {
    const { errors } = parseManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(editorProblems(errors)[0]!.line).toBeGreaterThanOrEqual(4);
    expect(issueLocation(errors[0]!)).toMatch(/^line \d+/);
  });

  it('names the field of an invalid object', () => {
    const { errors } = parseManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n');
    expect(errors[0]!.field).toBe('spec.ports[0].nodePort');
    expect(issueLocation(errors[0]!)).toContain('spec.ports[0].nodePort');
  });

  it('refuses more than the size limit', () => {
    expect(tooLarge('x'.repeat(10))).toBeUndefined();
    expect(tooLarge('x'.repeat(MAX_MANIFEST_BYTES + 1))).toMatch(/at most 5 MB/);
  });
});
