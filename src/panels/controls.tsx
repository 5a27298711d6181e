import { useId, type ReactNode } from 'react';
import type { EditError } from '../model/edits';

export const inputClass =
  'nodrag w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400';

/** The errors that name this field path (or a path below it). */
export function errorsFor(errors: readonly EditError[], field: string): EditError[] {
  return errors.filter((e) => e.field === field || e.field?.startsWith(`${field}.`) || e.field?.startsWith(`${field}[`));
}

/** A labelled control with its field errors wired to it for screen readers. */
export function Field({ label, field, errors, hint, children }: {
  label: string;
  field: string;
  errors: readonly EditError[];
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const mine = errorsFor(errors, field);
  const described = [hint && `${id}-hint`, mine.length > 0 && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label} <span className="block truncate font-mono text-[11px] font-normal text-slate-500 dark:text-slate-400" title={field}>{field}</span>
      </label>
      <div className="mt-1">{children({ id, 'aria-invalid': mine.length > 0, ...(described ? { 'aria-describedby': described } : {}) })}</div>
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      {mine.length > 0 && (
        <p id={`${id}-err`} className="mt-1 text-xs text-red-700 dark:text-red-300">{mine.map((e) => e.message).join(' · ')}</p>
      )}
    </div>
  );
}

/** Every error of a refused edit, first in the form, announced to screen readers. */
export function ErrorSummary({ errors }: { errors: readonly EditError[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-xs text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <p className="font-semibold">The API server would refuse this; nothing was changed:</p>
      <ul className="mt-1 list-disc pl-4">
        {errors.map((e, i) => <li key={i} className="font-mono">{e.message}</li>)}
      </ul>
    </div>
  );
}

export function PanelSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

export const buttonClass =
  'rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#326ce5] disabled:opacity-50';
export const primaryButton = `${buttonClass} bg-[#2456c4] text-white hover:bg-[#1d4aa8]`;
export const secondaryButton = `${buttonClass} border border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800`;
