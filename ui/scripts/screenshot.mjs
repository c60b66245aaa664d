// Screenshots of the UI with the mock backend: node scripts/screenshot.mjs [baseUrl] [outDir]
// Uses Debian's chromium through playwright-core (never downloads a browser). Each view at the
// shell's default window (1280×800) and, where the layout changes, at its minimum (900×600).
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const tid = (id) => `[data-testid="${id}"]`;
const SMALL = { width: 900, height: 600 };

async function page(scheme, query = '', viewport = { width: 1280, height: 800 }, wait = 'customer-row') {
  const ctx = await browser.newContext({ viewport, colorScheme: scheme });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.error('pageerror', e.message));
  p.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await p.goto(base + query);
  await p.waitForSelector(tid(wait));
  await p.waitForTimeout(800);
  return p;
}
const shot = (p, name) => p.screenshot({ path: `${out}/${name}.png` });
const esc = async (p) => {
  await p.keyboard.press('Escape');
  await p.waitForTimeout(400);
};

const light = await page('light');
await shot(light, 'light');
await light.locator(tid('customer-row')).nth(1).click();
await light.waitForSelector(tid('customer-detail'));
await light.waitForTimeout(600);
await shot(light, 'drawer');
// Notes over the drawer: typed, then Esc asks before throwing them away.
await light.locator(tid('detail-edit-notes')).click();
await light.locator(tid('notes-textarea')).fill('Prefers मङ्गलबार mornings');
await light.keyboard.press('Escape');
await light.waitForSelector(tid('discard-keep'));
await light.waitForTimeout(400);
await shot(light, 'notes-discard');
await light.locator(tid('discard-confirm-button')).click();
await light.waitForTimeout(400);
await esc(light);
await light.locator(tid('notes-button')).first().click();
await light.waitForSelector(tid('notes-textarea'));
await light.locator(tid('notes-textarea')).fill('x'.repeat(10_005));
await light.waitForTimeout(300);
await shot(light, 'notes');
await light.locator(tid('notes-textarea')).fill('');
await light.locator(tid('notes-cancel')).click();
await light.waitForTimeout(300);
await light.locator(tid('discard-confirm-button')).click().catch(() => {});
await light.waitForTimeout(400);
await light.locator(`${tid('customer-row')} ${tid('block-toggle')}`).nth(2).click();
await light.waitForSelector(tid('block-reason'));
await light.waitForTimeout(300);
await shot(light, 'block');
await esc(light);
await light.locator(tid('demo-sign-in')).click();
await light.waitForSelector(tid('sign-in-email'));
await light.locator(tid('sign-in-submit')).click();
await light.waitForTimeout(300);
await shot(light, 'sign-in-empty');
await light.locator(tid('sign-in-base-url')).fill('https://marketplace.example.com');
await light.locator(tid('sign-in-email')).fill('studio@example.com');
await light.locator(tid('sign-in-password')).fill('wrong');
await light.locator(tid('sign-in-submit')).click();
await light.waitForSelector(tid('sign-in-error'));
await light.waitForTimeout(300);
await shot(light, 'sign-in-error');
await esc(light);
await light.locator(tid('page-insights')).click();
await light.waitForSelector(tid('chart-status'));
await light.waitForTimeout(900);
await shot(light, 'insights');

const small = await page('light', '?count=100000', SMALL);
await shot(small, 'small');
await small.locator(tid('status-menu')).click();
await small.waitForTimeout(300);
await shot(small, 'small-status-menu');
await esc(small);
await small.locator(tid('page-insights')).click();
await small.waitForSelector(tid('chart-status'));
await small.waitForTimeout(900);
await shot(small, 'small-insights');

const dark = await page('dark', '?signedin');
await shot(dark, 'dark');
const darkSmall = await page('dark', '?signedin', SMALL);
await shot(darkSmall, 'dark-small');

const empty = await page('light', '?empty', undefined, 'empty-state');
await shot(empty, 'empty');
await empty.locator(tid('empty-add-customer')).click();
await empty.waitForSelector(tid('toast-info'));
await empty.waitForTimeout(400);
await shot(empty, 'empty-coming');
const emptySmall = await page('light', '?empty&signedin', SMALL, 'empty-state');
await shot(emptySmall, 'empty-small-signedin');

const loading = await browser.newContext({ viewport: { width: 1280, height: 800 } }).then((c) => c.newPage());
await loading.goto(base + '?slow=4000');
await loading.waitForTimeout(1200);
await shot(loading, 'loading');

await browser.close();
console.log('screenshots in', out);
