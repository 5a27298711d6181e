import { lazy, Suspense, useRef, useState } from 'react';
import { secondaryButton } from '../panels/controls';
import { TOUR_TEXT } from './text';

/** The tour list, card, engine and every tour's text: loaded on the first press, never on the first screen. */
const ToursRoot = lazy(() => import('./ToursRoot'));

/**
 * The header's "Tours" button. Each press asks the (lazily loaded) tour UI to open its list; the UI
 * stays mounted afterwards so a running tour's card survives the list closing.
 */
export function ToursButton() {
  const opener = useRef<HTMLButtonElement>(null);
  const [openRequests, setOpenRequests] = useState(0);
  return (
    <>
      <button ref={opener} type="button" className={secondaryButton} aria-haspopup="dialog" onClick={() => setOpenRequests((n) => n + 1)}>
        {TOUR_TEXT.open}
      </button>
      {openRequests > 0 && (
        <Suspense fallback={null}>
          <ToursRoot openRequests={openRequests} opener={opener} />
        </Suspense>
      )}
    </>
  );
}
