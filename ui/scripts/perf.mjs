// Scroll smoothness at 100,000 customers (mock backend): node scripts/perf.mjs [baseUrl]
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
await browser.close();
