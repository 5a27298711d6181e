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

// E2E_PORT lets two runs on one machine use separate preview servers.
const PORT = Number(process.env.E2E_PORT ?? 4173);

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
  projects: [{ name: 'chromium' }],
  // The suite runs against the production build, served the way a static host would.
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
