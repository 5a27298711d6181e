import { useEffect, useId, useRef, useState } from 'react';
import { primaryButton, secondaryButton } from '../panels/controls';
import type { TourView } from './engine';
import { Narration } from './Narration';
import { TOUR_TEXT } from './text';
import { useFitBesideCard } from './useFitBesideCard';
import { useWideScreen } from '../panels/useWideScreen';

const small = 'rounded px-2 py-1 text-xs font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#326ce5]';

/** Marks the step's elements on the canvas with one style rule (a dashed ring, apart from the hop's own highlight). */
function StepHighlight({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  const selector = ids.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"] > *`).join(',');
  return <style>{`${selector} { box-shadow: 0 0 0 3px var(--tour-ring, #d97706); border-radius: 8px; }`}</style>;
}

/**
 * The running tour, docked over the canvas's top-left corner (on a narrow screen along its bottom
 * edge, at most half its height, so the diagram stays in view above it): title, "Step n of m", the narration,
 * the try-it (with "Do it for me"), Back / Next / Skip tour. A non-modal dialog: the canvas and
 * panels stay usable while it is open. Step changes are announced politely; Escape skips.
 */
export function TourCard({ view, floating, onBack, onNext, onDoIt, onSkip, onFinish }: {
  view: TourView;
  /** True when no canvas was found to dock on (the card then floats over the page). */
  floating: boolean;
  onBack: () => void;
  onNext: () => void;
  onDoIt: () => void;
  onSkip: () => void;
  onFinish: () => void;
}) {
  const card = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const hintId = useId();
  const [collapsed, setCollapsed] = useState(false);
  const { tour, index, total, step } = view;
  const wide = useWideScreen();
  useFitBesideCard(card, !floating && !collapsed, wide ? 'left' : 'bottom');

  // Focus lands on the card when a tour opens (the list that started it has just closed).
  useEffect(() => {
    card.current?.focus();
  }, [tour]);

  // Polite announcements: the step on arrival, and the moment a try-it is done.
  const announcement = view.busy ? TOUR_TEXT.loading
    : view.hint !== undefined && !view.waiting ? `${TOUR_TEXT.announce(index + 1, total, step.title)} ${TOUR_TEXT.announceDone}`
      : TOUR_TEXT.announce(index + 1, total, step.title);

  const nextLabel = view.isLast ? TOUR_TEXT.finish : TOUR_TEXT.next;
  const position = wide
    ? `${floating ? 'fixed left-4 top-16' : 'absolute left-3 top-3'} max-h-[calc(100%-1.5rem)] w-[20rem] max-w-[calc(100%-1.5rem)]`
    : floating ? 'fixed inset-x-2 bottom-2 max-h-[50vh]' : 'absolute inset-x-2 bottom-2 max-h-[calc(50%-0.5rem)]';

  return (
    <div
      ref={card}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={collapsed ? undefined : bodyId}
      tabIndex={-1}
      data-testid="tour-card"
      onKeyDown={(e) => {
        // The app's shortcuts (Delete, Ctrl+Z) are not meant for the card's buttons.
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onSkip();
        }
      }}
      className={`${position} z-20 flex flex-col rounded-lg border border-slate-300 bg-white/95 text-[13px] text-slate-900 shadow-xl backdrop-blur focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] dark:border-slate-600 dark:bg-slate-900/95 dark:text-slate-100`}
    >
      <StepHighlight ids={view.highlight} />
      <div className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <div className="min-w-0 flex-1">
          <p className="text-[11px] font-semibold uppercase tracking-wide text-[#2456c4] dark:text-[#8fb0ff]">
            {TOUR_TEXT.cardLabel} · {TOUR_TEXT.stepOf(index + 1, total)}
          </p>
          <h2 id={titleId} className="text-sm font-semibold leading-snug">{tour.title}</h2>
        </div>
        <button type="button" className={`${small} text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800`}
          aria-expanded={!collapsed} aria-controls={bodyId} aria-label={collapsed ? TOUR_TEXT.show : TOUR_TEXT.hide} title={collapsed ? TOUR_TEXT.show : TOUR_TEXT.hide}
          onClick={() => setCollapsed((c) => !c)}>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
      </div>
      <div className="h-1 bg-slate-100 dark:bg-slate-800" aria-hidden="true">
        <div className="h-1 bg-[#2456c4] transition-[width] motion-reduce:transition-none dark:bg-[#8fb0ff]" style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>
      <div id={bodyId} hidden={collapsed} className="max-h-[min(22rem,60vh)] min-h-0 shrink overflow-y-auto px-3 py-2 leading-normal">
        <h3 className="font-semibold">{step.title}</h3>
        <div className="mt-1 text-slate-800 dark:text-slate-200">
          {view.narration.map((p, i) => <Narration key={i} text={p} />)}
        </div>
        {view.hint !== undefined && (
          <div className={`mt-3 rounded-md border p-2 ${view.waiting ? 'border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/60' : 'border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/60'}`}>
            <p id={hintId}><strong>{TOUR_TEXT.tryIt}</strong> {view.hint}</p>
            <div className="mt-1 flex items-center gap-2">
              <p className="flex-1 text-xs font-medium">{view.waiting ? TOUR_TEXT.waiting : TOUR_TEXT.done}</p>
              {view.waiting && (
                <button type="button" className={`${small} border border-slate-300 bg-white hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800`} onClick={onDoIt}>
                  {TOUR_TEXT.doItForMe}
                </button>
              )}
            </div>
          </div>
        )}
        {view.error && <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">{view.error}</p>}
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {TOUR_TEXT.docs}{' '}
          <a href={tour.docs.url} target="_blank" rel="noreferrer" className="underline hover:no-underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5]">{tour.docs.title}</a>
        </p>
      </div>
      <div className="flex items-center gap-2 border-t border-slate-200 px-3 py-2 dark:border-slate-700">
        <button type="button" className={`${small} text-slate-700 underline hover:no-underline dark:text-slate-300`} onClick={onSkip}>{TOUR_TEXT.skip}</button>
        <span className="flex-1" />
        <button type="button" className={`${secondaryButton} !px-2.5 !py-1 aria-disabled:cursor-not-allowed aria-disabled:opacity-50`}
          aria-disabled={!view.canBack} onClick={() => view.canBack && onBack()}>
          {TOUR_TEXT.back}
        </button>
        <button type="button" className={`${primaryButton} !px-3 !py-1 aria-disabled:cursor-not-allowed aria-disabled:opacity-50`}
          // aria-disabled, not disabled: the button keeps focus while a try-it waits.
          aria-disabled={!view.canNext}
          aria-describedby={view.waiting ? hintId : undefined}
          onClick={() => {
            if (!view.canNext) return;
            if (view.isLast) onFinish();
            else onNext();
          }}>
          {nextLabel}
        </button>
      </div>
      <p aria-live="polite" className="sr-only">{announcement}</p>
    </div>
  );
}
