import type { ReactNode } from 'react';

/** A message under the header; dismissible when `onDismiss` is given, else it stays while it is true. */
export function NoticeBar({ tone, children, onDismiss }: { tone: 'info' | 'warning'; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div
      role={tone === 'warning' ? 'alert' : 'status'}
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-2 text-sm ${
        tone === 'warning'
          ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'
          : 'border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100'
      }`}
    >
      {children}
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="ml-auto rounded px-2 py-0.5 underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5]">
          Dismiss
        </button>
      )}
    </div>
  );
}
