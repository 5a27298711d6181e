import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '/work/main/bench/serve.mjs';
const found = JSON.parse(readFileSync('/work/main/.browser.json', 'utf8'));
const server = await serve({ '/': '/work/main/bench/.dist/profile-app' }, 4591);
const browser = await chromium.launch({ headless: true, executablePath: found.executablePath, args: [...(found.noSandbox ? ['--no-sandbox'] : []), '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await page.goto(server.url);
await page.waitForSelector('.react-flow__node');
await page.evaluate(() => {
  window.__seen = [];
  new MutationObserver(() => { const s = [...document.querySelectorAll('[role=status]')].map((e) => e.textContent).filter((t) => /Drawing/.test(t)); if (s.length) window.__seen.push(...s); }).observe(document.body, { childList: true, subtree: true, characterData: true });
  window.__nodesMax = 0;
});
await page.getByRole('tab', { name: /YAML/ }).click();
await page.locator('input[type=file]').setInputFiles({ name: 'big.yaml', mimeType: 'application/yaml', buffer: readFileSync(process.argv[2]) });
await page.waitForFunction(() => /Applied/.test(document.body.innerText), null, { timeout: 600000, polling: 500 });
console.log('seen', await page.evaluate(() => window.__seen.slice(0, 3)), 'nodes', await page.evaluate(() => document.querySelectorAll('.react-flow__node').length), 'options', await page.evaluate(() => document.querySelectorAll('option').length), 'labels', await page.evaluate(() => document.querySelector('.react-flow__edgelabel-renderer')?.childElementCount));
await browser.close(); await server.close();
