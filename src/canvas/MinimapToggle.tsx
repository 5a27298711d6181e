import { ControlButton } from '@xyflow/react';

/**
 * The overview map's switch, a button in React Flow's controls. The map is off by default: it
 * covers a corner of the cluster, and most diagrams fit the view anyway.
 */
export function MinimapToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  return (
    <ControlButton
      onClick={onToggle}
      aria-pressed={shown}
      aria-label="Overview map"
      title={shown ? 'Hide the overview map' : 'Show the overview map'}
      // Pressed shows as pressed; important, over React Flow's own (unlayered) button colours.
      className="aria-pressed:bg-blue-100! aria-pressed:text-[#2456c4]! dark:aria-pressed:bg-blue-950! dark:aria-pressed:text-[#8fb0f5]!"
    >
      {/* A frame and the part of it in view; React Flow's control icons are filled shapes. */}
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path fillRule="evenodd" d="M2 4h20v16H2zm2 2v12h16V6z" />
        <path d="M12 11h6v5h-6z" />
      </svg>
    </ControlButton>
  );
}
