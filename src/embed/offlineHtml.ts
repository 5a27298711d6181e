/**
 * A single HTML file that shows one diagram with no network: the `<service-explainer>` script
 * inlined, and the diagram as its `state` attribute. `scripts/build-offline-example.mjs` writes
 * the same document at build time; keep the two in step.
 */
export interface OfflineHtmlParts {
  /** The text of `service-explainer.js`. */
  script: string;
  /** An encoded snapshot (what `#s=` carries); absent for the default scenario. */
  state?: string;
  /** Where "Open in Service Explainer" goes. */
  appUrl?: string;
  title?: string;
}

/**
 * Script text made safe to sit inside `<script>…</script>`: `</script` would close the tag and
 * `<!--` would switch the parser into its escaped state. `\x3C` is `<` in every place either can
 * occur in JavaScript (strings, template literals, regular expressions, comments).
 */
export function inlineScriptText(script: string): string {
  return script.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function offlineHtml({ script, state, appUrl, title = 'Service Explainer diagram' }: OfflineHtmlParts): string {
  const attrs = [state ? ` state="${escapeAttr(state)}"` : '', appUrl ? ` app-url="${escapeAttr(appUrl)}"` : ''].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Service Explainer">
<title>${escapeAttr(title)}</title>
<style>html,body{margin:0;height:100%}service-explainer{height:100vh}</style>
</head>
<body>
<service-explainer${attrs}></service-explainer>
<script type="module">
${inlineScriptText(script)}
</script>
</body>
</html>
`;
}
