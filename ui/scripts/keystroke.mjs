// Keystroke → updated list at 100,000 mock customers: node scripts/keystroke.mjs [baseUrl] [n]
// Needs `npx vite preview --port 4173`. The mock answers after ?slow=40 ms (like the real IPC).
// For each keystroke in the search box it records:
//   total   = keydown → the last DOM change of the list (rows + count); there is no debounce
//   render  = the list answer handed back by the mock → that last DOM change (the page's own work)
// Both measured to the next animation frame after the change (≈ when it is painted).
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173/';
const n = Number(process.argv[3] ?? 24);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await p.goto(`${base}?count=100000&slow=40`);
await p.waitForSelector('[data-testid="customer-row"]', { timeout: 120_000 });
await p.waitForSelector('[data-testid="stat-total_customers-value"]', { timeout: 120_000 });
await p.waitForTimeout(1500);
await p.click('[data-testid="search-input"]');

await p.evaluate(() => {
  const w = window;
  w.__marks = [];
  // The rows and the result count (not the toolbar: the status filter's indicator slides to
  // its new place in a CSS transition after the counts change).
  const mo = (w.__mo = new MutationObserver(() => {
    const t = performance.now();
    requestAnimationFrame(() => w.__marks.push({ t, frame: performance.now() }));
  }));
  for (const id of ['customer-list-scroll', 'result-count']) {
    mo.observe(document.querySelector(`[data-testid="${id}"]`), { subtree: true, childList: true, characterData: true, attributes: true });
  }
});

// Every keystroke gives a search never seen before (a cached one would skip the IPC): replace
// the text with one letter, then append a second one, and so on.
// Letters that are not in "example.com" (every mock e-mail has it, so those match everyone).
const letters = 'iukrnsthbdgyvjw';
const seconds = 'anrlsmehiokdtu';
const totals = [];
const renders = [];
let skipped = 0;
for (let i = 0; totals.length < n && i < n * 2; i++) {
  const key = i % 2 === 0 ? letters[(i / 2) % letters.length] : seconds[((i - 1) / 2) % seconds.length];
  await p.keyboard.press(i % 2 === 0 ? 'Control+A' : 'End');
  await p.evaluate(() => {
    window.__marks = [];
    window.__listAnsweredAt = 0;
  });
  const t0 = await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
  await p.keyboard.press(key);
  // Settle: no list mutations for 400 ms after the answer arrived.
  const res = await p.evaluate(async () => {
    const start = performance.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const m = window.__marks;
      const last = m.length ? m[m.length - 1].frame : 0;
      if (window.__listAnsweredAt && last > window.__listAnsweredAt && performance.now() - last > 400) {
        const after = m.filter((x) => x.t >= window.__listAnsweredAt);
        return { answered: window.__listAnsweredAt, last, first: after[0]?.frame ?? last, n: after.length, lastMut: m[m.length - 1].t, times: after.map((x) => Math.round(x.t - window.__listAnsweredAt)) };
      }
      if (performance.now() - start > 4000) return null; // the rows did not change (same result)
    }
  });
  if (!res) {
    skipped++;
    continue;
  }
  if (i < 2) continue; // warm-up
  totals.push(res.last - t0);
  renders.push(res.last - res.answered);
  if (process.env.DEBUG) console.log(key, res.times.join(","), Math.round(res.last - res.answered));
}
const pct = (a, q) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
};
console.log(
  JSON.stringify({
    keystrokes: totals.length,
    skipped,
    keyToList: { p50: pct(totals, 0.5), p95: pct(totals, 0.95) },
    answerToPaint: { p50: pct(renders, 0.5), p95: pct(renders, 0.95) },
  }),
);
await browser.close();
