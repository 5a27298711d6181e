/**
 * CronJob (batch/v1): pkg/controller/cronjob/cronjob_controllerv2.go creates a Job only when the
 * schedule next fires, and that Job makes the pods. Applied to a fresh cluster a CronJob has
 * created nothing yet, so the model keeps it and makes no pods (it invents no past runs).
 * Validation: pkg/apis/batch/validation ValidateCronJobSpec for what is read here: the schedule
 * is required and must parse as robfig/cron's standard five fields or a descriptor, and the job
 * template follows ValidateJobSpec.
 */
import { invalid, required, type FieldError } from '../../validation/fieldError';
import type { Json } from '../../validation/coerce';
import { validateObjectMeta } from '../../validation/meta';
import { isDNS1123Subdomain } from '../../validation/names';
import { validateJobSpec } from './job';
import { keep, readWorkloadMeta, rec, str, type Workload } from './workload';

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** cron.ParseStandard's first checks (the field count, a known descriptor), or undefined. */
export function scheduleProblem(schedule: string): string | undefined {
  // CRON_TZ= / TZ= prefixes are forbidden in spec.schedule since 1.27 (use spec.timeZone).
  if (/^\s*(CRON_)?TZ=/.test(schedule)) return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@')) {
    if (DESCRIPTORS.includes(trimmed) || /^@every \S+$/.test(trimmed)) return undefined;
    return `unrecognized descriptor: ${trimmed}`;
  }
  const fields = trimmed.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  return undefined;
}

export function readCronJob(obj: Json): { workload: Workload; errors: FieldError[] } {
  const meta = readWorkloadMeta(obj.metadata);
  const spec = rec(obj.spec);
  const errors = validateObjectMeta(meta, true, isDNS1123Subdomain);
  const schedule = str(spec.schedule);
  if (!schedule) errors.push(required('spec.schedule'));
  else {
    const problem = scheduleProblem(schedule);
    if (problem) errors.push(invalid('spec.schedule', schedule, problem));
  }
  errors.push(...validateJobSpec(rec(rec(spec.jobTemplate).spec), 'spec.jobTemplate.spec'));
  const workload: Workload = { kind: 'CronJob', meta, kept: keep(obj), owns: () => false, expand: () => [] };
  return { workload, errors };
}
