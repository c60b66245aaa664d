// Screenshots of the UI with the mock backend: node scripts/screenshot.mjs [baseUrl] [outDir]
// Uses Debian's chromium through playwright-core (never downloads a browser).
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function page(scheme, query = '') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.error('pageerror', e.message));
  p.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await p.goto(base + query);
  await p.waitForSelector('[data-testid="customer-row"]');
  await p.waitForTimeout(800);
  return p;
}

const light = await page('light');
await light.screenshot({ path: `${out}/light.png` });
await light.screenshot({ path: `${out}/light-full.png`, fullPage: true });
await light.locator('[data-testid="customer-row"]').nth(1).click();
await light.waitForSelector('[data-testid="customer-detail"]');
await light.waitForTimeout(600);
await light.screenshot({ path: `${out}/drawer.png` });
await light.keyboard.press('Escape');
await light.waitForTimeout(400);
await light.locator('[data-testid="notes-button"]').first().click();
await light.waitForSelector('[data-testid="notes-textarea"]');
await light.locator('[data-testid="notes-textarea"]').fill('x'.repeat(10_005));
await light.waitForTimeout(300);
await light.screenshot({ path: `${out}/notes.png` });

await light.keyboard.press('Escape');
await light.waitForTimeout(300);
await light.locator('[data-testid="customer-row"] [data-testid="block-toggle"]').nth(2).click();
await light.waitForSelector('[data-testid="block-reason"]');
await light.waitForTimeout(300);
await light.screenshot({ path: `${out}/block.png` });
await light.keyboard.press('Escape');
await light.waitForTimeout(300);
await light.locator('[data-testid="demo-sign-in"]').click();
await light.waitForSelector('[data-testid="sign-in-email"]');
await light.waitForTimeout(300);
await light.screenshot({ path: `${out}/sign-in.png` });

const dark = await page('dark', '?signedin');
await dark.screenshot({ path: `${out}/dark.png` });
await dark.screenshot({ path: `${out}/dark-full.png`, fullPage: true });

const empty = await browser.newContext({ viewport: { width: 1280, height: 800 } }).then((c) => c.newPage());
await empty.goto(base + '?empty');
await empty.waitForSelector('[data-testid="empty-state"]');
await empty.waitForTimeout(500);
await empty.screenshot({ path: `${out}/empty.png` });

const loading = await browser.newContext({ viewport: { width: 1280, height: 800 } }).then((c) => c.newPage());
await loading.goto(base + '?slow=4000');
await loading.waitForTimeout(1200);
await loading.screenshot({ path: `${out}/loading.png` });

await browser.close();
console.log('screenshots in', out);
