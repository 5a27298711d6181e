/**
 * parseManifests: YAML (multi-document) or JSON text → Cluster, with every problem located by
 * document, line and column. Two readers: js-yaml first, about six times faster on a big paste
 * (a 3.5 MB, 7,000-document file: under a second against five), and eemeli/yaml, which keeps every
 * node's position, whenever there is anything to say: a syntax error, an alias, a tag the core
 * schema lacks, or an object the model refuses or warns about. The error-free text both read the
 * same (yamlText.test.ts and the fuzz's round trip check it); every message and position comes
 * from the second. Loaded on demand (not on the first screen).
 */
import { CORE_SCHEMA, constructFromEvents, parseEvents, type Event } from 'js-yaml';
import { LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { clusterFromObjects, type ManifestResult } from './fromObjects';
import { documentRoots, lineColumns, offsetOf } from './eventLocator';
import type { ManifestIssue } from './issues';
import { MAX_ALIAS_COUNT, MAX_MANIFEST_CHARS, MAX_NESTING, tooDeepAt } from './limits';

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

/** The YAML library's alias errors, said plainly. */
function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/excessive alias count/i.test(text)) return `YAML aliases expand past ${MAX_ALIAS_COUNT} nodes (an alias bomb); the explainer refuses them`;
  return text.split('\n')[0]!;
}

/** Where the document's first alias is, for the error. */
function aliasPosition(doc: Document, lineCounter: LineCounter): { line: number; column: number } | undefined {
  let at: number | undefined;
  visit(doc, { Alias(_, node) { at = node.range?.[0]; return visit.BREAK; } });
  if (at === undefined) return undefined;
  const pos = lineCounter.linePos(at);
  return { line: pos.line, column: pos.col };
}

/** The issue's place as YAML keys: the List item it is in (if any), then its field. */
function issuePath(issue: ManifestIssue): [base: (string | number)[], path: (string | number)[]] {
  const base: (string | number)[] = issue.item !== undefined ? ['items', issue.item] : [];
  const segments = issue.field ? pathSegments(issue.field) : [];
  // Field names in errors use the API's spelling; the quirky `LoadBalancerSourceRanges` is the
  // YAML's `loadBalancerSourceRanges`.
  return [base, segments.map((s) => (s === 'LoadBalancerSourceRanges' ? 'loadBalancerSourceRanges' : s))];
}

/** Finds the YAML node for the field (or its closest existing parent) and its line/column. */
function locate(doc: Document, lineCounter: LineCounter, issue: ManifestIssue): void {
  const [base, yamlSegments] = issuePath(issue);
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

/** A JSON array at the top is taken as a list of objects. */
function asObjects(values: unknown[]): unknown[] {
  return values.length === 1 && Array.isArray(values[0]) ? [{ kind: 'List', apiVersion: 'v1', items: values[0] }] : values;
}

/**
 * Text the two readers would read differently although both accept it: a `%YAML 1.1` directive
 * (eemeli/yaml then switches schema), an empty or null key (eemeli/yaml makes it "", js-yaml
 * "null") and a number too large for a double (Infinity against the text). Such text takes the
 * locating reader; differential.test.ts holds the two to the same clusters. Linear in the text: no
 * part can rescan a run of blanks (an empty key is a blank then `:`, so its blanks need no `[ \t]*`).
 */
const READ_DIFFERENTLY = /^%|(^|[\s{,?-])((null|Null|NULL|~)[ \t]*)?:([\s,}]|$)|(^|[\s:[,-])[-+]?[0-9.]+[eE]\+?[0-9]{3}([\s,\]}]|$)/m;

/**
 * The fast reader's values, or undefined where it cannot stand in for eemeli/yaml: a syntax error
 * (said, with its place, by the locating reader), an alias (eemeli/yaml counts their expansion;
 * `maxAliases: 0` makes js-yaml throw at the first), a tag outside the YAML 1.2 core schema, or
 * text in READ_DIFFERENTLY.
 */
function readQuickly(text: string): { events: Event[]; values: unknown[] } | undefined {
  if (READ_DIFFERENTLY.test(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth: MAX_NESTING + 1 });
    return { events, values: constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 }) };
  } catch {
    return undefined;
  }
}

/** Each issue's line and column, found in the fast reader's events (eventLocator.ts). */
function locateInEvents(text: string, events: readonly Event[], result: ManifestResult): void {
  const roots = documentRoots(events);
  const at = lineColumns(text);
  for (const issue of [...result.errors, ...result.warnings]) {
    if (issue.line !== undefined || issue.document < 0) continue;
    const offset = offsetOf(text, events, roots[issue.document], ...issuePath(issue));
    if (offset === undefined) continue;
    const { line, column } = at(offset);
    issue.line = line;
    issue.column = column;
  }
}

export interface ReadOptions {
  /**
   * Objects read before the text's own, as `kubectl apply` reads a text onto a running cluster
   * (merge.ts): given the text's documents, returns them. Issues about them have document -1.
   */
  before?: (documents: readonly unknown[]) => readonly unknown[];
}

/** clusterFromObjects over `options.before`'s objects and then the text's, issues numbered by the text's documents. */
function readObjects(documents: unknown[], options: ReadOptions): ManifestResult {
  const before = options.before?.(documents) ?? [];
  const result = clusterFromObjects(before.length ? [...before, ...documents] : documents);
  if (before.length) {
    for (const issue of [...result.errors, ...result.warnings]) issue.document = issue.document < before.length ? -1 : issue.document - before.length;
  }
  return result;
}

/** A refusal of the whole text, before any document is read: the cluster is what `before` gives alone. */
function refusedWhole(options: ReadOptions, message: string, at?: { line: number; column: number }): ManifestResult {
  return { cluster: readObjects([], options).cluster, errors: [{ severity: 'error', document: 0, message, ...(at ?? {}) }], warnings: [], kept: [] };
}

/** Reads manifests; never throws. Objects with errors are left out of the cluster. */
export function parseManifests(text: string, options: ReadOptions = {}): ManifestResult {
  if (text.length > MAX_MANIFEST_CHARS) {
    return refusedWhole(options, `the manifests are ${(text.length / 1048576).toFixed(1)} MB; the explainer reads at most ${MAX_MANIFEST_CHARS / 1048576} MB at once`);
  }
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = 0; i < deep; i++) if (text.charCodeAt(i) === 10) lineCounter.addNewLine(i + 1);
    const pos = lineCounter.linePos(deep);
    return refusedWhole(options, `the manifests nest deeper than ${MAX_NESTING} levels; the explainer reads no deeper`, { line: pos.line, column: pos.col });
  }
  const quick = readQuickly(text);
  if (!quick) return readLocated(text, lineCounter, options);
  const result = readObjects(asObjects(quick.values), options);
  locateInEvents(text, quick.events, result);
  return result;
}

function locateAll(docs: Document[], lineCounter: LineCounter, result: ManifestResult): void {
  for (const issue of [...result.errors, ...result.warnings]) {
    const doc = docs[issue.document];
    if (doc && issue.line === undefined) locate(doc, lineCounter, issue);
  }
}

/** The locating reader alone (eemeli/yaml): every issue with its document, line and column. */
export function readLocated(text: string, lineCounter = new LineCounter(), options: ReadOptions = {}): ManifestResult {
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
    try {
      // An alias bomb or an alias with no anchor before it throws here (ReferenceError).
      values.push(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (error) {
      const at = aliasPosition(doc, lineCounter);
      syntax.push({ severity: 'error', document, message: aliasMessage(error), ...(at ?? {}) });
      values.push(undefined);
    }
  });
  const result = readObjects(asObjects(values), options);
  locateAll(list, lineCounter, result);
  return { ...result, errors: [...syntax, ...result.errors] };
}
