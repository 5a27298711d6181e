import { useAppStore } from '../../store/AppStoreProvider';
import type { AppState } from '../../store/createAppStore';
import { buttonClass } from '../controls';
import { describeCommand, pushHistory, QUICK_COMMANDS, quickCommand, type QuickId } from './commands';
import { KubectlOutput } from './KubectlOutput';
import { KubectlPrompt } from './KubectlPrompt';
import { useInstanceState } from './useInstanceState';

const selectDescribe = (s: AppState) => describeCommand(s.selectedId);

/** What is shown: a quick view (which follows the -A toggle) or a command as typed. */
type Current = { quick: QuickId } | { text: string };

const chipClass = `${buttonClass} border px-2 py-1 font-mono text-xs`;
const chipIdle = 'border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';
const chipOn = 'border-[#326ce5] bg-[#326ce5]/10 text-[#1d4aa8] dark:bg-[#326ce5]/25 dark:text-[#b8cdfa]';

/**
 * kubectl's view of the cluster: quick `get`/`describe` commands, a prompt for any other, and the
 * output the model prints, kept live. Rows select their object on the canvas. Lazily loaded by the
 * side panel (default export, no props).
 */
export default function KubectlPanel() {
  const describe = useAppStore(selectDescribe);
  const [current, setCurrent] = useInstanceState<Current>('kubectl:current', { quick: 'svc' });
  const [allNamespaces, setAllNamespaces] = useInstanceState('kubectl:allNamespaces', false);
  const [history, setHistory] = useInstanceState<string[]>('kubectl:history', []);

  const command = 'quick' in current ? quickCommand(current.quick, allNamespaces) : current.text;
  const run = (next: Current, text: string) => {
    setCurrent(next);
    setHistory((h) => pushHistory(h, text));
  };

  return (
    <div className="flex h-full min-h-[24rem] flex-col gap-3 p-3 text-sm">
      <div role="group" aria-label="Quick commands" className="flex flex-wrap items-center gap-1.5">
        {QUICK_COMMANDS.map((q) => {
          const on = 'quick' in current && current.quick === q.id;
          const text = quickCommand(q.id, allNamespaces);
          return (
            <button key={q.id} type="button" aria-pressed={on} className={`${chipClass} ${on ? chipOn : chipIdle}`} onClick={() => run({ quick: q.id }, text)}>
              {text}
            </button>
          );
        })}
        <button
          type="button"
          disabled={!describe}
          aria-pressed={'text' in current && current.text === describe}
          title={describe ? undefined : 'Select a Service on the canvas to describe it'}
          className={`${chipClass} ${'text' in current && current.text === describe ? chipOn : chipIdle}`}
          onClick={() => describe && run({ text: describe }, describe)}
        >
          {describe ?? 'describe svc …'}
        </button>
        <label className="ml-1 flex items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            checked={allNamespaces}
            onChange={(e) => setAllNamespaces(e.target.checked)}
            className="accent-[#2456c4] focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#326ce5]"
          />
          All namespaces <code className="font-mono">-A</code>
        </label>
      </div>
      {!describe && <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400">Select a Service on the canvas to describe it.</p>}
      <KubectlPrompt history={history} onRun={(text) => run({ text }, text)} />
      <KubectlOutput command={command} />
    </div>
  );
}
