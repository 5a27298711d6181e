// Writes dist/examples/offline-example.html: the default diagram as one HTML file that works
// offline (service-explainer.js inlined; no `state`, so the element shows the default scenario).
// Runs at the end of `npm run build`. The document is the one src/embed/offlineHtml.ts makes in
// the app's "Download as HTML"; keep the two in step.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const script = readFileSync(join(dist, 'service-explainer.js'), 'utf8');

/** `</script` and `<!--` may not appear inside a script element; `\x3C` is `<` wherever they can occur in JS. */
const inlineScriptText = (text) => text.replace(/<(\/script|!--)/gi, '\\x3C$1');

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Service Explainer">
<title>Service Explainer diagram (offline example)</title>
<style>html,body{margin:0;height:100%}service-explainer{height:100vh}</style>
</head>
<body>
<service-explainer app-url="../"></service-explainer>
<script type="module">
${inlineScriptText(script)}
</script>
</body>
</html>
`;

mkdirSync(join(dist, 'examples'), { recursive: true });
writeFileSync(join(dist, 'examples', 'offline-example.html'), html);
console.log(`dist/examples/offline-example.html  ${(Buffer.byteLength(html) / 1024).toFixed(1)} kB`);
