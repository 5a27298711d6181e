/**
 * Ingress rule matching as networking.k8s.io/v1 specifies it (Kubernetes docs "Ingress": Path
 * types, Examples, Hostname wildcards) and as ingress-nginx applies it:
 * - host: an exact host wins over a wildcard (`*.foo.com` matches exactly one extra label);
 *   rules without host catch every other host (ingress-nginx's default server "_");
 * - paths of all matching Ingresses are merged; the longest matching path wins, and at equal
 *   length Exact beats Prefix; Prefix matches whole `/`-separated elements (`/foo` matches
 *   `/foo/bar` and `/foo/`, not `/foobar`); ImplementationSpecific is a prefix in ingress-nginx
 *   (without the use-regex annotation);
 * - no path matches: the Ingress's spec.defaultBackend, else the controller's default backend (404).
 */
import type { HTTPIngressPath, Ingress, IngressBackend } from '../cluster';

export interface IngressMatch {
  ingress: Ingress;
  backend: IngressBackend;
  /** The rule's host ('' for a rule without host, '*' for spec.defaultBackend). */
  host: string;
  path: string;
  pathType: HTTPIngressPath['pathType'] | 'DefaultBackend';
}

function hostMatches(ruleHost: string, host: string): 'exact' | 'wildcard' | undefined {
  if (ruleHost === host) return 'exact';
  if (ruleHost.startsWith('*.')) {
    const suffix = ruleHost.slice(1);
    const head = host.slice(0, host.length - suffix.length);
    if (host.endsWith(suffix) && head.length > 0 && !head.includes('.')) return 'wildcard';
  }
  return undefined;
}

const elements = (path: string): string[] => path.split('/').filter((e) => e !== '');

function pathMatches(p: HTTPIngressPath, requestPath: string): boolean {
  const path = p.path ?? '/';
  if (p.pathType === 'Exact') return path === requestPath;
  const want = elements(path);
  const have = elements(requestPath);
  return want.length <= have.length && want.every((e, i) => e === have[i]);
}

/**
 * The backend an ingress-nginx controller sends `host` + `path` to, or undefined (404). `served`:
 * the Ingresses the controller handles (ingressClass.ts decides which).
 */
export function matchIngress(served: Ingress[], host: string, path: string): IngressMatch | undefined {
  const wanted = host.toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
  const rules = served.flatMap((ingress) => (ingress.spec.rules ?? []).map((rule) => ({ ingress, rule })));
  const level = (kind: 'exact' | 'wildcard' | 'none') => rules.filter(({ rule }) =>
    kind === 'none' ? !rule.host : rule.host !== undefined && hostMatches(rule.host, wanted) === kind);
  const server = [level('exact'), level('wildcard'), level('none')].find((l) => l.length > 0) ?? [];
  let best: IngressMatch | undefined;
  let bestLength = -1;
  for (const { ingress, rule } of server) {
    for (const p of rule.http?.paths ?? []) {
      if (!pathMatches(p, path)) continue;
      const length = (p.path ?? '/').length;
      const better = length > bestLength || (length === bestLength && p.pathType === 'Exact' && best?.pathType !== 'Exact');
      if (better) {
        best = { ingress, backend: p.backend, host: rule.host ?? '', path: p.path ?? '/', pathType: p.pathType };
        bestLength = length;
      }
    }
  }
  if (best) return best;
  const fallback = (server[0] ? [server[0].ingress, ...served] : served).find((i) => i.spec.defaultBackend?.service);
  return fallback ? { ingress: fallback, backend: fallback.spec.defaultBackend!, host: '*', path, pathType: 'DefaultBackend' } : undefined;
}

/** True when some Ingress rule names this host (public DNS is assumed to point it at the Ingress). */
export function ingressForHost(ingresses: Ingress[], host: string): Ingress | undefined {
  const wanted = host.toLowerCase().replace(/\.$/, '');
  return ingresses.find((i) => (i.spec.rules ?? []).some((r) => r.host !== undefined && hostMatches(r.host, wanted) !== undefined));
}
