import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { SCENARIOS } from '../model/scenarios/catalog';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { runCommand } from '../store/commands';
import { fetchScenario, showScenarioCommand } from '../store/scenarioCommands';
import { secondaryButton } from './controls';
import { useHeaderMenu } from './headerMenu';
import { ModalDialog } from './ModalDialog';
import { rememberPickerSeen, shouldOpenPickerOnLoad, visitFacts } from './scenarioPickerVisit';

/** All of the picker's own wording, in one place for translation. */
const TEXT = {
  open: 'Scenarios',
  heading: 'Start from a scenario',
  intro: 'Ready-made clusters, each with a request to step through. Loading one replaces the canvas; Undo brings it back.',
  close: 'Close',
  loading: 'Loading…',
  loadingStatus: (title: string) => `Loading “${title}”…`,
  failed: (detail: string) => `This scenario could not be loaded. ${detail}`,
} as const;

/**
 * The "Scenarios" toolbar button and its modal dialog: the catalog's clusters, each with its
 * purpose and the question it answers. Choosing one fetches its manifests and the parser on
 * demand (dynamic import), loads the cluster (undoable) and its suggested request. Opens by
 * itself on a first visit (see scenarioPickerVisit.ts). A native <dialog> gives the focus trap,
 * Escape and the inert background; focus goes back to the button that opened it (or, from the
 * folded header menu, to the menu's toggle). The dialog lives on the page's body, not in the header:
 * on a phone the header's actions are hidden until the menu opens, and the first-visit picker must
 * show anyway.
 */
export function ScenarioPicker() {
  const store = useAppStoreApi();
  const menu = useHeaderMenu();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  /** Whether the toolbar button opened it (then focus returns there on close). */
  const openedByButton = useRef(false);
  /** Bumped on every close, so a load that finishes after the person gave up changes nothing. */
  const generation = useRef(0);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Prefix for the scenario buttons' label ids. */
  const idPrefix = useId();

  /** Opens the dialog with focus on the first scenario (the native default would be Close). */
  const show = () => {
    const el = dialog.current;
    if (!el || el.open) return;
    el.showModal();
    el.querySelector<HTMLButtonElement>('[data-scenario]')?.focus();
  };

  useEffect(() => {
    if (shouldOpenPickerOnLoad(visitFacts())) show();
  }, []);

  const open = () => {
    setError(null);
    openedByButton.current = true;
    show();
  };

  const onClose = () => {
    generation.current += 1;
    setLoading(null);
    setError(null);
    rememberPickerSeen();
    if (openedByButton.current) {
      if (menu) menu.close(true);
      else opener.current?.focus();
    }
    openedByButton.current = false;
  };

  const choose = async (id: string) => {
    const mine = ++generation.current;
    setLoading(id);
    setError(null);
    try {
      const result = await fetchScenario(id);
      if (mine !== generation.current) return;
      if ('error' in result) {
        setError(TEXT.failed(result.error));
        return;
      }
      runCommand(store, showScenarioCommand, 'button', result);
      dialog.current?.close();
    } catch (e) {
      if (mine === generation.current) setError(TEXT.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      if (mine === generation.current) setLoading(null);
    }
  };

  const loadingTitle = SCENARIOS.find((s) => s.id === loading)?.title;

  return (
    <>
      <button ref={opener} type="button" className={secondaryButton} aria-haspopup="dialog" onClick={open}>
        {TEXT.open}
      </button>
      {createPortal(
      <ModalDialog dialogRef={dialog} heading={TEXT.heading} intro={TEXT.intro} closeLabel={TEXT.close} onClose={onClose} width="56rem">
      <div className="overflow-y-auto px-5 py-4">
        {error && (
          <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            {error}
          </p>
        )}
        <p role="status" className="sr-only">{loadingTitle ? TEXT.loadingStatus(loadingTitle) : ''}</p>
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Scenarios" aria-busy={loading !== null}>
          {SCENARIOS.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                data-scenario={s.id}
                // aria-disabled, not disabled: the pressed button keeps focus while it loads.
                aria-disabled={loading !== null}
                aria-labelledby={`${idPrefix}-${s.id}-title`}
                aria-describedby={`${idPrefix}-${s.id}`}
                onClick={() => {
                  if (loading === null) void choose(s.id);
                }}
                className="flex h-full w-full flex-col rounded-md border border-slate-200 p-3 text-left hover:border-[#326ce5] hover:bg-blue-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] aria-disabled:cursor-wait aria-disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                <span className="flex items-baseline gap-2">
                  <span id={`${idPrefix}-${s.id}-title`} className="font-semibold">{s.title}</span>
                  {loading === s.id && <span className="ml-auto shrink-0 text-xs text-slate-600 dark:text-slate-300">{TEXT.loading}</span>}
                </span>
                <span id={`${idPrefix}-${s.id}`} className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{s.purpose}</span>
                {s.question && <span className="mt-1 block text-xs italic text-slate-600 dark:text-slate-400">“{s.question}”</span>}
              </button>
            </li>
          ))}
        </ul>
      </div>
      </ModalDialog>,
      document.body,
      )}
    </>
  );
}
