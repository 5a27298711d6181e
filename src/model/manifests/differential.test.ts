/**
 * parseManifests reads with js-yaml when it can and with eemeli/yaml when there is anything to
 * locate: the two must give the same cluster whenever the fast one answers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzInput } from '../fuzz/generators';
import { SCENARIOS } from '../scenarios/catalog';
import { syntheticCluster } from '../kubeproxy/synthetic';
import { readLocated, readQuickly } from './parse';
import { toManifestObjects } from './toObjects';
import { toManifests } from './toManifests';

const scenarioTexts = await Promise.all(SCENARIOS.map((s) => s.load()));

const TRICKY = [
  'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {null: x}\nspec: {containers: [{name: c, image: i}]}',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ~: x\nspec: {containers: [{name: c, image: i}]}',
  '%YAML 1.1\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {a: yes}\nspec: {containers: [{name: c, image: i}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 1e400}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: &p 80}], selector: {app: *p}}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: !!int "80"}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {? [x]\n: y}}\nspec: {ports: [{port: 80}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}, {port: 80}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: a, name: b}\nspec: {ports: [{port: 80}]}',
  '---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n',
  '[{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": [{"port": 80}]}}]',
  '{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": [{"port": 80}]}}]}',
];

const sameCluster = (text: string): boolean | undefined => {
  const quick = readQuickly(text);
  if (!quick) return undefined;
  const located = readLocated(text);
  expect(located.errors, text.slice(0, 200)).toEqual([]);
  expect(located.warnings, text.slice(0, 200)).toEqual([]);
  expect(JSON.stringify(toManifestObjects(quick.cluster))).toBe(JSON.stringify(toManifestObjects(located.cluster)));
  return true;
};

describe('the two YAML readers', () => {
  it('agree on the scenarios, as written and as the app writes them back', () => {
    for (const text of scenarioTexts) expect(sameCluster(text)).toBe(true);
    for (const text of scenarioTexts) {
      const located = readLocated(text);
      expect(sameCluster(toManifests(located.cluster))).toBe(true);
    }
    expect(sameCluster(toManifests(syntheticCluster({ nodes: 5, services: 20, podsPerService: 2 })))).toBe(true);
  }, 60_000);

  it('agree on tricky text, or the fast one steps aside', () => {
    for (const text of TRICKY) sameCluster(text);
  });

  it('agree on generated and mutated manifests', () => {
    const inputs = fc.sample(fuzzInput, { seed: 20261202, numRuns: 300 });
    let quick = 0;
    for (const text of inputs) if (sameCluster(text)) quick++;
    console.log(`${quick} of ${inputs.length} generated inputs took the fast reader`);
    // Most generated inputs have an error to locate; some must still take the fast reader.
    expect(quick).toBeGreaterThan(5);
  }, 300_000);
});
