// Scroll smoothness at 100,000 customers (mock backend): node scripts/perf.mjs [baseUrl]
// Then, with the mock's usual 120 ms latency, a steady fast scroll (6,000 px/s) counts the
// frames in which a row still being loaded is on screen: the pages are read ahead, so ~0.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await p.goto(`${base}?count=100000&slow=5`);
await p.waitForSelector('[data-testid="customer-row"]', { timeout: 120_000 });
const result = await p.evaluate(async () => {
  const el = document.querySelector('[data-testid="customer-list-scroll"]');
  const frames = [];
  let last = performance.now();
  for (let i = 0; i < 120; i++) {
    el.scrollTop += 400;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  el.scrollTop = el.scrollHeight;
  await new Promise((r) => setTimeout(r, 1500));
  frames.sort((a, b) => a - b);
  return {
    rowsInDom: document.querySelectorAll('[data-testid="customer-row"], [data-testid="customer-row-loading"]').length,
    lastRowLoaded: document.querySelectorAll('[data-testid="customer-row"]').length > 0,
    p50: frames[60].toFixed(1),
    p95: frames[114].toFixed(1),
    count: document.querySelector('[data-testid="result-count"]').textContent,
  };
});
console.log(JSON.stringify(result));

const q = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await q.goto(`${base}?count=100000`);
await q.waitForSelector('[data-testid="customer-row"]', { timeout: 120_000 });
await q.waitForTimeout(1000);
const ahead = await q.evaluate(async () => {
  const el = document.querySelector('[data-testid="customer-list-scroll"]');
  const box = el.getBoundingClientRect();
  let frames = 0;
  let blank = 0;
  for (let t0 = performance.now(), t = t0; t - t0 < 4000; t = performance.now()) {
    el.scrollTop = ((t - t0) / 1000) * 6000;
    await new Promise((r) => requestAnimationFrame(r));
    frames++;
    const loading = [...el.querySelectorAll('[data-testid="customer-row-loading"]')].some((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > box.top + 34 && b.top < box.bottom;
    });
    if (loading) blank++;
  }
  return { frames, framesWithLoadingRowsOnScreen: blank };
});
console.log(JSON.stringify({ steadyScroll6000pxPerSecond: ahead }));
await browser.close();
