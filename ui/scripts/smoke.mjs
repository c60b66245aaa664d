// Clicks through the page against the mock backend and asserts the visible results:
// node scripts/smoke.mjs [baseUrl]. A developer check, not the product's e2e suite.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const base = process.argv[2] ?? 'http://localhost:4173/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
// Like the Tauri shell (freezePrototype: true): any library that breaks on it fails here.
await ctx.addInitScript(() => Object.freeze(Object.prototype));
const errors = [];
async function open(query = '') {
  const p = await ctx.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(base + query);
  await p.waitForSelector('[data-testid="customer-row"]');
  return p;
}
const tid = (id) => `[data-testid="${id}"]`;
const step = (name) => console.log('✓', name);

const p = await open('?signedin&count=2000');
// Search focus with "/"; every keystroke queries at once.
await p.locator('body').click({ position: { x: 5, y: 300 } });
await p.keyboard.press('/');
assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search-input');
await p.keyboard.type('sharma');
await p.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent?.match(/^\d+ customers?$/) && !document.querySelector('[data-testid="result-count"]').textContent.startsWith('2,000'));
const names = await p.locator(`${tid('customer-row')} ${tid('customer-name')}`).allTextContents();
assert.ok(names.length > 0 && names.every((n) => /sharma/i.test(n)), names.join());
step('search');
await p.locator(tid('search-clear')).click();
await p.locator(tid('status-filter-blocked')).click();
await p.waitForFunction(() => [...document.querySelectorAll('[data-testid="status-badge"]')].every((b) => b.getAttribute('data-status') === 'blocked'));
const blockedCount = await p.locator(tid('status-count-blocked')).textContent();
assert.match(await p.locator(tid('result-count')).textContent(), new RegExp(`^${blockedCount} `));
step('status filter with counts');
await p.locator(tid('status-filter-all')).click();
await p.waitForTimeout(400);
// Deep scroll: rows far down load by page index.
await p.locator(tid('customer-list-scroll')).evaluate((el) => (el.scrollTop = el.scrollHeight));
await p.waitForTimeout(800);
assert.ok((await p.locator(tid('customer-row')).count()) > 5);
assert.ok((await p.locator(tid('customer-row')).count()) < 60, 'virtualised');
step('deep scroll, virtualised');
const edges = await p.evaluate(() => {
  const head = [...document.querySelectorAll('.listHeader span')].find((e) => e.textContent === 'Spent').getBoundingClientRect().right;
  const cell = document.querySelector('[data-testid="customer-row"] [data-testid="total-spent"]').getBoundingClientRect().right;
  return [head, cell];
});
assert.ok(Math.abs(edges[0] - edges[1]) < 1.5, `header and rows aligned: ${edges}`);
step('header aligned with rows');
await p.locator(tid('customer-list-scroll')).evaluate((el) => (el.scrollTop = 0));
await p.waitForTimeout(300);
// Keyboard: arrows + Enter open the detail, Esc closes it.
await p.locator(tid('customer-list-scroll')).focus();
await p.keyboard.press('ArrowDown');
await p.keyboard.press('ArrowDown');
const selectedId = await p.locator(`${tid('customer-row')}[data-selected="true"]`).getAttribute('data-customer-id');
await p.keyboard.press('Enter');
await p.waitForSelector(tid('customer-detail'));
assert.equal(await p.locator(tid('customer-detail')).getAttribute('data-customer-id'), selectedId);
assert.ok((await p.locator(tid('booking-row')).count()) > 0);
await p.keyboard.press('Escape');
await p.waitForSelector(tid('customer-detail'), { state: 'detached' });
// Keys still work after the drawer closed, without re-focusing the list.
await p.waitForTimeout(400); // the drawer's exit transition
await p.keyboard.press('ArrowDown');
assert.equal(await p.locator(`${tid('customer-row')}[data-selected="true"]`).getAttribute('data-customer-id'), await p.locator(tid('customer-row')).nth(3).getAttribute('data-customer-id'));
await p.keyboard.press('ArrowUp');
step('keyboard selection, drawer, Esc');
// Favourite toggle: optimistic + success toast.
const row = p.locator(tid('customer-row')).first();
const before = await row.locator(tid('favorite-toggle')).getAttribute('data-active');
const favId = await row.getAttribute('data-customer-id');
await row.locator(tid('favorite-toggle')).click();
// Optimistic: flipped well before the mock's 120 ms latency.
await p.waitForFunction(([id, b]) => document.querySelector(`[data-customer-id="${id}"] [data-testid="favorite-toggle"]`)?.getAttribute('data-active') !== b, [favId, before], { timeout: 80 });
await p.waitForSelector(tid('toast-success'));
step('favourite toggle + toast');
// Block with reason.
const rowId = await row.getAttribute('data-customer-id');
await row.locator(tid('block-toggle')).click();
await p.locator(tid('block-reason')).fill('no-shows');
await p.locator(tid('confirm-block')).click();
await p.waitForFunction((id) => document.querySelector(`[data-customer-id="${id}"] [data-testid="status-badge"]`)?.getAttribute('data-status') === 'blocked', rowId);
step('block with confirmation');
// Unblock asks too.
await p.locator(`[data-customer-id="${rowId}"] [data-testid="block-toggle"]`).click();
await p.locator(tid('confirm-unblock')).click();
await p.waitForFunction((id) => document.querySelector(`[data-customer-id="${id}"] [data-testid="block-toggle"]`)?.getAttribute('data-active') === 'false', rowId);
step('unblock with confirmation');
// Notes: counter, save, indicator.
await p.locator(`[data-customer-id="${rowId}"] [data-testid="notes-button"]`).click();
await p.locator(tid('notes-textarea')).fill('Prefers मङ्गलबार mornings');
assert.match(await p.locator(tid('notes-counter')).textContent(), /^25 \/ 10,000$/);
await p.locator(tid('notes-save')).click();
await p.waitForFunction((id) => document.querySelector(`[data-customer-id="${id}"] [data-testid="notes-button"]`)?.getAttribute('data-has-notes') === 'true', rowId);
step('notes saved');
// Unsaved notes: Esc asks, Esc again keeps editing, Discard closes without saving.
await p.locator(`[data-customer-id="${rowId}"] [data-testid="notes-button"]`).click();
await p.locator(tid('notes-textarea')).fill('not to be saved');
await p.keyboard.press('Escape');
await p.waitForSelector(tid('discard-keep'));
assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'discard-keep', 'the confirm takes the focus');
await p.keyboard.press('Escape');
await p.waitForSelector(tid('discard-keep'), { state: 'detached' });
assert.equal(await p.locator(tid('notes-textarea')).inputValue(), 'not to be saved');
await p.locator(tid('notes-cancel')).click();
await p.locator(tid('discard-confirm-button')).click();
await p.waitForSelector(tid('notes-textarea'), { state: 'detached' });
assert.equal(await p.locator(`[data-customer-id="${rowId}"] [data-testid="notes-button"]`).getAttribute('title'), 'Prefers मङ्गलबार mornings');
step('unsaved notes: discard confirm');
// No results → clear.
await p.locator(tid('search-input')).fill('zzzz-nobody');
await p.waitForSelector(tid('empty-state'));
await p.locator(tid('clear-filters')).click();
await p.waitForSelector(tid('customer-row'));
step('empty search → clear');
// Export.
await p.locator(tid('export-button')).click();
await p.locator(tid('export-view')).click();
await p.waitForFunction(() => [...document.querySelectorAll('[data-testid="toast-success"]')].some((t) => /Exported/.test(t.textContent)));
assert.equal(await p.locator(tid('export-button')).getAttribute('data-busy'), 'false');
step('export toast, button free again');
// Theme toggle.
const scheme0 = await p.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
await p.locator(tid('theme-toggle')).click();
await p.locator(tid('theme-toggle')).click();
const scheme1 = await p.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
assert.equal(scheme1, 'dark');
assert.equal(await p.evaluate(() => localStorage.getItem('clientele-color-scheme')), 'dark');
console.log('  scheme', scheme0, '→', scheme1);
step('theme toggle persisted');
// Activity load more, on the Insights page.
await p.locator(tid('page-insights')).click();
await p.waitForSelector(tid('activity-item'));
const n0 = await p.locator(tid('activity-item')).count();
await p.locator(tid('activity-load-more')).click();
await p.waitForFunction((n) => document.querySelectorAll('[data-testid="activity-item"]').length > n, n0);
await p.locator(tid('activity-item')).first().click();
await p.waitForSelector(tid('customer-detail'));
await p.keyboard.press('Escape');
await p.waitForSelector(tid('customer-detail'), { state: 'detached' });
await p.locator(tid('page-customers')).click();
step('activity load more + open');
// Sync with progress.
await p.locator(tid('sync-now')).click();
await p.waitForSelector(tid('sync-progress'));
await p.screenshot({ path: '/tmp/shots/syncing.png' });
await p.locator(tid('sync-cancel')).click();
await p.waitForSelector(tid('toast-info'));
step('sync progress + cancel');

// Sign-in: an empty form says what is missing; a refused sign-in shows in the form only.
const si = await open('');
await si.locator(tid('demo-sign-in')).click();
await si.locator(tid('sign-in-submit')).click();
await si.waitForSelector('text=Enter the marketplace address');
assert.ok(await si.locator('text=Enter your email').isVisible());
assert.ok(await si.locator('text=Enter your password').isVisible());
await si.locator(tid('sign-in-base-url')).fill('https://marketplace.example.com');
await si.locator(tid('sign-in-email')).fill('studio@example.com');
await si.locator(tid('sign-in-password')).fill('wrong');
await si.locator(tid('sign-in-submit')).click();
await si.waitForSelector(tid('sign-in-error'));
assert.match(await si.locator(tid('sign-in-error')).textContent(), /Wrong email or password/);
await si.waitForTimeout(300);
assert.equal(await si.locator(tid('toast-error')).count(), 0, 'no toast on top of the inline error');
step('sign-in errors inline only');

// Rollback when the store refuses.
const f = await open('?failedits');
const frow = f.locator(tid('customer-row')).nth(2);
const fBefore = await frow.locator(tid('favorite-toggle')).getAttribute('data-active');
await frow.locator(tid('favorite-toggle')).click();
await f.waitForSelector(tid('toast-error'));
await f.waitForTimeout(200);
assert.equal(await frow.locator(tid('favorite-toggle')).getAttribute('data-active'), fBefore);
await f.screenshot({ path: '/tmp/shots/rollback.png' });
step('rollback + error toast');

assert.deepEqual(errors, []);
await browser.close();
console.log('smoke ok');
