import type { ThemeChoice } from '../canvas/useColorScheme';
import type { KubeProxyMode } from '../model/cluster';
import type { Lens } from '../store/playbackSlice';
import { linkInHash } from './linkHash';

/**
 * What an embed is told through its URL (`?embed&scenario=…&step=3…`) or, for the custom element,
 * through attributes of the same names. Every value is checked; anything else is ignored, but for
 * `proxyMode`, whose wrong value would show other rules than asked: that one is refused aloud.
 */
export interface EmbedOptions {
  /** A scenario id from the catalog, or absent for the default scenario. */
  scenario?: string;
  /** An encoded snapshot (what `#s=` carries); wins over `scenario`. */
  state?: string;
  /** Inline manifests (YAML or JSON), for the custom element's `yaml` attribute or inner text. */
  yaml?: string;
  /** `client:<name>`, `pod:<ns>/<name>` or `node:<name>`. */
  from?: string;
  /** `host:port`, as the playback panel's free text takes it. */
  to?: string;
  step?: number;
  autoplay: boolean;
  lens?: Lens;
  theme: ThemeChoice;
  /** Show the playback controls (default) or only the diagram and the explanation. */
  controls: boolean;
  /** kube-proxy's mode on every node of the diagram shown, over what its state or scenario says. */
  proxyMode?: KubeProxyMode;
  /** Why an option was refused, for the embed to show (the diagram still opens without it). */
  refused?: string;
}

const PROXY_MODES: readonly KubeProxyMode[] = ['iptables', 'nftables'];

const flag = (v: string | null | undefined, fallback: boolean) => (v === null || v === undefined ? fallback : v === '' || v === 'true' || v === '1' || v === 'on');
const text = (v: string | null | undefined, max = 300) => (v && v.length <= max ? v : undefined);

/** Reads options from any `get(name)` source: URLSearchParams, or an element's getAttribute. */
export function readEmbedOptions(get: (name: string) => string | null | undefined, hash = ''): EmbedOptions {
  const rawStep = get('step');
  const step = rawStep ? Number(rawStep) : Number.NaN;
  const lens = get('lens');
  const theme = get('theme');
  const state = linkInHash(hash) || text(get('state'), 400_000);
  const options: EmbedOptions = {
    autoplay: flag(get('autoplay'), false),
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    controls: flag(get('controls'), true),
  };
  const scenario = text(get('scenario'), 64);
  if (scenario && /^[a-z0-9-]+$/.test(scenario)) options.scenario = scenario;
  if (state) options.state = state;
  const yaml = text(get('yaml'), 1_000_000);
  if (yaml) options.yaml = yaml;
  const from = text(get('from'));
  if (from) options.from = from;
  const to = text(get('to'));
  if (to) options.to = to;
  if (Number.isInteger(step) && step >= 0) options.step = step;
  if (lens === 'layers' || lens === 'wire') options.lens = lens;
  const proxyMode = get('proxyMode');
  if (proxyMode !== null && proxyMode !== undefined) {
    if ((PROXY_MODES as readonly string[]).includes(proxyMode)) options.proxyMode = proxyMode as KubeProxyMode;
    else options.refused = `proxyMode=${proxyMode.slice(0, 40)} is not a kube-proxy mode this explainer models (iptables or nftables; IPVS is deprecated and not modelled): showing the diagram's own mode.`;
  }
  return options;
}

/** True when the page was opened as an embed (`?embed`, or the `/embed` path). */
export function isEmbedUrl(url: URL): boolean {
  return url.searchParams.has('embed') || /\/embed\/?$/.test(url.pathname);
}
