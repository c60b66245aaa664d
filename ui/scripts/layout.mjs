// Layout check at the window sizes the shell allows: node scripts/layout.mjs [baseUrl] [outDir]
// Needs `npx vite preview --port 4173`. For 1280×800 and 900×600 at 100,000 mock customers it
// prints how many list rows are fully visible, whether the page itself scrolls, and whether
// the toolbar or the list moves while a search is typed (it must not), and saves screenshots.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const probe = () => {
  const q = (id) => document.querySelector(`[data-testid="${id}"]`);
  const scroller = q('customer-list-scroll')?.getBoundingClientRect();
  const rows = [...document.querySelectorAll('[data-testid="customer-row"]')].filter((r) => {
    const b = r.getBoundingClientRect();
    return scroller && b.top >= scroller.top - 0.5 && b.bottom <= Math.min(scroller.bottom, window.innerHeight) + 0.5 && b.height > 0;
  });
  const toolbar = q('list-toolbar')?.getBoundingClientRect();
  return {
    rowsVisible: rows.length,
    pageScrolls: document.documentElement.scrollHeight > window.innerHeight + 1 || document.body.scrollHeight > window.innerHeight + 1,
    toolbar: toolbar && [Math.round(toolbar.top), Math.round(toolbar.height)],
    listTop: scroller && Math.round(scroller.top),
    search: q('search-input')?.getBoundingClientRect().width,
  };
};

let failed = false;
for (const [w, h, query] of [
  [1280, 800, '?count=100000'],
  [900, 600, '?count=100000'],
  [900, 600, '?count=100000&signedin'],
]) {
  const p = await browser.newPage({ viewport: { width: w, height: h } });
  p.on('pageerror', (e) => console.error('pageerror', e.message));
  await p.goto(base + query);
  await p.waitForSelector('[data-testid="customer-row"]', { timeout: 120_000 });
  await p.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="status-count-all"], [data-testid="status-menu"]')?.textContent ?? ''));
  await p.waitForTimeout(800);
  const before = await p.evaluate(probe);
  const name = `${w}x${h}${query.includes('signedin') ? '-signedin' : ''}`;
  await p.screenshot({ path: `${out}/layout-${name}.png` });
  // Type a search that shrinks every count to one or two digits, one key at a time, and
  // record where the toolbar and the list are after each key.
  await p.click('[data-testid="search-input"]');
  const moves = [];
  for (const key of 'zzq') {
    await p.keyboard.press(key);
    await p.waitForTimeout(250);
    moves.push(await p.evaluate(probe));
  }
  await p.screenshot({ path: `${out}/layout-${name}-search.png` });
  const jumped = moves.some((m) => JSON.stringify([m.toolbar, m.listTop, m.search]) !== JSON.stringify([before.toolbar, before.listTop, before.search]));
  console.log(name, JSON.stringify(before), jumped ? `MOVED: ${JSON.stringify(moves)}` : 'toolbar and list stay put while typing');
  if (before.rowsVisible < 8 || before.pageScrolls || jumped) failed = true;
  await p.close();
}
await browser.close();
console.log(failed ? 'layout FAILED' : 'layout ok', '— screenshots in', out);
process.exitCode = failed ? 1 : 0;
