import { createContext, useContext } from 'react';

/**
 * The header's folded menu (narrow screens only). Actions inside it that open a dialog or start a
 * tour close it when they are done, and send focus back to its toggle: the button that opened the
 * dialog sits in the menu, hidden once the menu folds.
 */
export interface HeaderMenu {
  /** Folds the menu; `focusToggle` moves focus to the menu's toggle button. */
  close: (focusToggle: boolean) => void;
}

/** Provided by the header while its actions are folded into the menu; null when they sit in the bar. */
export const HeaderMenuContext = createContext<HeaderMenu | null>(null);

export const useHeaderMenu = (): HeaderMenu | null => useContext(HeaderMenuContext);
