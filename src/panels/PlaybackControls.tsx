import { useStore } from 'zustand';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { runCommand } from '../store/commands';
import type { Command } from '../store/command';
import { SPEEDS, type Lens } from '../store/playbackSlice';
import { endCommand, playPauseCommand, restartCommand, sendAgainCommand, setLensCommand, setSpeedCommand, stepBackCommand, stepForwardCommand } from '../store/playbackCommands';
import { selectStep, selectTrace } from '../store/selectTrace';

const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
const selectLens = (s: AppState) => s.lens;

const buttonClass =
  'rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-[#326ce5] aria-disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

function CommandButton({ command, children, label }: { command: Command; children: React.ReactNode; label?: string }) {
  const store = useAppStoreApi();
  // Re-evaluated when step, trace or playing change (cheap: once per hop).
  const enabled = useStore(store, () => command.enabled(store));
  return (
    // aria-disabled, not disabled: a button that becomes unavailable under the keyboard keeps focus,
    // so Space and the arrows go on working from it.
    <button type="button" className={buttonClass} aria-disabled={!enabled} onClick={() => runCommand(store, command, 'button')} aria-label={label ?? command.label} title={`${label ?? command.label} (${command.shortcut})`} aria-keyshortcuts={command.shortcut === 'Space' ? 'Space' : command.shortcut === '→' ? 'ArrowRight' : command.shortcut === '←' ? 'ArrowLeft' : command.shortcut}>
      {children}
    </button>
  );
}

/** Media-style glyphs as inline SVG: the system fonts of a docs reader may lack ⏮ and ⏭. */
const Icon = ({ d }: { d: string }) => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="currentColor" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);

/**
 * Play/pause, step, restart, speed and the lens. Keys: Space, ←/→, Home/End while focus is here.
 * `part` splits the buttons from the options (speed, lens, send again) where a narrow screen keeps
 * the buttons in view and the options further down.
 */
export function PlaybackControls({ part = 'all' }: { part?: 'all' | 'buttons' | 'options' }) {
  const store = useAppStoreApi();
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const lens = useAppStore(selectLens);
  const step = useAppStore(selectStep);
  const hops = useAppStore((s) => selectTrace(s)?.hops.length ?? 0);
  return (
    <div className="space-y-2">
      {part !== 'options' && (
      <div role="toolbar" aria-label="Playback" className="flex flex-wrap items-center gap-1">
        <CommandButton command={restartCommand}><Icon d="M6 5v14M19 5 9 12l10 7z" /></CommandButton>
        <CommandButton command={stepBackCommand}><Icon d="M17 5 7 12l10 7z" /></CommandButton>
        <CommandButton command={playPauseCommand} label={playing ? 'Pause' : 'Play'}>
          {playing ? <Icon d="M8 5v14M16 5v14" /> : <Icon d="M7 5v14l12-7z" />}
        </CommandButton>
        <CommandButton command={stepForwardCommand}><Icon d="M7 5l10 7-10 7z" /></CommandButton>
        <CommandButton command={endCommand}><Icon d="M18 5v14M5 5l10 7-10 7z" /></CommandButton>
        <span className="ml-1 text-xs tabular-nums text-slate-600 dark:text-slate-400" aria-live="off">{step}/{hops}</span>
      </div>
      )}
      {part !== 'buttons' && (
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <label className="flex items-center gap-1">
          Speed
          <select className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-950" value={speed} onChange={(e) => runCommand(store, setSpeedCommand, 'button', Number(e.target.value))}>
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Lens</legend>
          {(['layers', 'wire'] as Lens[]).map((l) => (
            <label key={l} className="flex items-center gap-1">
              <input type="radio" name="lens" value={l} checked={lens === l} onChange={() => runCommand(store, setLensCommand, 'button', l)} className="accent-[#2456c4]" />
              {l === 'layers' ? 'Layers (as the docs draw it)' : 'On the wire'}
            </label>
          ))}
        </fieldset>
        <button type="button" className="underline decoration-dotted focus-visible:outline focus-visible:outline-2 focus-visible:outline-[#326ce5]" onClick={() => runCommand(store, sendAgainCommand, 'button')}>
          {sendAgainCommand.label}
        </button>
      </div>
      )}
    </div>
  );
}
