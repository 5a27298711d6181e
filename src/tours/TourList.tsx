import { useEffect, useId, useRef } from 'react';
import { primaryButton, secondaryButton } from '../panels/controls';
import { ModalDialog } from '../panels/ModalDialog';
import type { TourProgress } from './progress';
import { TOUR_TEXT } from './text';
import type { Tour } from './types';

/**
 * The list of tours in a native modal <dialog> (focus trap, Escape, inert page for free). A tour
 * left half-way offers "Resume at step n" and "Start over"; progress is read each time it opens.
 */
export function TourList({ open, onClose, tours, progressOf, onStart, activeId }: {
  open: boolean;
  onClose: () => void;
  tours: readonly Tour[];
  progressOf: (id: string) => TourProgress;
  onStart: (id: string, resume: boolean) => void;
  /** The tour running now, if any (it shows where it is). */
  activeId: string | undefined;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  /** Prefix for each tour's title id. */
  const idPrefix = useId();
  // Read on every render while open (a few bytes of localStorage), so it is never stale.
  const progress: Record<string, TourProgress> = open ? Object.fromEntries(tours.map((t) => [t.id, progressOf(t.id)])) : {};

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // A tour left half-way first, else the first tour's main button; not the dialog's Close (the native default).
      (el.querySelector<HTMLButtonElement>('[data-tour-resume]') ?? el.querySelector<HTMLButtonElement>('[data-tour-action]'))?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  return (
    <ModalDialog dialogRef={dialog} heading={TOUR_TEXT.listHeading} intro={TOUR_TEXT.listIntro} closeLabel={TOUR_TEXT.close} onClose={onClose} width="48rem">
      <ul className="grid gap-2 overflow-y-auto px-5 py-4" aria-label={TOUR_TEXT.listHeading}>
        {tours.map((tour) => {
          const saved = tour.id === activeId ? undefined : progress[tour.id];
          const step = saved?.step !== undefined ? Math.min(saved.step, tour.steps.length - 1) + 1 : undefined;
          const titleId = `${idPrefix}-${tour.id}`;
          return (
            <li key={tour.id} aria-labelledby={titleId} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <div className="min-w-0 flex-1 basis-64">
                <h3 id={titleId} className="font-semibold">{tour.title}</h3>
                <p className="mt-0.5 text-sm italic text-slate-600 dark:text-slate-300">“{tour.question}”</p>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {TOUR_TEXT.steps(tour.steps.length)}
                  {step !== undefined && <> · {TOUR_TEXT.inProgress(step, tour.steps.length)}</>}
                  {saved?.done && step === undefined && <> · <span className="font-medium text-emerald-700 dark:text-emerald-400">{TOUR_TEXT.completed}</span></>}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                {step !== undefined ? (
                  <>
                    <button type="button" data-tour-action data-tour-resume className={primaryButton} aria-describedby={titleId} onClick={() => onStart(tour.id, true)}>
                      {TOUR_TEXT.resume(step)}
                    </button>
                    <button type="button" className={secondaryButton} aria-describedby={titleId} onClick={() => onStart(tour.id, false)}>
                      {TOUR_TEXT.startOver}
                    </button>
                  </>
                ) : (
                  <button type="button" data-tour-action className={saved?.done ? secondaryButton : primaryButton} aria-describedby={titleId} onClick={() => onStart(tour.id, false)}>
                    {saved?.done ? TOUR_TEXT.startAgain : TOUR_TEXT.start}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </ModalDialog>
  );
}
