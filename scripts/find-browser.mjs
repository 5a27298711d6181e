#!/usr/bin/env node
// Finds a Chromium for the Playwright suite and records it in .browser.json, which
// playwright.config.ts reads. Order: $PLAYWRIGHT_CHROMIUM_PATH (or $CHROMIUM_PATH), Playwright's own
// downloaded browser, a system Chromium. If there is none and we are root on Debian/Ubuntu, it
// installs Debian's `chromium` package; otherwise it stops with one message saying how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.browser.json');

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fromEnv() {
  const path = process.env.PLAYWRIGHT_CHROMIUM_PATH || process.env.CHROMIUM_PATH;
  if (!path) return undefined;
  if (!isExecutable(path)) fail(`PLAYWRIGHT_CHROMIUM_PATH is set to ${path}, but no executable is there.`);
  return { source: 'environment variable', executablePath: path };
}

async function fromPlaywright() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? { source: "Playwright's own browser", executablePath: null } : undefined;
  } catch {
    return undefined;
  }
}

function fromSystem() {
  for (const path of SYSTEM_CANDIDATES) if (isExecutable(path)) return { source: 'system Chromium', executablePath: path };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const path = which.stdout.trim();
    if (which.status === 0 && path && isExecutable(path)) return { source: 'system Chromium', executablePath: path };
  }
  return undefined;
}

function isDebianLike() {
  if (!existsSync('/etc/os-release')) return false;
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
}

function installDebianChromium() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !isDebianLike()) return undefined;
  console.log('find-browser: no Chromium found; installing Debian\'s chromium package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  return fromSystem();
}

function fail(message) {
  console.error(`\nfind-browser: ${message}\n`);
  process.exit(1);
}

const found = fromEnv() ?? (await fromPlaywright()) ?? fromSystem() ?? installDebianChromium();
if (!found) {
  fail(
    'no Chromium to run the end-to-end tests with. Get one of these and run again:\n' +
      '  • npx playwright install chromium          (Playwright\'s own browser, needs internet)\n' +
      '  • sudo apt-get install chromium            (Debian/Ubuntu)\n' +
      '  • PLAYWRIGHT_CHROMIUM_PATH=/path/to/chrome (any Chromium or Chrome you already have)',
  );
}
// Running as root, Chromium refuses to start without --no-sandbox.
const noSandbox = found.executablePath !== null && process.getuid?.() === 0;
writeFileSync(out, JSON.stringify({ ...found, noSandbox }, null, 2) + '\n');
console.log(`find-browser: using ${found.source}${found.executablePath ? ` at ${found.executablePath}` : ''}`);
