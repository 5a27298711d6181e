import { useSyncExternalStore } from 'react';

/** Tailwind's `md` breakpoint: at and above it the header, panels and tour card keep their desktop layout. */
const WIDE = '(min-width: 48rem)';

const subscribe = (onChange: () => void) => {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const isWide = () => typeof matchMedia !== 'function' || matchMedia(WIDE).matches;

/**
 * Whether the screen is at least `md` wide, followed live (a phone turned sideways). For the few
 * places where the narrow layout is a different arrangement, not just different CSS: the folded
 * header menu, the playback panel's order, the tour card's dock.
 */
export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, isWide, () => true);
}
