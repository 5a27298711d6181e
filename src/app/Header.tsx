import { AboutButton } from '../panels/AboutButton';
import { Palette } from '../panels/Palette';
import { ScenarioPicker } from '../panels/ScenarioPicker';
import { ToursButton } from '../panels/tours/ToursButton';
import { Toolbar } from './Toolbar';

/** The top bar: the product's name, what it is for, and the edit toolbar. */
export function Header() {
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 1.8 21.2 6.2 23.5 16.1 17.1 24H6.9L.5 16.1 2.8 6.2z" fill="#326ce5" transform="scale(.92) translate(1 0)" />
        <circle cx="12" cy="12" r="3.2" fill="none" stroke="#fff" strokeWidth="1.8" />
      </svg>
      <h1 className="text-base font-semibold tracking-tight">Service Explainer</h1>
      <p className="hidden text-sm text-slate-600 md:block dark:text-slate-300">
        How a Kubernetes Service gets a request from the client to a pod
      </p>
      <div className="ml-auto flex items-center gap-2">
        <ScenarioPicker />
        <ToursButton />
        <Palette />
        <Toolbar />
        <AboutButton />
      </div>
    </header>
  );
}
