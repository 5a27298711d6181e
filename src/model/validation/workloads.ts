/**
 * ValidateDeployment (pkg/apis/apps/validation/validation.go ValidateDeploymentSpec and
 * ValidatePodTemplateSpecForReplicaSet) for the fields the model reads, plus the model's own cap
 * on how many pods it draws for one Deployment.
 */
import type { Deployment } from '../cluster';
import { invalid, type FieldError } from './fieldError';
import { validateLabels } from './meta';
import { validatePodSpec } from './pod';

/**
 * The model expands every replica into a pod it draws, routes to and writes rules for; past this
 * many per Deployment the picture stops teaching and the page stops answering. The API server
 * allows any int32; this is the explainer's limit, and the refusal says so.
 */
export const MAX_EXPANDED_REPLICAS = 1000;

/** apimachinery's IsNegativeErrorMsg. */
const NEGATIVE = 'must be greater than or equal to 0';

/**
 * The errors for a Deployment already read (replicas known to be an int32: decode.ts refuses the
 * rest). `selectorHasExpressions`: the manifest's selector had matchExpressions, which the model
 * does not read, so an empty matchLabels is not an empty selector.
 */
export function validateDeploymentSpec(d: Deployment, selectorHasExpressions = false): FieldError[] {
  const errs: FieldError[] = [];
  const { spec } = d;
  const matchLabels = spec.selector.matchLabels;
  errs.push(...validateLabels(matchLabels, 'spec.selector.matchLabels'));
  if (Object.keys(matchLabels).length === 0 && !selectorHasExpressions) {
    errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for deployment'));
  }
  const labels = spec.template.metadata.labels;
  if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(spec.template, 'spec.template.spec'));
  if (spec.replicas < 0) errs.push(invalid('spec.replicas', spec.replicas, NEGATIVE));
  else if (spec.replicas > MAX_EXPANDED_REPLICAS) {
    errs.push(invalid('spec.replicas', spec.replicas, `the explainer draws at most ${MAX_EXPANDED_REPLICAS} pods per Deployment`));
  }
  return errs;
}
