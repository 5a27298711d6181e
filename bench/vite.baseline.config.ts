import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds bench/baseline (the bare React Flow page) into bench/.dist/baseline; `npm run bench` only. */
export default defineConfig({
  root: fileURLToPath(new URL('./baseline', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { target: 'es2022', outDir: fileURLToPath(new URL('./.dist/baseline', import.meta.url)), emptyOutDir: true },
});
