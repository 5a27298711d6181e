/** Problems found while reading manifests: data, so the UI can point at the line or field. */
export interface ManifestIssue {
  severity: 'error' | 'warning';
  message: string;
  /** 0-based index of the YAML document (or of the object in the array given). */
  document: number;
  /** Index inside a `kind: List` document's items, when the object came from one. */
  item?: number;
  kind?: string;
  name?: string;
  /** API field path inside the object, e.g. `spec.ports[0].nodePort`. */
  field?: string;
  /** 1-based position in the text, when known (syntax errors, fields located in the YAML). */
  line?: number;
  column?: number;
}

/** Where an object came from, for issues about it. */
export interface Origin {
  document: number;
  item?: number;
}

export function issueAt(origin: Origin, severity: ManifestIssue['severity'], message: string, extra: Partial<ManifestIssue> = {}): ManifestIssue {
  const issue: ManifestIssue = { severity, message, document: origin.document, ...extra };
  if (origin.item !== undefined) issue.item = origin.item;
  return issue;
}
