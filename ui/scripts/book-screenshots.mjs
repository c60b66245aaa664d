// Screenshots of the customer-book views with the mock backend, at 1280×800 and 900×600:
// node scripts/book-screenshots.mjs [baseUrl] [outDir]. Uses Debian's chromium via playwright-core.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const tid = (id) => `[data-testid="${id}"]`;
const errors = [];

async function open(width, height, query = '') {
  const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: 'light' });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await p.goto(base + query);
  await p.waitForSelector(tid('customer-row'));
  await p.waitForTimeout(600);
  return p;
}

for (const [w, h] of [
  [1280, 800],
  [900, 600],
]) {
  const size = `${w}`;
  const p = await open(w, h);
  // The list with tag chips and the tag filter (one tag picked).
  await p.locator(tid('tag-filter')).click();
  await p.getByRole('option', { name: /^VIP/ }).click();
  await p.keyboard.press('Escape');
  await p.waitForTimeout(500);
  await p.evaluate(() => {
    const list = document.querySelector('[data-testid="customer-list"]');
    window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY - 72);
  });
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}/book-list-${size}.png` });

  // Add customer with an inline error.
  await p.locator('body').click({ position: { x: 2, y: 2 } });
  await p.keyboard.press('n');
  await p.waitForSelector(tid('customer-first-name'));
  await p.locator(tid('customer-first-name')).fill('Sita');
  await p.locator(tid('customer-email')).fill('sita.example.com');
  await p.locator(tid('customer-phone')).fill('98-12');
  await p.locator(tid('customer-save')).click();
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/book-add-customer-${size}.png` });
  await p.keyboard.press('Escape');
  await p.waitForTimeout(400);

  // Record a visit from a row, with a bad amount.
  await p.locator(tid('row-record-visit')).first().click();
  await p.waitForSelector(tid('visit-service'));
  await p.locator(tid('visit-service')).fill('Haircut & styling');
  await p.locator(tid('visit-amount')).fill('1.005');
  await p.locator(tid('visit-save')).click();
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/book-record-visit-${size}.png` });
  await p.keyboard.press('Escape');
  await p.waitForTimeout(400);

  // The drawer of an own customer (tags, book bar, own visit).
  await p.locator(tid('search-input')).fill('Maya Lama');
  await p.waitForTimeout(700);
  await p.locator(tid('customer-row')).first().click();
  await p.waitForSelector(tid('customer-detail'));
  await p.waitForTimeout(600);
  await p.screenshot({ path: `${out}/book-drawer-${size}.png` });
  await p.keyboard.press('Escape');
  await p.waitForTimeout(400);
  await p.locator(tid('search-clear')).click();

  // Duplicates.
  await p.locator(tid('duplicates-button')).click();
  await p.waitForSelector(tid('duplicate-group'));
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/book-duplicates-${size}.png` });
  await p.keyboard.press('Escape');
  await p.waitForTimeout(400);

  // Import preview (the default sample file has two invalid rows).
  await p.locator(tid('add-menu')).click();
  await p.locator(tid('import-list')).click();
  await p.waitForSelector(tid('import-preview'));
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/book-import-${size}.png` });
  await p.context().close();
}

// The empty book.
const e = await browser.newContext({ viewport: { width: 1280, height: 800 } }).then((c) => c.newPage());
e.on('pageerror', (x) => errors.push(x.message));
await e.goto(base + '?empty');
await e.waitForSelector(tid('empty-state'));
await e.waitForTimeout(500);
await e.screenshot({ path: `${out}/book-empty-1280.png` });

await browser.close();
if (errors.length) console.error('page errors:', errors);
console.log('screenshots in', out);
