/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `base: './'` keeps every asset URL relative, so the build works from any sub-path
// (a docs site, a GitHub Pages folder) and from a file copied offline.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Every browser that runs es2022 knows <link rel=modulepreload>: no polyfill on the first screen.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The explanation layer (trace engine, kube-proxy's rules, DNS, the words for each hop)
            // as one chunk: the editor loads it up front, the embed just after its first paint.
            // Left to itself the bundler cut it into several small chunks, which compress worse.
            // Its dependencies stay where they were (the embed's first screen needs several).
            { name: 'explain', test: /src\/(model\/(trace|kubeproxy)\/|model\/dns\.ts|panels\/((trace|reason)Wording\.ts|wording\/|HopDetails\.tsx))|@noble\/hashes/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
