// Clicks and types through the customer book against the mock backend, keyboard first:
// node scripts/book-smoke.mjs [baseUrl]. A developer check, like smoke.mjs.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const base = process.argv[2] ?? 'http://localhost:4173/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
// Like the Tauri shell (freezePrototype: true).
await ctx.addInitScript(() => Object.freeze(Object.prototype));
const errors = [];
const p = await ctx.newPage();
p.on('pageerror', (e) => errors.push(e.message));
await p.goto(base);
await p.waitForSelector('[data-testid="customer-row"]');
const tid = (id) => `[data-testid="${id}"]`;
const step = (name) => console.log('✓', name);
const dialogs = () => p.locator('[role="dialog"]:visible').count();

// "n" opens Add customer; Enter submits; the drawer opens on the new customer.
await p.locator('body').click({ position: { x: 2, y: 300 } });
await p.keyboard.press('n');
await p.waitForSelector(tid('customer-first-name'));
assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'customer-first-name', 'first name focused');
await p.keyboard.press('Enter');
await p.waitForSelector('text=A first name is needed');
await p.keyboard.type('Kamala');
await p.keyboard.press('Tab');
await p.keyboard.type('Pun');
await p.keyboard.press('Enter');
await p.waitForSelector(`${tid('customer-detail')}`);
assert.equal(await p.locator(tid('detail-name')).textContent(), 'Kamala Pun');
await p.waitForSelector('text=Added Kamala Pun');
step('n → add customer, Enter submits, drawer on the new customer');

// Record a visit from the drawer; Esc closes the modal only, then the drawer.
await p.locator(tid('detail-record-visit')).click();
await p.waitForSelector(tid('visit-service'));
await p.keyboard.type('Threading');
await p.locator(tid('visit-amount')).fill('200');
await p.keyboard.press('Enter');
await p.waitForSelector(`${tid('booking-row')}[data-source="local"]`);
assert.match(await p.locator(tid('detail-total-bookings')).textContent(), /^1$/);
step('record a visit from the drawer (Enter), the history shows it');
await p.locator(tid('visit-edit')).first().click();
await p.waitForSelector(tid('visit-service'));
assert.equal(await p.locator(tid('visit-service')).inputValue(), 'Threading');
await p.keyboard.press('Escape');
await p.waitForTimeout(400);
assert.equal(await p.locator(tid('customer-detail')).count(), 1, 'Esc closed only the visit modal');
await p.locator(tid('visit-delete')).first().click();
await p.waitForSelector(tid('confirm-delete-visit'));
await p.keyboard.press('Enter');
await p.waitForSelector(`${tid('booking-row')}[data-source="local"]`, { state: 'detached' });
step('edit prefilled, Esc closes the modal only; delete with a confirm');

// Edit profile of an own customer, tags, archive + restore.
await p.locator(tid('detail-edit-profile')).click();
await p.locator(tid('customer-city')).fill('Butwal');
await p.keyboard.press('Enter');
await p.waitForSelector('text=Saved Kamala Pun');
await p.locator(tid('detail-tags')).click();
await p.keyboard.type('Walk-in');
await p.keyboard.press('Enter');
await p.waitForSelector('text=Tags saved for Kamala Pun');
await p.locator(tid('detail-archive')).click();
await p.waitForSelector('text=They leave the list and the stats; nothing is deleted.');
await p.keyboard.press('Enter');
await p.waitForSelector(tid('detail-archived'));
await p.locator(tid('detail-restore')).click();
await p.waitForSelector(tid('detail-archived'), { state: 'detached' });
await p.keyboard.press('Escape');
await p.waitForTimeout(400);
assert.equal(await dialogs(), 0);
step('edit profile, tag, archive (confirm) and restore');

// Platform customers are read-only.
await p.locator(tid('customer-row')).nth(3).click();
await p.waitForSelector(tid('detail-read-only'));
assert.equal(await p.locator(tid('detail-edit-profile')).count(), 0);
await p.keyboard.press('Escape');
await p.waitForTimeout(400);
step('platform profile read-only');

// Duplicates: merge then undo.
const groups = Number(await p.locator(tid('duplicates-count')).textContent());
await p.locator(tid('duplicates-button')).click();
await p.locator(tid('duplicate-merge')).first().click();
await p.waitForSelector(tid('merge-undo'));
await p.waitForFunction((n) => Number(document.querySelector('[data-testid="duplicates-count"]')?.textContent ?? 0) === n - 1, groups);
await p.locator(tid('merge-undo')).click();
await p.waitForSelector('text=Merge undone');
await p.waitForFunction((n) => Number(document.querySelector('[data-testid="duplicates-count"]')?.textContent ?? 0) === n, groups);
await p.keyboard.press('Escape');
await p.waitForTimeout(400);
step('duplicates: merge, undo');

// Import with invalid rows: only the valid ones.
await p.locator(tid('add-menu')).click();
await p.locator(tid('import-list')).click();
await p.waitForSelector(tid('import-preview'));
assert.ok(await p.locator(tid('import-run')).isDisabled());
await p.locator(tid('import-run-valid')).click();
await p.waitForSelector('text=/Imported: \\d+ added, \\d+ updated/');
step('import preview → import the valid rows');

// Tag filter: the list shows only tagged customers.
const before = await p.locator(tid('result-count')).textContent();
await p.locator(tid('tag-filter')).click();
await p.getByRole('option', { name: /^Walk-in/ }).click();
await p.keyboard.press('Escape');
await p.waitForFunction((b) => document.querySelector('[data-testid="result-count"]')?.textContent !== b, before);
await p.waitForTimeout(300);
const rowsTagged = await p.locator(tid('customer-row')).evaluateAll((rs) => rs.every((r) => /Walk-in/.test(r.querySelector('[data-testid="tag-chip"]')?.getAttribute('title') ?? '')));
assert.ok(rowsTagged, 'every row has the tag');
step('tag filter');

assert.deepEqual(errors, []);
await browser.close();
console.log('book smoke ok');
