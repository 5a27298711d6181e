import { useEffect, useId, useRef } from 'react';
import { primaryButton, secondaryButton } from '../controls';
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
  const headingId = useId();
  const introId = useId();
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
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      aria-describedby={introId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current.close();
      }}
      // Keys pressed in here are not the canvas's shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
      className="m-auto max-h-[85vh] w-[min(48rem,calc(100vw-2rem))] overflow-hidden rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex max-h-[85vh] flex-col">
        <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
          <div className="min-w-0 flex-1">
            <h2 id={headingId} className="text-lg font-semibold">{TOUR_TEXT.listHeading}</h2>
            <p id={introId} className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{TOUR_TEXT.listIntro}</p>
          </div>
          <button type="button" className={secondaryButton} onClick={() => dialog.current?.close()}>{TOUR_TEXT.close}</button>
        </div>
        <ul className="grid gap-2 overflow-y-auto px-5 py-4" aria-label={TOUR_TEXT.listHeading}>
          {tours.map((tour) => {
            const saved = tour.id === activeId ? undefined : progress[tour.id];
            const step = saved?.step !== undefined ? Math.min(saved.step, tour.steps.length - 1) + 1 : undefined;
            const titleId = `${headingId}-${tour.id}`;
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
      </div>
    </dialog>
  );
}
