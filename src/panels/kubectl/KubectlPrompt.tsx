import { useId, useState } from 'react';
import { inputClass, secondaryButton } from '../controls';
import { moveInHistory } from './commands';

/**
 * `kubectl ▯`: the rest of a command line; Enter runs it, Up/Down recall earlier commands the way
 * a shell does (the line being typed comes back after the newest).
 */
export function KubectlPrompt({ history, onRun }: { history: readonly string[]; onRun: (command: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const [draft, setDraft] = useState('');

  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onRun(text.trim());
        setText('');
        setDraft('');
        setCursor(null);
      }}
    >
      <label htmlFor={id} className="shrink-0 font-mono text-sm text-slate-700 dark:text-slate-300">
        <span aria-hidden="true" className="text-slate-500">$ </span>kubectl<span className="sr-only"> command</span>
      </label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder="get svc -o wide"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        className={inputClass}
        onChange={(e) => {
          setText(e.target.value);
          setCursor(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const next = moveInHistory(history.length, cursor, e.key);
          if (cursor === null && next !== null) setDraft(text);
          setCursor(next);
          setText(next === null ? (cursor === null ? text : draft) : history[next]!);
        }}
      />
      <button type="submit" className={`${secondaryButton} shrink-0 px-2 py-1`}>Run</button>
      <span id={`${id}-hint`} className="sr-only">Enter runs the command; Up and Down recall earlier ones.</span>
    </form>
  );
}
