/**
 * The API server's rules (pkg/apis/core/validation/validation.go) for where a pod may run:
 * ValidatePodSpec's nodeSelector (ValidateLabels), validateTolerations, validateAffinity's required
 * node affinity (ValidateNodeSelector, ValidateNodeSelectorRequirement,
 * validateNodeFieldSelectorRequirement), and ValidateNode's validateNodeTaints.
 */
import type { NodeSelectorRequirement, PodPlacement, Taint } from '../cluster';
import { forbidden, invalid, notSupported, required, type FieldError } from './fieldError';
import { validateLabels } from './meta';
import { isQualifiedName, isValidLabelValue } from './names';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
const OPERATORS = ['Equal', 'Exists'] as const;

const labelName = (key: string, path: string): FieldError[] => isQualifiedName(key).map((m) => invalid(path, key, m));

function validateRequirement(req: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const n = req.values?.length ?? 0;
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (n === 0) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (n > 0) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (n !== 1) errs.push(required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${path}.operator`, req.operator, 'not a valid selector operator'));
  }
  errs.push(...labelName(req.key, `${path}.key`));
  return errs;
}

function validateFieldRequirement(req: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (req.operator === 'In' || req.operator === 'NotIn') {
    if ((req.values?.length ?? 0) !== 1) errs.push(required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else errs.push(invalid(`${path}.operator`, req.operator, 'not a valid selector operator'));
  if (req.key !== 'metadata.name') errs.push(notSupported(`${path}.key`, req.key, ['metadata.name']));
  return errs;
}

/** nodeSelector, tolerations and affinity.nodeAffinity of a pod spec at `path` (`spec`, `spec.template.spec`). */
export function validatePlacement(p: PodPlacement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.nodeSelector) errs.push(...validateLabels(p.nodeSelector, `${path}.nodeSelector`));
  const required_ = p.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required_) {
    const at = `${path}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
    if (required_.nodeSelectorTerms.length === 0) errs.push(required(`${at}.nodeSelectorTerms`, 'must have at least one node selector term'));
    required_.nodeSelectorTerms.forEach((term, i) => {
      (term.matchExpressions ?? []).forEach((r, j) => errs.push(...validateRequirement(r, `${at}.nodeSelectorTerms[${i}].matchExpressions[${j}]`)));
      (term.matchFields ?? []).forEach((r, j) => errs.push(...validateFieldRequirement(r, `${at}.nodeSelectorTerms[${i}].matchFields[${j}]`)));
    });
  }
  (p.tolerations ?? []).forEach((t, i) => {
    const at = `${path}.tolerations[${i}]`;
    if (t.key) errs.push(...labelName(t.key, `${at}.key`));
    if (!t.key && t.operator !== 'Exists') errs.push(invalid(`${at}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') errs.push(invalid(`${at}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (t.operator === undefined || t.operator === 'Equal') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length) errs.push(invalid(`${at}.operator`, t.value, msgs.join(';')));
    } else if (t.operator === 'Exists') {
      if (t.value) errs.push(invalid(`${at}.operator`, t, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(`${at}.operator`, t.operator, OPERATORS));
    if (t.effect && !(EFFECTS as readonly string[]).includes(t.effect)) errs.push(notSupported(`${at}.effect`, t.effect, EFFECTS));
  });
  return errs;
}

/** validateNodeTaints: a qualified key, a label value, a known effect, unique by key and effect. */
export function validateTaints(taints: readonly Taint[], path = 'spec.taints'): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const at = `${path}[${i}]`;
    errs.push(...labelName(t.key, `${at}.key`));
    if (t.value !== undefined) errs.push(...isValidLabelValue(t.value).map((m) => invalid(`${at}.value`, t.value, m)));
    if (!t.effect) errs.push(required(`${at}.effect`));
    else if (!(EFFECTS as readonly string[]).includes(t.effect)) errs.push(notSupported(`${at}.effect`, t.effect, EFFECTS));
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) errs.push(duplicateTaint(at, t));
    seen.add(id);
  });
  return errs;
}

const duplicateTaint = (at: string, t: Taint): FieldError => invalid(at, t, 'taints must be unique by key and effect pair');
