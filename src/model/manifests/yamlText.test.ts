/** The fast YAML writer reads back, through the `yaml` library, as exactly the JSON it was given. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { syntheticCluster } from '../kubeproxy/synthetic';
import { SCENARIOS } from '../scenarios/catalog';
import { loadEntry } from '../scenarios/loadScenario';
import { toManifestObjects } from './toObjects';
import { toYamlDocument } from './yamlText';

const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('toYamlDocument', () => {
  it('reads back as the same JSON, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(parse(toYamlDocument(value))).toEqual(asJson(value));
    }), { numRuns: 1000, seed: 20261202 });
  }, 60_000);

  it('quotes strings a YAML 1.2 or 1.1 reader would take for something else', () => {
    const tricky = [
      '', ' ', ' x', 'x ', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'null', '~', 'true', 'False', '1', '-1', '+1', '007', '08', '1_000',
      '1.5', '.5', '1e3', '0x1F', '0o17', '0b101', '.inf', '-.Inf', '.nan', '2026-12-02', '=', 'a: b', 'a:', 'x #y', '#x', '- x', '-x',
      '?x', ':x', '@x', '`x', '*x', '&x', '!x', '%x', '|x', '>x', "'x", '"x', '[x]', '{x}', 'a\nb', 'tab\there', 'ünïcode', '\u2028',
      '__proto__', 'constructor', '---', '...', 'a  b', 'a, b', 'x: y: z',
    ];
    for (const s of tricky) {
      const text = toYamlDocument({ [s]: s, list: [s] });
      expect(parse(text), text).toEqual({ [s]: s, list: [s] });
      // Under YAML 1.1 too: booleans, octal and underscored numbers stay strings.
      expect(parse(text, { version: '1.1' }), text).toEqual({ [s]: s, list: [s] });
    }
  });

  it('writes addresses, images and label keys plain, as people write them', () => {
    expect(toYamlDocument({ clusterIP: '10.96.0.10', image: 'nginx:1.27', 'app.kubernetes.io/name': 'web', range: '30000-32767' }))
      .toBe('clusterIP: 10.96.0.10\nimage: nginx:1.27\napp.kubernetes.io/name: web\nrange: 30000-32767\n');
  });

  it('lays out every catalog scenario exactly as the yaml library does', async () => {
    for (const entry of SCENARIOS) {
      const loaded = await loadEntry(entry);
      if (!('cluster' in loaded)) continue;
      for (const obj of toManifestObjects(loaded.cluster)) {
        const ours = toYamlDocument(obj);
        expect(parse(ours)).toEqual(asJson(obj));
        // Timestamps are the one difference: quoted, as kubectl writes them (go-yaml would read a date).
        expect(ours.replace(/"([0-9]{4}-[0-9]{2}-[0-9]{2}T[^"]*)"/g, '$1')).toBe(stringify(obj, { lineWidth: 0 }));
      }
    }
  }, 60_000);

  it('reads back a generated cluster whole (every Service type, affinity, source ranges)', () => {
    const objects = toManifestObjects(syntheticCluster({ nodes: 10, services: 40, podsPerService: 3 }));
    const text = objects.map(toYamlDocument).join('---\n');
    expect(parseAllDocuments(text).map((d) => d.toJS())).toEqual(asJson(objects));
  }, 60_000);
});
