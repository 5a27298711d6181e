/**
 * Where "Open in Service Explainer" may point, from the element's `app-url` attribute: an http(s)
 * URL, or a relative one resolved against the page. Anything else (`javascript:`, `data:`, `blob:`…)
 * is refused and the default is used, so an attribute can never put a script into the link's href.
 */
export function safeAppUrl(attr: string | null, base: string, fallback: string): string {
  if (!attr) return fallback;
  let absolute: URL | undefined;
  try {
    // Parsed alone, only an absolute URL succeeds; the parser strips the tabs, newlines and
    // spaces that could hide a scheme ("java\tscript:"), so its protocol is the one a browser uses.
    absolute = new URL(attr);
  } catch {
    absolute = undefined;
  }
  if (absolute) return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : fallback;
  try {
    const resolved = new URL(attr, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' || resolved.protocol === new URL(base).protocol ? resolved.href : fallback;
  } catch {
    return fallback;
  }
}
