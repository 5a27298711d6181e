import type { ManifestIssue } from '../../model/manifests/issues';
import type { Problem } from './YamlEditor';

/** Where an issue points, as people read it: `line 4, column 7`, or the document and field. */
export function issueLocation(issue: ManifestIssue): string {
  const at = issue.line !== undefined ? `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''}` : `document ${issue.document + 1}${issue.item !== undefined ? `, item ${issue.item + 1}` : ''}`;
  return issue.field ? `${at} · ${issue.field}` : at;
}

/** Issues that know their line become editor marks; the others are only listed. */
export function editorProblems(issues: readonly ManifestIssue[]): Problem[] {
  return issues
    .filter((i) => i.line !== undefined)
    .map((i) => ({ line: i.line!, column: i.column ?? 1, message: i.message, severity: i.severity }));
}

/** The largest paste or file the YAML panel reads: a real cluster dump of a few thousand objects fits. */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

export function tooLarge(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes <= MAX_MANIFEST_BYTES) return undefined;
  return `This is ${(bytes / 1024 / 1024).toFixed(1)} MB; the YAML panel reads at most ${MAX_MANIFEST_BYTES / 1024 / 1024} MB. Nothing was changed.`;
}
