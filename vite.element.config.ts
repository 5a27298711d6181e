import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The second build: `dist/service-explainer.js`, the `<service-explainer>` custom element as one
 * self-contained ES module (no chunks, the stylesheet inlined as text, nothing fetched relative to
 * it), written next to the full app that `vite.config.ts` builds into the same `dist/`.
 */
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), noStylesheetFile()],
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: false,
    modulePreload: false,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      input: 'src/embed/element.tsx',
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: 'service-explainer.js',
        // One file: the scenarios and the YAML parser are inlined instead of split off.
        codeSplitting: false,
      },
    },
  },
});

/**
 * The element's styles reach it as text (`?inline` in element.tsx, for its shadow root); the
 * canvas's and the animation's own `import './x.css'` would also emit them as a stylesheet file
 * that nothing loads. Drop that file.
 */
function noStylesheetFile(): Plugin {
  return {
    name: 'service-explainer:no-stylesheet-file',
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) if (name.endsWith('.css')) delete bundle[name];
    },
  };
}
