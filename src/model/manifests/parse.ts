/**
 * parseManifests: YAML (multi-document) or JSON text → Cluster, with every problem located by
 * document, line and column. Uses eemeli/yaml for its positions (LineCounter); loaded on demand.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { clusterFromObjects, type ManifestResult } from './fromObjects';
import type { ManifestIssue } from './issues';

/** `spec.ports[0].nodePort` → ['spec', 'ports', 0, 'nodePort']. */
function pathSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

type Located = { range?: [number, number, number] | null };

/** Finds the YAML node for the field (or its closest existing parent) and its line/column. */
function locate(doc: Document, lineCounter: LineCounter, issue: ManifestIssue): void {
  const base: (string | number)[] = issue.item !== undefined ? ['items', issue.item] : [];
  const segments = issue.field ? pathSegments(issue.field) : [];
  // Field names in errors use the API's spelling; the quirky `LoadBalancerSourceRanges` is the
  // YAML's `loadBalancerSourceRanges`.
  const yamlSegments = segments.map((s) => (s === 'LoadBalancerSourceRanges' ? 'loadBalancerSourceRanges' : s));
  for (let n = yamlSegments.length; n >= 0; n--) {
    const node = (base.length + n === 0 ? doc.contents : doc.getIn([...base, ...yamlSegments.slice(0, n)], true)) as Located | undefined;
    if (node && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      issue.line = pos.line;
      issue.column = pos.col;
      return;
    }
  }
}

/** Reads manifests; never throws. Objects with errors are left out of the cluster. */
export function parseManifests(text: string): ManifestResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax: ManifestIssue[] = [];
  const values: unknown[] = [];
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, document) => {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      syntax.push({ severity: 'error', document, message: error.message.split('\n')[0]!, ...(pos ? { line: pos.line, column: pos.col } : {}) });
    }
    if (doc.errors.length) {
      values.push(undefined);
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    values.push(value);
  });
  // A JSON array at the top is taken as a list of objects.
  const flattened = values.length === 1 && Array.isArray(values[0]) ? [{ kind: 'List', apiVersion: 'v1', items: values[0] }] : values;
  const result = clusterFromObjects(flattened);
  for (const issue of [...result.errors, ...result.warnings]) {
    const doc = list[issue.document];
    if (doc && issue.line === undefined) locate(doc, lineCounter, issue);
  }
  return { cluster: result.cluster, errors: [...syntax, ...result.errors], warnings: result.warnings };
}
