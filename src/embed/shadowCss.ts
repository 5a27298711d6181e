/**
 * Adapts the app's stylesheets (app/index.css with Tailwind v4, canvas.css with React Flow's, animation.css) to live inside a shadow root.
 *
 * - `:root` matches nothing in a shadow tree, so the rules written for it go to `:host`.
 * - `@property` rules are ignored inside shadow roots, so Tailwind's registered defaults
 *   (`--tw-border-style: solid`, `--tw-shadow: 0 0 #0000`, …) never apply and borders, rings and
 *   shadows vanish. We declare the same defaults on every element, in Tailwind's own lowest layer
 *   (`properties`), exactly as Tailwind's fallback for browsers without `@property` does.
 * - The host is reset (`all: initial`) so nothing the page sets on it (font, colour, line height,
 *   letter spacing…) is inherited into the diagram; its size can still be set by the page.
 */
export function adaptCssForShadowRoot(css: string): string {
  const defaults: string[] = [];
  for (const m of css.matchAll(/@property\s+(--[\w-]+)\s*\{([^}]*)\}/g)) {
    const initial = /initial-value\s*:\s*([^;]+?)\s*(;|$)/.exec(m[2] ?? '')?.[1];
    defaults.push(`${m[1]}:${initial ?? 'initial'}`);
  }
  const properties = defaults.length ? `@layer properties{*,::before,::after,::backdrop{${defaults.join(';')}}}` : '';
  return `${properties}${css.replace(/:root\b/g, ':host')}${HOST_CSS}`;
}

/** The host box: a block the page can size (React Flow needs a sized container), 560px tall by default. */
const HOST_CSS = `
:host{all:initial;display:block;position:relative;height:560px;min-height:320px;overflow:hidden;
font-family:Inter,ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;
-webkit-text-size-adjust:100%;tab-size:4;color-scheme:light;text-align:start}
:host([hidden]){display:none}
.se-root{height:100%}
`;
