import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './catalog';

// Read the Vite way: a test may use the bundler's features, the model's own code may not.
const files = import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default', eager: true });
const modules = import.meta.glob<string>('./manifests/*.ts', { import: 'default', eager: true });
const ids = (paths: Record<string, string>) => Object.keys(paths).map((p) => /([^/]+)\.(yaml|ts)$/.exec(p)![1]!).sort();

describe('the scenario texts the model loads', () => {
  it('are the .yaml files word for word (after an edit, run `node scripts/scenario-texts.mjs`)', () => {
    expect(ids(modules)).toEqual(ids(files));
    for (const [path, text] of Object.entries(files)) {
      expect(modules[path.replace(/^\.\/(.+)\.yaml$/, './manifests/$1.ts')], path).toBe(text);
    }
  });

  it('are one per catalog entry', () => {
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual(ids(files));
  });
});
