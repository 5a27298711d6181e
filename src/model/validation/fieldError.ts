/**
 * Field errors shaped like the API server's (k8s.io/apimachinery/pkg/util/validation/field):
 * a dotted field path with indices, an error type, the bad value and a detail message.
 */

/** field.ErrorType, as its String() prints it. */
export type FieldErrorType = 'Required' | 'Invalid' | 'Duplicate' | 'NotSupported' | 'Forbidden' | 'TooLong' | 'TooMany' | 'Internal';

export interface FieldError {
  /** e.g. `spec.ports[0].nodePort`, `metadata.name`. */
  field: string;
  type: FieldErrorType;
  /** The detail (field.Error.Detail). For NotSupported: `supported values: "A", "B"`. */
  message: string;
  /** The offending value, when the API server reports one. */
  value?: unknown;
}

export const required = (field: string, message = ''): FieldError => ({ field, type: 'Required', message });
export const forbidden = (field: string, message: string): FieldError => ({ field, type: 'Forbidden', message });
export const invalid = (field: string, value: unknown, message: string): FieldError => ({ field, type: 'Invalid', message, value });
export const duplicate = (field: string, value: unknown): FieldError => ({ field, type: 'Duplicate', message: '', value });

/** field.NotSupported: the detail lists the supported values quoted, in the order given. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { field, type: 'NotSupported', value, message: `supported values: ${supported.map((v) => `"${v}"`).join(', ')}` };
}

/** How field.ErrorType.String() names each type in messages. */
const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Duplicate: 'Duplicate value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
  Internal: 'Internal error',
};

/** Go's %#v-ish rendering of the values field.Error prints (strings quoted, numbers bare). */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[]string{${value.map((v) => JSON.stringify(String(v))).join(', ')}}`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One error as `kubectl` shows it, following field.Error.Error():
 * `spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated`.
 * Required, Forbidden and TooLong carry no value.
 */
export function formatFieldError(error: FieldError): string {
  if (error.type === 'Internal') return `Internal error occurred: ${error.message}`;
  const head = `${error.field}: ${TYPE_TEXT[error.type]}`;
  const withValue = error.type === 'Required' || error.type === 'Forbidden' || error.type === 'TooLong'
    ? head
    : `${head}: ${formatValue(error.value)}`;
  return error.message ? `${withValue}: ${error.message}` : withValue;
}

/**
 * The whole rejection as kubectl prints it (StatusError from errors.NewInvalid):
 * `The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: …`; several errors are
 * listed as `* …` lines after `The Service "web" is invalid: `.
 */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const prefix = `The ${kind} "${name}" is invalid: `;
  if (errors.length === 1) return prefix + formatFieldError(errors[0]!);
  return `${prefix}\n${errors.map((e) => `* ${formatFieldError(e)}`).join('\n')}`;
}
