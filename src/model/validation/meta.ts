/** ValidateObjectMeta (apimachinery/pkg/api/validation/objectmeta.go) for the fields we model. */
import type { Labels } from '../cluster';
import { invalid, required, type FieldError } from './fieldError';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names';

/** ValidateLabels: keys are qualified names, values label values; the path is not keyed. */
export function validateLabels(labels: Labels, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    errs.push(...isQualifiedName(key).map((m) => invalid(path, key, m)));
    errs.push(...isValidLabelValue(value).map((m) => invalid(path, value, m)));
  }
  return errs;
}

/** Name (by the kind's rule), namespace (a DNS-1123 label) and labels. */
export function validateObjectMeta(
  meta: { name: string; namespace?: string; labels?: Labels },
  requiresNamespace: boolean,
  nameRule: (name: string) => string[],
): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
  else errs.push(...nameRule(meta.name).map((m) => invalid('metadata.name', meta.name, m)));
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required('metadata.namespace'));
    else errs.push(...isDNS1123Label(meta.namespace).map((m) => invalid('metadata.namespace', meta.namespace, m)));
  }
  if (meta.labels) errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  return errs;
}
