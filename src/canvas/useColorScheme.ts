import { useEffect, useState, type RefObject } from 'react';

export type ThemeChoice = 'auto' | 'light' | 'dark';

const systemDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * Light or dark for one app instance: the system's preference (followed live) unless forced, put on
 * `target` as the `.dark` class the stylesheet keys on. An embed forces its own without touching the
 * page around it.
 */
export function useColorScheme(choice: ThemeChoice, target: RefObject<HTMLElement | null> | 'document'): 'light' | 'dark' {
  const [system, setSystem] = useState(systemDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystem(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const mode = choice === 'auto' ? (system ? 'dark' : 'light') : choice;
  useEffect(() => {
    const el = target === 'document' ? document.documentElement : target.current;
    el?.classList.toggle('dark', mode === 'dark');
  }, [mode, target]);
  return mode;
}
