// Screenshots of the segments, the charts and the drawer's cadence line with the mock backend,
// at 1280×800 and 900×600: node scripts/segments-screenshots.mjs [baseUrl] [outDir]
// Uses Debian's chromium through playwright-core (never downloads a browser).
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4174/';
const out = process.argv[3] ?? '/tmp/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function open(width, height, query = '') {
  const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: 'light' });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.error('pageerror', e.message));
  p.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await p.goto(base + query);
  await p.waitForSelector('[data-testid="customer-row"], [data-testid="empty-state"]');
  await p.waitForTimeout(800);
  return p;
}

async function clip(p, selector, path) {
  const el = p.locator(selector);
  await el.scrollIntoViewIfNeeded();
  await p.waitForTimeout(400);
  const box = await el.boundingBox();
  const y = await p.evaluate(() => window.scrollY);
  // At the top, the fixed header stays at the top of the full page, above the clip.
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path, fullPage: true, clip: { x: Math.max(0, box.x - 8), y: box.y + y - 8, width: box.width + 16, height: box.height + 16 } });
}

for (const [w, h] of [
  [1280, 800],
  [900, 600],
]) {
  const p = await open(w, h);
  // The list with a segment selected, its rule in the tooltip.
  await p.locator('[data-testid="segment-lapsed"]').click();
  await p.waitForTimeout(700);
  await p.locator('[data-testid="customer-list"]').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
  await p.locator('[data-testid="segment-lapsed"]').hover();
  await p.waitForTimeout(700);
  await p.screenshot({ path: `${out}/segments-${w}.png` });

  // The charts, whole (a full-page clip: the fixed header would cover an element shot).
  await p.mouse.move(0, 0);
  await clip(p, '[data-testid="charts"]', `${out}/charts-${w}.png`);

  // The drawer of the most overdue customer.
  await p.locator('[data-testid="segment-lapsed"]').click();
  await p.locator('[data-testid="sort-select"]').click();
  await p.getByRole('option', { name: 'Overdue' }).click();
  await p.waitForTimeout(700);
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.locator('[data-testid="customer-row"]').nth(2).click();
  await p.waitForSelector('[data-testid="detail-cadence"]');
  await p.waitForTimeout(600);
  await p.screenshot({ path: `${out}/cadence-${w}.png` });
  await p.context().close();
}

// Charts of an empty book.
const empty = await open(1280, 800, '?empty');
await clip(empty, '[data-testid="charts-empty"]', `${out}/charts-empty.png`);

// The saved views: one saved, the menu open.
const views = await open(1280, 800);
await views.locator('[data-testid="segment-top_spenders"]').click();
await views.locator('[data-testid="views-button"]').click();
await views.locator('[data-testid="view-save"]').click();
await views.locator('[data-testid="view-name-input"]').fill('Top spenders');
await views.locator('[data-testid="view-name-save"]').click();
await views.waitForTimeout(600);
await views.locator('[data-testid="views-button"]').click();
await views.locator('[data-testid="view-save"]').click();
await views.locator('[data-testid="view-name-input"]').fill('Top spenders');
await views.locator('[data-testid="view-name-save"]').click();
await views.waitForTimeout(500);
await views.screenshot({ path: `${out}/views-duplicate.png` });
await views.keyboard.press('Escape');
await views.waitForTimeout(300);
await views.locator('[data-testid="views-button"]').click();
await views.waitForTimeout(500);
await views.screenshot({ path: `${out}/views-menu.png` });

await browser.close();
console.log('screenshots in', out);
