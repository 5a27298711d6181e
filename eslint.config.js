// ESLint (flat config) with typescript-eslint and react-hooks. Chosen over Biome because the
// folder boundaries of DESIGN.md need `no-restricted-imports` per folder and the react-hooks rules
// (including the React Compiler checks), which Biome does not offer as completely.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The rooms of DESIGN.md ("a folder is a room"), lowest first, each with the rooms it may import
 * (every other room is off limits) and the packages it may not use. Imports flow one way:
 * model → store → canvas → animation → panels → tours / embed → app (tours and embed are siblings:
 * neither imports the other, so an embed never downloads the tours).
 */
const rooms = {
  model: { may: [], packages: ['react', 'react-dom', '@xyflow', 'zustand', 'zundo'] },
  store: { may: ['model'], packages: ['react-dom', '@xyflow'] },
  canvas: { may: ['model', 'store'] },
  animation: { may: ['model', 'store', 'canvas'] },
  panels: { may: ['model', 'store', 'canvas', 'animation'] },
  tours: { may: ['model', 'store', 'canvas', 'animation', 'panels'] },
  embed: { may: ['model', 'store', 'canvas', 'animation', 'panels'] },
  app: { may: ['model', 'store', 'canvas', 'animation', 'panels', 'tours', 'embed'] },
};

/** The rooms `room` may not import. */
const offLimits = (room) => Object.keys(rooms).filter((r) => r !== room && !rooms[room].may.includes(r));

/**
 * What `room` may not import (its off-limits packages and rooms) as one regex source for an esquery
 * selector. esquery ends a regex at its first `/`, so `\x2F` stands for the slash.
 */
function forbiddenSpecifier(room) {
  const S = '\\x2F';
  const packages = (rooms[room].packages ?? []).map((p) => `^${p.replace('/', S)}(${S}|$)`);
  const folders = offLimits(room).map((r) => `(^|${S})${r}${S}`);
  return [...packages, ...folders].join('|');
}

/** Static imports (no-restricted-imports) and dynamic ones, `import()` in code or in a type (no-restricted-syntax). */
function roomRules(room) {
  const message = `src/${room}/ may not import this (DESIGN.md: a folder is a room).`;
  const packages = (rooms[room].packages ?? []).flatMap((p) => [p, `${p}/*`]);
  const regex = forbiddenSpecifier(room);
  return {
    files: [`src/${room}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...packages, ...offLimits(room).map((r) => `**/${r}/**`)], message }] }],
      'no-restricted-syntax': ['error',
        { selector: `ImportExpression[source.value=/${regex}/]`, message },
        { selector: `TSImportType[source.value=/${regex}/]`, message }],
    },
  };
}

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
  // app/ may import every room: nothing to restrict.
  ...Object.keys(rooms).filter((room) => offLimits(room).length > 0).map(roomRules),
  {
    // The entry picks the mode and loads that mode's UI with import(), so the editor and the embed
    // never download each other: statically it takes only the mode switch and the page stylesheet.
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['./*/**', '!./embed/options', '!./app/index.css'],
        message: 'main.tsx imports each mode\'s UI with import(), so the other mode never downloads it.',
      }] }],
    },
  },
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
