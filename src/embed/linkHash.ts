/** Where a shared link carries its state: the page's fragment, `#s=<encoded>` (never sent to a server). */
const PREFIX = '#s=';

/** The encoded state in a fragment (possibly empty: a link cut short), or undefined when it holds none. */
export function linkInHash(hash: string): string | undefined {
  return hash.startsWith(PREFIX) ? hash.slice(PREFIX.length) : undefined;
}

/** The fragment that carries an encoded state. */
export const hashForLink = (encoded: string): string => `${PREFIX}${encoded}`;
