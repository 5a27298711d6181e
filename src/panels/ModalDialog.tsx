import { useId, type ReactNode, type RefObject } from 'react';
import { secondaryButton } from './controls';

/**
 * The app's modal: a native <dialog> (focus trap, Escape and an inert page for free) with a heading,
 * an introduction and a Close button. A click on the backdrop closes it, and keys pressed inside never
 * reach the app's shortcuts (Ctrl+Z must not undo behind it). The owner opens it with showModal().
 */
export function ModalDialog({ dialogRef, heading, intro, closeLabel, onClose, width, children }: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  heading: string;
  intro: string;
  closeLabel: string;
  onClose: () => void;
  /** A Tailwind max width such as `56rem`. */
  width: string;
  children: ReactNode;
}) {
  const headingId = useId();
  const introId = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={headingId}
      aria-describedby={introId}
      onClose={onClose}
      // Clicks on the backdrop land on the dialog element itself (the content fills it).
      onClick={(e) => {
        if (e.target === dialogRef.current) dialogRef.current.close();
      }}
      onKeyDown={(e) => e.stopPropagation()}
      style={{ width: `min(${width}, calc(100vw - 2rem))` }}
      className="m-auto max-h-[85vh] overflow-hidden rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex max-h-[85vh] flex-col">
        <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
          <div className="min-w-0 flex-1">
            <h2 id={headingId} className="text-lg font-semibold">{heading}</h2>
            <p id={introId} className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{intro}</p>
          </div>
          <button type="button" className={secondaryButton} onClick={() => dialogRef.current?.close()}>{closeLabel}</button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
