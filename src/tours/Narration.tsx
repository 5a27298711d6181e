/** A paragraph of tour narration: text between backticks is set as code (addresses, fields). */
export function Narration({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <p className="mt-2 first:mt-0">
      {parts.map((part, i) => (i % 2 === 1
        ? <code key={i} className="rounded [overflow-wrap:anywhere] bg-slate-100 px-1 font-mono text-[0.8125rem] text-slate-900 dark:bg-slate-800 dark:text-slate-100">{part}</code>
        : part))}
    </p>
  );
}
