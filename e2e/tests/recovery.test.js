// A damaged database in the real app: the page may appear first (the file's quick_check runs
// after the first list), then the one recovery screen replaces it; "Start an empty book"
// sets the damaged file aside (never deleting it) and opens an empty book.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, startApp } from '../lib/driver.js';
import { shot, tid, until } from '../lib/page.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'clientele-e2e-recovery-'));
const db = path.join(tmp, 'clientele.db');
let app;
let browser;

/** Overwrites a run of pages in the middle of the file: the header stays valid (it is still
 * a Clientele file) but B-tree pages are garbage, which `PRAGMA quick_check` reports. */
function damage(file) {
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  const junk = Buffer.alloc(4096 * 8, 0x5a);
  writeSync(fd, junk, 0, junk.length, Math.floor(pages / 2) * 4096);
  closeSync(fd);
}

describe('recovery from a damaged database', () => {
  before(async () => {
    execFileSync(CLI, ['--db', db, 'demo', '--customers', '400'], { stdio: 'inherit' });
    damage(db);
    const xdg = Object.fromEntries(['DATA', 'CONFIG', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(tmp, k.toLowerCase())]));
    app = await startApp({ env: { CLIENTELE_DB: db, ...xdg } });
    browser = app.browser;
  });

  after(async () => {
    await app?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('shows one recovery screen naming the damage, with its three ways out', async () => {
    const screen = await browser.$(tid('recovery-screen'));
    await screen.waitForDisplayed({ timeout: 20000 });
    assert.equal(await screen.getAttribute('data-error-code'), 'damaged');
    assert.match(await screen.getText(), /is damaged/);
    for (const id of ['recovery-open', 'recovery-restore', 'recovery-empty']) {
      assert.ok(await (await browser.$(tid(id))).isDisplayed(), `${id} is shown`);
    }
    // No backup exists yet for this file: the restore button says so rather than failing.
    assert.match(await (await browser.$(tid('recovery-restore-note'))).getText(), /no backup/i);
    await shot(browser, path.join(ROOT, 'docs', 'screenshots', 'e2e-recovery.png'));
  });

  test('"Start an empty book" keeps the damaged file aside and opens an empty book', async () => {
    await (await browser.$(tid('recovery-empty'))).click();
    await (await browser.$(tid('recovery-empty-confirm'))).click();
    await until(browser, () => !!document.querySelector('[data-empty="no-customers"]'), [], { timeout: 20000, what: 'the empty book' });
    const aside = readdirSync(tmp).filter((f) => /^clientele\.db\.damaged-\d{8}-\d{6}$/.test(f));
    assert.equal(aside.length, 1, `one damaged file set aside: ${readdirSync(tmp).join(', ')}`);
    assert.ok(statSync(path.join(tmp, aside[0])).size > 100_000, 'the damaged file is kept whole');
    assert.equal(await browser.$(tid('recovery-screen')).isExisting(), false);
  });
});
