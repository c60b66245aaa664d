// The real app (embedded UI) on a 300-customer demo database, driven like a user would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../lib/csv.js';
import { CLI, ROOT, startApp } from '../lib/driver.js';
import { amount, clickInRow, rows, rowStatus, shot, statusCount, tid, until } from '../lib/page.js';

const CUSTOMERS = 300;
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'clientele-e2e-'));
const db = path.join(tmp, 'clientele.db');
const exportTo = path.join(tmp, 'export.csv');
let app;
let browser;

describe('customer page', () => {
  before(async () => {
    execFileSync(CLI, ['--db', db, 'demo', '--customers', String(CUSTOMERS)], { stdio: 'inherit' });
    mkdirSync(SHOTS, { recursive: true });
    // Private XDG dirs: the webview's storage (theme choice…) starts empty on every run.
    const xdg = Object.fromEntries(['DATA', 'CONFIG', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(tmp, k.toLowerCase())]));
    app = await startApp({ env: { CLIENTELE_DB: db, CLIENTELE_EXPORT_TO: exportTo, ...xdg } });
    browser = app.browser;
  });

  after(async () => {
    await app?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('opens on the populated list with counts and stats', async () => {
    await $wait(tid('customer-row'), 15000);
    await until(browser, () => document.querySelector('[data-testid="status-count-all"]')?.textContent.match(/\d/), [], { what: 'status counts' });
    assert.equal(await statusCount(browser, 'all'), CUSTOMERS);
    assert.ok((await rows(browser)).length >= 5, 'several rows are rendered');
    await until(browser, () => document.querySelector('[data-testid="stat-total_customers-value"]')?.textContent.match(/\d/), [], { what: 'stats cards' }).catch(() => {});
    await browser.pause(400); // let charts finish their entry animation for the screenshot
    await shot(browser, path.join(SHOTS, 'app.png'));
  });

  test('search filters the rows as the user types', async () => {
    const [first] = await rows(browser);
    const email = await browser.execute((id) => document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"]`).textContent, first.id);
    const needle = first.name.split(' ').at(-1).toLowerCase();
    const input = await browser.$(tid('search-input'));
    await input.setValue(needle);
    const found = await until(browser, (n) => {
      const rs = [...document.querySelectorAll('[data-testid="customer-row"]')];
      return rs.length > 0 && rs.length < 300 && rs.every((r) => r.textContent.toLowerCase().includes(n)) && rs.length;
    }, [needle], { what: `rows matching "${needle}"` });
    assert.ok(found >= 1 && email);
    assert.ok((await statusCount(browser, 'all')) < CUSTOMERS, 'the counts follow the search');
    await browser.$(tid('search-clear')).click();
    await until(browser, (n) => document.querySelector('[data-testid="status-count-all"]')?.textContent.replace(/\D/g, '') === String(n), [CUSTOMERS], { what: 'search cleared' });
  });

  test('at 900×600 the list shows at least 8 whole rows and stays put while typing', async () => {
    await browser.setWindowSize(900, 600);
    try {
      await until(browser, () => innerWidth === 900 && innerHeight === 600, [], { what: 'a 900×600 window' });
      await browser.pause(300);
      const layout = () => {
        const box = document.querySelector('[data-testid="customer-list-scroll"]').getBoundingClientRect();
        const whole = [...document.querySelectorAll('[data-testid="customer-row"]')].filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5;
        }).length;
        return { whole, listTop: Math.round(box.top), pageScrolls: document.documentElement.scrollHeight > innerHeight };
      };
      const before = await browser.execute(layout);
      assert.ok(before.whole >= 8, `at least 8 whole rows in view, got ${before.whole}`);
      assert.equal(before.pageScrolls, false, 'only the list scrolls, not the page');
      await shot(browser, path.join(SHOTS, 'window-900x600.png'));
      const input = await browser.$(tid('search-input'));
      await input.setValue('sh');
      await until(browser, (n) => Number(document.querySelector('[data-testid="status-count-all"]')?.textContent.replace(/\D/g, '')) < n, [CUSTOMERS], { what: 'the search applied' });
      assert.equal((await browser.execute(layout)).listTop, before.listTop, 'the toolbar did not reflow');
      await browser.$(tid('search-clear')).click();
    } finally {
      await browser.setWindowSize(1280, 800);
    }
  });

  test('filtering by status shows only that status, as many as its chip says', async () => {
    const regular = await statusCount(browser, 'regular');
    assert.ok(regular > 0);
    await browser.$(tid('status-filter-regular')).click();
    await until(browser, () => {
      const rs = [...document.querySelectorAll('[data-testid="customer-row"] [data-testid="status-badge"]')];
      return rs.length > 0 && rs.every((b) => b.dataset.status === 'regular');
    }, [], { what: 'only regular rows' });
    const shown = await browser.$(tid('result-count')).getText();
    assert.match(shown.replace(/,/g, ''), new RegExp(`\\b${regular}\\b`), `result count "${shown}" says ${regular}`);
    await browser.$(tid('status-filter-all')).click();
    await until(browser, () => [...document.querySelectorAll('[data-testid="status-badge"]')].some((b) => b.dataset.status !== 'regular'), [], { what: 'all statuses back' });
  });

  test('sorting by total spent orders the rows', async () => {
    await browser.$(tid('sort-select')).click();
    const option = await browser.$('[role="option"]*=Total spent');
    await option.click();
    await until(browser, () => {
      const v = [...document.querySelectorAll('[data-testid="customer-row"] [data-testid="total-spent"]')].map((e) => Number(e.textContent.replace(/[^0-9.]/g, '')));
      return v.length > 3 && v.every((x, i) => i === 0 || v[i - 1] >= x);
    }, [], { what: 'rows sorted by spend, highest first' });
    const direction = await browser.$(tid('sort-direction'));
    await direction.click();
    await until(browser, () => {
      const v = [...document.querySelectorAll('[data-testid="customer-row"] [data-testid="total-spent"]')].map((e) => Number(e.textContent.replace(/[^0-9.]/g, '')));
      return v.length > 3 && v.every((x, i) => i === 0 || v[i - 1] <= x);
    }, [], { what: 'rows sorted by spend, lowest first' });
    const spent = (await rows(browser)).map((r) => amount(r.spent));
    assert.ok(spent[0] <= spent.at(-1));
    // Back to the default: last booking, newest first.
    await browser.$(tid('sort-select')).click();
    await (await browser.$('[role="option"]*=Last booking')).click();
    await until(browser, () => document.querySelector('[data-testid="sort-direction"]')?.dataset.direction === 'desc', [], { what: 'default sort' }).catch(async () => direction.click());
  });

  let customer;

  test('favouriting a row changes its badge and the favourite count', async () => {
    customer = (await rows(browser)).find((r) => !r.favorite && !r.blocked && !r.hasNotes);
    assert.ok(customer, 'a plain customer is visible');
    const favorites = await statusCount(browser, 'favorite');
    await clickInRow(browser, customer.id, 'favorite-toggle');
    await until(browser, (id) => document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"] [data-testid="status-badge"]`)?.dataset.status === 'favorite', [customer.id], { what: 'favourite badge' });
    await until(browser, (n) => Number(document.querySelector('[data-testid="status-count-favorite"]').textContent.replace(/\D/g, '')) === n, [favorites + 1], { what: 'favourite count + 1' });
  });

  test('blocking asks for confirmation and a reason, then shows the block', async () => {
    const blocked = await statusCount(browser, 'blocked');
    const favorites = await statusCount(browser, 'favorite');
    await clickInRow(browser, customer.id, 'block-toggle');
    const reason = await browser.$(tid('block-reason'));
    await reason.waitForDisplayed({ timeout: 5000 });
    await reason.setValue('No-show twice');
    await browser.$(tid('confirm-block')).click();
    await until(browser, (id) => document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"] [data-testid="status-badge"]`)?.dataset.status === 'blocked', [customer.id], { what: 'blocked badge' });
    await until(browser, (b, f) => Number(document.querySelector('[data-testid="status-count-blocked"]').textContent.replace(/\D/g, '')) === b
      && Number(document.querySelector('[data-testid="status-count-favorite"]').textContent.replace(/\D/g, '')) === f, [blocked + 1, favorites - 1], { what: 'blocked + 1, favourite − 1' });
    assert.equal(await rowStatus(browser, customer.id), 'blocked');
  });

  const NOTES = 'Gate code 4321. नमस्ते — prefers mornings.';

  test('notes are edited in a dialog and marked on the row', async () => {
    await clickInRow(browser, customer.id, 'notes-button');
    const area = await browser.$(tid('notes-textarea'));
    await area.waitForDisplayed({ timeout: 5000 });
    await area.setValue(NOTES);
    await browser.$(tid('notes-save')).click();
    await until(browser, (id) => document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"] [data-testid="notes-button"]`)?.dataset.hasNotes === 'true', [customer.id], { what: 'notes indicator' });
    await browser.$(tid('notes-dialog')).waitForDisplayed({ reverse: true, timeout: 5000 }).catch(() => {});
  });

  test("a customer's detail shows profile, notes and booking history", async () => {
    await browser.execute((id) => document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"] [data-testid="customer-name"]`).click(), customer.id);
    await browser.$(tid('customer-detail')).waitForDisplayed({ timeout: 10000 });
    await browser.$(tid('booking-row')).waitForDisplayed({ timeout: 10000 });
    assert.equal(await browser.$(tid('detail-name')).getText(), customer.name);
    assert.equal((await browser.$(tid('detail-notes')).getText()).trim(), NOTES);
    assert.ok((await browser.$$(tid('booking-row'))).length >= 1);
    await browser.pause(400); // drawer transition
    await shot(browser, path.join(SHOTS, 'detail.png'));
    await browser.$(tid('detail-close')).click();
    await browser.$(tid('customer-detail')).waitForDisplayed({ reverse: true, timeout: 5000 });
  });

  test('export writes a CSV with a BOM, the columns and every customer', async () => {
    await browser.$(tid('export-button')).click();
    await (await browser.$(tid('export-all'))).click();
    await browser.waitUntil(() => existsSync(exportTo), { timeout: 10000, timeoutMsg: 'export file written' });
    await browser.$(tid('toast-success')).waitForDisplayed({ timeout: 5000 });
    const text = readFileSync(exportTo, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM');
    const [header, ...data] = parseCsv(text.slice(1)).filter((r) => r.length > 1);
    assert.deepEqual(header, ['Customer Name', 'Email', 'Phone', 'Total Bookings', 'Total Spent', 'Average Rating', 'Customer Status', 'First Booking', 'Last Booking', 'Is Favorite', 'Is Blocked', 'Notes', 'City', 'Cancelled Bookings', 'Last Visit', 'Next Visit', 'Tags']);
    assert.equal(data.length, CUSTOMERS);
    const mine = data.find((r) => r[0] === customer.name && r[11] === NOTES);
    assert.ok(mine, 'the edited customer is exported with their notes');
    assert.deepEqual([mine[6], mine[10]], ['Blocked', 'Yes']);
  });

  test('the dark theme applies', async () => {
    for (let i = 0; i < 3; i++) {
      if ((await browser.execute(() => document.documentElement.dataset.mantineColorScheme)) === 'dark') break;
      await browser.$(tid('theme-toggle')).click();
      await browser.pause(150);
    }
    assert.equal(await browser.execute(() => document.documentElement.dataset.mantineColorScheme), 'dark');
    const bg = await browser.execute(() => getComputedStyle(document.body).backgroundColor);
    // A clean shot: no hover tooltip on the toggle, no toast from the export.
    await browser.$(tid('app-name')).moveTo();
    await browser.$(tid('toast-success')).waitForDisplayed({ reverse: true, timeout: 8000 }).catch(() => {});
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 200, `dark background, got ${bg}`);
    await browser.pause(300);
    await shot(browser, path.join(SHOTS, 'dark.png'));
  });
});

async function $wait(selector, timeout) {
  await (await browser.$(selector)).waitForExist({ timeout });
}
