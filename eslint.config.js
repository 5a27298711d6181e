// ESLint (flat config) with typescript-eslint and react-hooks. Chosen over Biome because the
// folder boundaries of DESIGN.md need `no-restricted-imports` per folder and the react-hooks rules
// (including the React Compiler checks), which Biome does not offer as completely.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports a room may not make; see DESIGN.md "A folder is a room". */
const rooms = {
  model: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'zundo',
    '**/store/**', '**/canvas/**', '**/animation/**', '**/panels/**', '**/embed/**', '**/app/**'],
  store: ['react-dom', '@xyflow/*', '**/canvas/**', '**/animation/**', '**/panels/**', '**/embed/**', '**/app/**'],
  canvas: ['**/embed/**', '**/app/**', '**/panels/**'],
  animation: ['**/embed/**', '**/app/**', '**/panels/**'],
  panels: ['**/embed/**', '**/app/**'],
  embed: ['**/app/**'],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results*', 'bench/.dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  ...Object.entries(rooms).map(([room, patterns]) => ({
    files: [`src/${room}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: patterns, message: `src/${room}/ may not import this (DESIGN.md: a folder is a room).` }],
      }],
    },
  })),
  {
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      // The model is pure: no DOM globals either.
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'location'],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'bench/**/*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Code that runs in the page: the baseline, and the functions measure.mjs hands to page.evaluate.
    files: ['bench/baseline/**/*.{ts,tsx}', 'bench/measure.mjs'],
    languageOptions: { globals: { ...globals.browser, chrome: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
