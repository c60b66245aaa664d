// The customer book in the real app (docs/rules.md §7–§9), walked as a provider would:
// add a walk-in → record a visit → tag them → preview and import a client list → merge two
// cards that are the same person → undo the merge. Screenshots of each step go to
// docs/screenshots/e2e-book-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, startApp } from '../lib/driver.js';
import { rows, shot as windowShot, statusCount, tid, until } from '../lib/page.js';

const CUSTOMERS = 200;
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'clientele-e2e-book-'));
const db = path.join(tmp, 'clientele.db');
const list = path.join(tmp, 'clients.csv');
let app;
let browser;

const shot = async (name) => {
  await browser.pause(300); // let dialogs finish their transition
  await windowShot(browser, path.join(SHOTS, `e2e-book-${name}.png`));
};

/** Types into the input with this test id (clearing it first). */
async function type(testId, text) {
  const el = await browser.$(tid(testId));
  await el.waitForDisplayed({ timeout: 5000 });
  await el.clearValue();
  await el.setValue(text);
}

describe('customer book', () => {
  before(async () => {
    execFileSync(CLI, ['--db', db, 'demo', '--customers', String(CUSTOMERS)], { stdio: 'inherit' });
    // A second card for a demo customer (same email): a duplicate to merge.
    const first = JSON.parse(execFileSync(CLI, ['--db', db, '--json', 'customers', '--page-size', '1']).toString()).results[0];
    execFileSync(CLI, ['--db', db, 'add-customer', '--first-name', first.first_name, '--last-name', first.last_name, '--email', first.email.toUpperCase(), '--notes', 'Came in by phone first']);
    // A client list: one new person, one invalid line (no name), one matching row.
    writeFileSync(list, `\uFEFFFull Name;E-mail;Mobile;Town;Labels\r\nBina Gurung;bina@example.com;+977 981-222-3333;Pokhara;import|vip\r\n;nobody@example.com;;;\r\n${first.first_name} ${first.last_name};${first.email};;;regular\r\n`);
    mkdirSync(SHOTS, { recursive: true });
    const xdg = Object.fromEntries(['DATA', 'CONFIG', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(tmp, k.toLowerCase())]));
    app = await startApp({ env: { CLIENTELE_DB: db, CLIENTELE_IMPORT_FROM: list, ...xdg } });
    browser = app.browser;
    await (await browser.$(tid('customer-row'))).waitForExist({ timeout: 15000 });
    await until(browser, () => document.querySelector('[data-testid="status-count-all"]')?.textContent.match(/\d/), [], { what: 'status counts' });
  });

  after(async () => {
    await app?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('adding a walk-in puts them in the book and the count', async () => {
    const all = await statusCount(browser, 'all');
    await browser.$(tid('add-customer')).click();
    await type('customer-first-name', 'Walk');
    await type('customer-last-name', 'Intest');
    await type('customer-phone', '+977 980-111-2233');
    await shot('add');
    await browser.$(tid('customer-save')).click();
    await browser.$(tid('customer-detail')).waitForDisplayed({ timeout: 10000 });
    assert.equal(await browser.$(tid('detail-name')).getText(), 'Walk Intest');
    await until(browser, (n) => Number(document.querySelector('[data-testid="status-count-all"]').textContent.replace(/\D/g, '')) === n, [all + 1], { what: 'All + 1' });
  });

  test('a visit recorded from the drawer counts at once', async () => {
    await browser.$(tid('detail-record-visit')).click();
    await type('visit-service', 'Walk-in haircut');
    await type('visit-amount', '1200.00');
    await shot('visit');
    await browser.$(tid('visit-save')).click();
    await until(browser, () => [...document.querySelectorAll('[data-testid="booking-row"]')].some((r) => r.textContent.includes('Walk-in haircut')), [], { what: 'the visit in the history' });
    await until(browser, () => document.querySelector('[data-testid="detail-metrics"]')?.textContent.includes('1,200'), [], { what: 'spent 1,200' });
  });

  test('a tag added in the drawer shows on the row and filters the list', async () => {
    const tags = await browser.$(`${tid('detail-tags')} input, input${tid('detail-tags')}`);
    await tags.click();
    await browser.keys([...'Walk-ins', 'Enter']);
    await browser.keys('Escape');
    await browser.$(tid('detail-close')).click().catch(() => {});
    await browser.$(tid('customer-detail')).waitForDisplayed({ reverse: true, timeout: 5000 }).catch(() => {});
    await type('search-input', 'intest');
    await until(browser, () => {
      const rs = [...document.querySelectorAll('[data-testid="customer-row"]')];
      return rs.length === 1 && [...rs[0].querySelectorAll('[data-testid="tag-chip"]')].some((c) => c.textContent.includes('Walk-ins'));
    }, [], { what: 'the row with its tag chip', timeout: 10000 });
    await shot('tagged');
    await browser.$(tid('search-clear')).click();
    await until(browser, (n) => Number(document.querySelector('[data-testid="status-count-all"]').textContent.replace(/\D/g, '')) > n, [CUSTOMERS], { what: 'search cleared' });
  });

  test('an import preview lists the invalid line, then imports the valid rows', async () => {
    const all = await statusCount(browser, 'all');
    await browser.$(tid('add-menu')).click();
    await browser.$(tid('import-list')).click();
    await browser.$(tid('import-preview')).waitForDisplayed({ timeout: 10000 });
    const invalid = await browser.$$(tid('import-invalid-row'));
    assert.equal(invalid.length, 1);
    assert.match(await invalid[0].getText(), /3/);
    assert.equal(await browser.$(tid('import-run')).isEnabled(), false, 'one invalid row: the plain import is refused');
    await shot('import-preview');
    await browser.$(tid('import-run-valid')).click();
    const outcome = await until(browser, () => {
      const err = document.querySelector('[data-testid="import-run-error"]');
      if (err) return `error: ${err.textContent}`;
      return !document.querySelector('[data-testid="import-preview"]') && 'closed';
    }, [], { what: 'the import to finish', timeout: 15000 });
    assert.equal(outcome, 'closed');
    await until(browser, (n) => Number(document.querySelector('[data-testid="status-count-all"]').textContent.replace(/\D/g, '')) === n, [all + 1], { what: 'one customer added' });
  });

  test('merging a duplicate takes a card out, and Undo brings it back', async () => {
    const all = await statusCount(browser, 'all');
    await browser.$(tid('duplicates-button')).click();
    await browser.$(tid('duplicate-group')).waitForDisplayed({ timeout: 10000 });
    await shot('duplicates');
    await browser.$(tid('duplicate-merge')).click();
    const merged = await until(browser, (n) => {
      const c = Number(document.querySelector('[data-testid="status-count-all"]').textContent.replace(/\D/g, ''));
      return c < n && c;
    }, [all], { what: 'fewer cards' });
    const undo = await browser.$(tid('merge-undo'));
    await undo.waitForDisplayed({ timeout: 5000 });
    await shot('merged');
    await undo.click();
    await until(browser, (n) => Number(document.querySelector('[data-testid="status-count-all"]').textContent.replace(/\D/g, '')) === n, [merged + 1], { what: 'the merged card back' });
    assert.ok((await rows(browser)).length > 0);
  });
});

describe('segments and stats cards', () => {
  let seg;
  let segBrowser;
  const segTmp = mkdtempSync(path.join(os.tmpdir(), 'clientele-e2e-seg-'));
  const segDb = path.join(segTmp, 'clientele.db');

  before(async () => {
    execFileSync(CLI, ['--db', segDb, 'demo', '--customers', String(CUSTOMERS)], { stdio: 'inherit' });
    const xdg = Object.fromEntries(['DATA', 'CONFIG', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(segTmp, k.toLowerCase())]));
    seg = await startApp({ env: { CLIENTELE_DB: segDb, ...xdg } });
    segBrowser = seg.browser;
    await (await segBrowser.$(tid('customer-row'))).waitForExist({ timeout: 15000 });
  });

  after(async () => {
    await seg?.stop();
    rmSync(segTmp, { recursive: true, force: true });
  });

  test('a segment lists exactly the customers the CLI puts in it', async () => {
    const expected = JSON.parse(execFileSync(CLI, ['--db', segDb, '--json', 'customers', '--segment', 'lapsed', '--page-size', '1000']).toString());
    assert.ok(expected.count > 0, 'the demo has lapsed customers');
    await segBrowser.$(tid('segment-lapsed')).click();
    await until(segBrowser, (n) => document.querySelector('[data-testid="result-count"]')?.textContent.replace(/\D/g, '') === String(n), [expected.count], { what: `${expected.count} lapsed customers` });
    const shown = (await rows(segBrowser)).map((r) => r.id);
    const ids = new Set(expected.results.map((r) => r.customer_id));
    assert.ok(shown.length > 0 && shown.every((id) => ids.has(id)), 'every row shown is lapsed');
    await segBrowser.pause(300);
    await windowShot(segBrowser, path.join(SHOTS, 'e2e-segments.png'));
    await segBrowser.$(tid('segment-lapsed')).click();
  });

  test('clicking the Blocked card lists the blocked customers', async () => {
    const blocked = await statusCount(segBrowser, 'blocked');
    await segBrowser.$(tid('stat-blocked_customers')).click();
    await until(segBrowser, () => {
      const rs = [...document.querySelectorAll('[data-testid="customer-row"] [data-testid="status-badge"]')];
      return rs.length > 0 && rs.every((b) => b.dataset.status === 'blocked');
    }, [], { what: 'only blocked rows' });
    assert.equal(await segBrowser.$(tid('stat-blocked_customers')).getAttribute('aria-pressed'), 'true');
    const count = Number((await segBrowser.$(tid('result-count')).getText()).replace(/\D/g, ''));
    assert.equal(count, blocked);
  });
});
