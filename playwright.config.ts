import { defineConfig, devices } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

/** Written by scripts/find-browser.mjs (run by `npm run test:e2e`). */
interface FoundBrowser {
  source: string;
  executablePath: string | null;
  noSandbox: boolean;
}

const found: FoundBrowser | undefined = existsSync('.browser.json')
  ? JSON.parse(readFileSync('.browser.json', 'utf8'))
  : undefined;

// Flags that keep a system Chromium from reaching for a network this machine does not have.
const quietFlags = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

// E2E_PORT lets two runs on one machine use separate preview servers (the dev server takes the next port).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DEV_PORT = PORT + 1;

/**
 * The smoke set that also runs against `npm run dev`, whose React StrictMode mounts, unmounts and
 * remounts every component (the production build does not): a whole tour with its try-its, a drag,
 * playback, an inspector edit and the YAML panel. Matched by title, so the tests live in their specs.
 */
const DEV_SMOKE = new RegExp([
  'NodeIP:NodePort vs ClusterIP:NodePort, end to end',
  'a try-it step waits for the reader',
  'a try-it by drag',
  'LoadBalancer from the internet: every layer in order',
  'dropping a pod on another node reschedules it',
  'export then import gives the same cluster',
].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      headless: true,
      ...(found?.executablePath ? { executablePath: found.executablePath } : {}),
      args: [...(found?.noSandbox ? ['--no-sandbox'] : []), ...(found?.executablePath ? quietFlags : [])],
    },
  },
  projects: [
    // The suite runs against the production build, served the way a static host would…
    { name: 'chromium' },
    // …and its smoke set against the dev server, in StrictMode.
    {
      name: 'dev-server',
      testMatch: ['tours.spec.ts', 'playback.spec.ts', 'editing.spec.ts', 'yaml.spec.ts'],
      grep: DEV_SMOKE,
      // Vite transforms modules on first request: slower than the build, so more time per test.
      timeout: 90_000,
      expect: { timeout: 20_000 },
      use: { baseURL: `http://127.0.0.1:${DEV_PORT}/` },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx vite --port ${DEV_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
