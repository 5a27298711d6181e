import { describe, expect, it } from 'vitest';
import { adaptCssForShadowRoot } from './shadowCss';

describe('adaptCssForShadowRoot', () => {
  const css = ':root{--accent:#326ce5}@layer theme{:root,:host{--spacing:.25rem}}.border{border-style:var(--tw-border-style)}'
    + '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}@property --tw-blur{syntax:"*";inherits:false}';

  it('moves :root rules to :host', () => {
    const out = adaptCssForShadowRoot(css);
    expect(out).toContain(':host{--accent:#326ce5}');
    expect(out).not.toContain(':root');
  });

  it('declares the @property defaults in the lowest layer, since @property does nothing in a shadow root', () => {
    const out = adaptCssForShadowRoot(css);
    expect(out.startsWith('@layer properties{*,::before,::after,::backdrop{--tw-border-style:solid;--tw-blur:initial}}')).toBe(true);
  });

  it('gives the host a block box with a default height', () => {
    expect(adaptCssForShadowRoot('')).toMatch(/:host\{all:initial;display:block;[^}]*height:560px/);
  });
});
