import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { useHeaderMenu } from '../panels/headerMenu';
import { TOURS } from './catalog';
import { createTourEngine } from './engine';
import { browserStorage } from './progress';
import { TourCard } from './TourCard';
import { TourList } from './TourList';

/** Where the card docks: the canvas's own box in this app instance (the header's sibling), else the page. */
function canvasHost(opener: HTMLElement | null): HTMLElement {
  const flow = opener?.closest('header')?.parentElement?.querySelector('.react-flow');
  return flow?.parentElement ?? document.body;
}

/**
 * The tour UI, loaded on demand: one engine for this app instance, the list of tours (a modal
 * dialog) and, while a tour runs, its card docked over the canvas's corner.
 */
export default function ToursRoot({ openRequests, opener }: { openRequests: number; opener: React.RefObject<HTMLButtonElement | null> }) {
  const store = useAppStoreApi();
  const [engine] = useState(() => createTourEngine({ store, tours: TOURS, storage: browserStorage() }));
  useEffect(() => () => engine.destroy(), [engine]);
  const view = useSyncExternalStore(engine.subscribe, engine.getView);
  // Every press of the header button opens the list (the first one also loaded this module); closing
  // it remembers which press it answered.
  const [answered, setAnswered] = useState(0);
  const listOpen = openRequests > answered;
  const closeList = () => setAnswered(openRequests);
  const [host, setHost] = useState<HTMLElement | null>(null);
  // The header's folded menu (phones), which holds the Tours button there.
  const menu = useHeaderMenu();
  /** Set while a start closes the list: the card takes focus then, not the menu's toggle. */
  const starting = useRef(false);

  const onListClose = () => {
    closeList();
    if (!starting.current) menu?.close(true);
    starting.current = false;
  };

  const start = (id: string, resume: boolean) => {
    starting.current = true;
    // The card docks on the canvas: the menu folds so nothing sits over the diagram.
    menu?.close(false);
    closeList();
    setHost(canvasHost(opener.current));
    void engine.start(id, { resume });
  };

  const leave = (how: 'skip' | 'finish') => {
    if (how === 'skip') engine.skip();
    else engine.finish();
    // The Tours button is hidden in a folded menu: focus its toggle instead.
    if (menu) menu.close(true);
    else opener.current?.focus();
  };

  return (
    <>
      <TourList open={listOpen} onClose={onListClose} tours={TOURS} progressOf={engine.progressOf} onStart={start} activeId={view?.tour.id} />
      {view && host && createPortal(
        <TourCard view={view} floating={host === document.body} onBack={() => void engine.back()} onNext={() => void engine.next()}
          onDoIt={engine.doItForMe} onSkip={() => leave('skip')} onFinish={() => leave('finish')} />,
        host,
      )}
    </>
  );
}
