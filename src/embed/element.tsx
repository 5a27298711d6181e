/**
 * `<service-explainer>`: the embed as a custom element, from one script file
 * (`dist/service-explainer.js`, built by `vite.element.config.ts`).
 *
 *   <script type="module" src=".../service-explainer.js"></script>
 *   <service-explainer scenario="nodeport" step="3"></service-explainer>
 *
 * Attributes mirror the embed's URL options (scenario, state, from, to, step, autoplay, lens, theme,
 * controls); manifests may be given inline as a `yaml` attribute or as the element's text. The
 * diagram renders into an open shadow root with the app's stylesheet, so the page's CSS cannot reach
 * it and its CSS cannot leak out. Each element has its own store. `app-url` overrides where "Open in
 * Service Explainer" goes (by default the full app next to this script).
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
// The stylesheets as text, for the shadow root: the app's (Tailwind and the theme) and the rooms'
// own, in the order the app loads them. The app's is a CSS asset, not app code: the room rule is
// about imports of behaviour, and this element must look exactly like the app it embeds.
// eslint-disable-next-line no-restricted-imports
import appCss from '../app/index.css?inline';
import canvasCss from '../canvas/canvas.css?inline';
import animationCss from '../animation/animation.css?inline';
import { EmbedApp } from './EmbedApp';
import { readEmbedOptions } from './options';
import { adaptCssForShadowRoot } from './shadowCss';
import { dedent } from './dedent';
import { safeAppUrl } from './appUrl';

const TAG = 'service-explainer';
const OPTION_ATTRIBUTES = ['scenario', 'state', 'from', 'to', 'step', 'autoplay', 'lens', 'theme', 'controls', 'proxymode', 'yaml', 'app-url'];

let sharedSheet: CSSStyleSheet | undefined;
/** One parsed stylesheet shared by every element on the page (constructable, so no `<style>` per element). */
function styleFor(shadow: ShadowRoot) {
  const css = adaptCssForShadowRoot(appCss + canvasCss + animationCss);
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sharedSheet ??= (() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    })();
    shadow.adoptedStyleSheets = [sharedSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

/** The full app, served next to this script (the same build), unless `app-url` says otherwise (http(s) or relative only). */
function appUrlFor(el: HTMLElement): string {
  return safeAppUrl(el.getAttribute('app-url'), document.baseURI, new URL(/* @vite-ignore */ './', import.meta.url).href);
}

class ServiceExplainerElement extends HTMLElement {
  static observedAttributes = OPTION_ATTRIBUTES;
  private root: Root | undefined;
  private container: HTMLDivElement | undefined;
  /** Bumped when an attribute changes: the embed starts again from the new options. */
  private generation = 0;
  private unmountTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    clearTimeout(this.unmountTimer);
    if (this.root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    styleFor(shadow);
    this.container = document.createElement('div');
    this.container.className = 'se-root';
    shadow.append(this.container);
    this.root = createRoot(this.container);
    // Inline YAML is the element's text, which the parser may not have reached yet.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.render(), { once: true });
    else this.render();
  }

  disconnectedCallback() {
    // Moving the element in the page disconnects and reconnects it at once: keep its state then.
    this.unmountTimer = setTimeout(() => {
      this.root?.unmount();
      this.root = undefined;
      this.container?.remove();
    });
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null) {
    if (oldValue === newValue || !this.root) return;
    this.generation++;
    this.render();
  }

  private render() {
    if (!this.root) return;
    const options = readEmbedOptions((name) => (name === 'yaml' ? this.getAttribute('yaml') ?? (dedent(this.textContent ?? '') || null) : this.getAttribute(name)));
    this.root.render(
      <StrictMode>
        <EmbedApp key={this.generation} options={options} appUrl={appUrlFor(this)} />
      </StrictMode>,
    );
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, ServiceExplainerElement);

declare global {
  interface HTMLElementTagNameMap {
    'service-explainer': ServiceExplainerElement;
  }
}
