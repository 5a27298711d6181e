import { useRef, useState } from 'react';
import { TEMPLATES, type Template } from '../model/templateList';
import { emptyCluster } from '../model/scenarios/emptyCluster';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { secondaryButton } from './controls';
import { useHeaderMenu } from './headerMenu';

/**
 * "Add": a disclosure listing every kind the canvas can hold. New objects get the model's names
 * and addresses; a refusal (rare: e.g. the node-port range is full) is said, not swallowed.
 */
export function Palette() {
  const store = useAppStoreApi();
  const details = useRef<HTMLDetailsElement>(null);
  const [problem, setProblem] = useState('');
  const menu = useHeaderMenu();

  // The builder (with the manifest round trip) is not on the first screen: it starts loading when
  // the menu opens, and a choice waits for it.
  const builder = () => import('../model/templates');

  const add = async (template: Template) => {
    // Closed at once, so the menu never sits open on a choice already made; reopened to say a refusal.
    if (details.current) details.current.open = false;
    const { addFromTemplate } = await builder();
    const errors = store.getState().applyEdit((c) => addFromTemplate(c, template));
    setProblem(errors.map((e) => e.message).join('; '));
    if (errors.length > 0 && details.current) details.current.open = true;
    // From the folded header menu (phones): fold it, so the new object is in view.
    else menu?.close(true);
  };

  return (
    <details ref={details} className="relative" onToggle={(e) => e.currentTarget.open && void builder()}>
      <summary className={`${secondaryButton} cursor-pointer list-none max-md:text-center`}>Add…</summary>
      <div
        role="group"
        aria-label="Add to the cluster"
        className="absolute left-0 z-20 mt-1 flex w-60 md:left-auto md:right-0 flex-col rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {TEMPLATES.map((t) => (
          <button
            key={t.id}
            type="button"
            onClick={() => void add(t.id)}
            className="rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] dark:hover:bg-slate-800"
          >
            {t.label}
          </button>
        ))}
        <hr className="my-1 border-slate-200 dark:border-slate-700" />
        <button
          type="button"
          onClick={() => {
            // Undoable like any other change: Ctrl+Z brings the old cluster back.
            store.getState().loadCluster(emptyCluster());
            if (details.current) details.current.open = false;
            menu?.close(true);
          }}
          className="rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5] dark:hover:bg-slate-800"
        >
          Start from an empty cluster
        </button>
        {problem && <p role="alert" className="px-2 py-1 text-xs text-red-700 dark:text-red-300">{problem}</p>}
      </div>
    </details>
  );
}
