import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { AboutButton } from '../panels/AboutButton';
import { HeaderMenuContext, type HeaderMenu } from '../panels/headerMenu';
import { Palette } from '../panels/Palette';
import { ScenarioPicker } from '../panels/ScenarioPicker';
import { ToursButton } from '../tours/ToursButton';
import { useWideScreen } from '../panels/useWideScreen';
import { Toolbar } from './Toolbar';

/**
 * The top bar: the product's name, what it is for, and the edit toolbar. Below the md breakpoint
 * the actions fold into a disclosure ("Menu"): the same components, mounted once, so a dialog or a
 * running tour they own survives the menu folding. Escape or a press outside folds it again.
 */
export function Header() {
  const wide = useWideScreen();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const folded = !wide;

  const menu = useMemo<HeaderMenu | null>(
    () => (folded ? { close: (focusToggle) => {
      setOpen(false);
      if (focusToggle) toggle.current?.focus();
    } } : null),
    [folded],
  );

  useEffect(() => {
    if (!open || !folded) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Element | null;
      // A dialog opened from the menu is outside it in the page but belongs to it.
      if (!target || toggle.current?.contains(target) || panel.current?.contains(target) || target.closest('dialog')) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, folded]);

  return (
    <header
      className="relative flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 max-md:h-[3.25rem] max-md:px-3 dark:border-slate-800 dark:bg-slate-900"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open || !menu || (e.target as Element).closest('dialog')) return;
        e.stopPropagation();
        menu.close(true);
      }}
    >
      <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" className="shrink-0">
        <path d="M12 1.8 21.2 6.2 23.5 16.1 17.1 24H6.9L.5 16.1 2.8 6.2z" fill="#326ce5" transform="scale(.92) translate(1 0)" />
        <circle cx="12" cy="12" r="3.2" fill="none" stroke="#fff" strokeWidth="1.8" />
      </svg>
      <h1 className="whitespace-nowrap text-base font-semibold tracking-tight">Service Explainer</h1>
      <p className="hidden text-sm text-slate-600 md:block dark:text-slate-300">
        How a Kubernetes Service gets a request from the client to a pod
      </p>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="ml-auto flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#326ce5] md:hidden dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
          {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        Menu
      </button>
      <HeaderMenuContext.Provider value={menu}>
        <div
          ref={panel}
          id={panelId}
          className={`${open ? 'max-md:flex' : 'max-md:hidden'} max-md:absolute max-md:inset-x-0 max-md:top-full max-md:z-[1100] max-md:flex-col max-md:items-stretch max-md:gap-2 max-md:border-b max-md:border-slate-200 max-md:bg-white max-md:p-3 max-md:shadow-lg md:ml-auto md:flex md:items-center md:gap-2 dark:max-md:border-slate-700 dark:max-md:bg-slate-900`}
        >
          <ScenarioPicker />
          <ToursButton />
          <Palette />
          <Toolbar />
          <AboutButton />
        </div>
      </HeaderMenuContext.Provider>
    </header>
  );
}
