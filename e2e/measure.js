// Release-build measurements: launch → populated list, keystroke → updated list at scale,
// and memory (app + its WebKit processes). Usage: node measure.js <db> [label]
import { readFileSync, readdirSync } from 'node:fs';
import { startApp } from './lib/driver.js';
import { tid } from './lib/page.js';

const [db, label = db] = process.argv.slice(2);
if (db === '--blank') {
  // The floor: the same app with an empty page and no database (CLIENTELE_BLANK_WINDOW).
  const blank = await startApp({ env: { CLIENTELE_BLANK_WINDOW: '1', CLIENTELE_DB: '/nonexistent/blank.db' } });
  await blank.browser.pause(4000);
  const rss_mb = rssOfAppTree(blank.driverPid);
  await blank.stop();
  console.log(JSON.stringify({ label: 'blank window (floor)', rss_mb }));
  process.exit(0);
}
const app = await startApp({ env: { CLIENTELE_DB: db } });
const { browser } = app;
const result = { label };
try {
  await browser.waitUntil(() => browser.execute(() => !!document.querySelector('[data-testid="customer-row"]')), { timeout: 60000, interval: 10 });
  result.launch_to_first_row_ms = Date.now() - app.launchedAt;
  // From the app's start (its log line) to the page's `first-rows` mark, both on the wall
  // clock: what the user waits, without WebDriver's session set-up.
  const firstRowsAt = await browser.execute(() => {
    const mark = performance.getEntriesByName('first-rows')[0];
    return mark ? performance.timeOrigin + mark.startTime : null;
  });
  const started = /started at (\d+) ms since the epoch/.exec(app.driverLog.join(''));
  if (firstRowsAt && started) {
    result.process_start_to_first_rows_ms = Math.round(firstRowsAt - Number(started[1]));
    // Where that time goes: the page's navigation start, its script run (DOMContentLoaded).
    const nav = await browser.execute(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { origin: performance.timeOrigin, dom_ready: n ? n.domContentLoadedEventEnd : null };
    });
    result.launch_breakdown_ms = {
      page_navigation_started: Math.round(nav.origin - Number(started[1])),
      page_script_done: nav.dom_ready === null ? null : Math.round(nav.origin + nav.dom_ready - Number(started[1])),
    };
    // The page's own marks (ui/src/main.tsx, useCustomerPages, CustomerList), same clock.
    const marks = await browser.execute(() => performance.getEntriesByType('mark').map((m) => [m.name, performance.timeOrigin + m.startTime]));
    for (const [name, at] of marks) result.launch_breakdown_ms[name] = Math.round(at - Number(started[1]));
  }
  // MEASURE_LAUNCH_ONLY=1: the launch figures alone (quicker, for trying launch changes).
  if (process.env.MEASURE_LAUNCH_ONLY) {
    await app.stop();
    console.log(JSON.stringify(result));
    process.exit(0);
  }
  await browser.pause(1500); // settle: stats, charts, activity
  // Memory after each phase, to tell what the launch, scrolling and typing each cost.
  const phases = {};
  const phase = (name) => { const m = rssOfAppTree(app.driverPid); phases[name] = { total_pss: m.total_pss, ...Object.fromEntries(Object.entries(m.by_process).map(([k, v]) => [k.split(':')[0], v.pss])) }; };
  phase('launched');

  // Jump-scroll: the list's scroll box set far down at once (a drag of the scrollbar), timed
  // in the page until every row in view is filled (no placeholder rows left in view).
  result.jump_scroll_ms = [];
  for (const fraction of [0.5, 0.9, 0.2, 0.7, 0.35]) {
    result.jump_scroll_ms.push(await browser.execute(jumpScroll, fraction));
    await browser.pause(300);
  }
  await browser.execute(() => { document.querySelector('[data-testid="customer-list-scroll"]').scrollTop = 0; });
  await browser.pause(500);
  phase('after jump-scrolls');

  // Keystroke → list changed, timed inside the page (keydown to the DOM mutation that
  // replaces the rows).
  const input = await browser.$(tid('search-input'));
  await input.click();
  const samples = [];
  // Each keystroke must change the result ("s" alone would not: every demo email has one).
  const keys = ['r', 'a', 'm', '\uE003', '\uE003', '\uE003', 'k', 'c', 'o', '\uE003', '\uE003', '\uE003', '\uE003', 's', 'h', 'r', 'e', '\uE003', '\uE003', '\uE003', '\uE003', '\uE003', 'p', 'o', 'k', 'h', '\uE003', '\uE003', '\uE003', '\uE003'];
  for (const ch of keys) {
    await browser.execute(armObserver);
    await input.addValue(ch);
    const ms = await browser
      .waitUntil(() => browser.execute(() => window.__m.done), { timeout: 5000, interval: 5 })
      .catch(() => null);
    if (ch !== '\uE003') samples.push(ms === null ? 'no change' : Math.round(ms));
    await browser.pause(400);
  }
  result.keystroke_to_list_ms = samples;
  const timed = samples.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  const pct = (p) => timed[Math.min(timed.length - 1, Math.round((timed.length - 1) * p))];
  result.keystroke_p50_ms = pct(0.5);
  result.keystroke_p95_ms = pct(0.95);

  // The command alone (IPC + query), from the page, for the same kind of search; the rest of
  // a keystroke's time is the UI's 150 ms debounce plus React and WebKit layout.
  result.list_customers_ipc_ms = await browser.execute(async () => {
    const inv = window.__TAURI_INTERNALS__.invoke;
    const out = [];
    for (const search of ['sh', 'sha', 'ram', 'a', '98']) {
      const t = performance.now();
      await inv('list_customers', { query: { search, page_size: 100 } });
      out.push(Math.round(performance.now() - t));
    }
    return out;
  });

  result.rss_mb = rssOfAppTree(app.driverPid);
  phases['after typing'] = { total_pss: result.rss_mb.total_pss };
  // What the app keeps once the user stops: garbage collection and the allocators'
  // scavengers run on timers.
  await browser.pause(Number(process.env.MEASURE_IDLE_MS ?? 10000));
  phase('idle 10 s later');
  result.pss_by_phase_mb = phases;
} finally {
  await app.stop();
}
// The app's own log line: process start → first list query answered (no WebDriver overhead).
const served = /first customer list served ([\d.]+)(ms|s|µs)/.exec(app.driverLog.join(''));
if (served) result.app_first_list_served_ms = Number(served[1]) * ({ ms: 1, s: 1000, µs: 0.001 }[served[2]]);
if (process.env.MEASURE_LOG) console.error(app.driverLog.join(""));
console.log(JSON.stringify(result));

/** In the page: scrolls the list to `fraction` of its height; resolves with the ms until
 * the rows in view are all real rows (the read-ahead's placeholders replaced). */
function jumpScroll(fraction) {
  return new Promise((done) => {
  const box = document.querySelector('[data-testid="customer-list-scroll"]');
  const t0 = performance.now();
  box.scrollTop = Math.round((box.scrollHeight - box.clientHeight) * fraction);
  const filled = () => {
    const view = box.getBoundingClientRect();
    const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > view.top && r.top < view.bottom; };
    const loading = [...box.querySelectorAll('[data-testid="customer-row-loading"]')].some(inView);
    const rows = [...box.querySelectorAll('[data-testid="customer-row"]')].some(inView);
    return rows && !loading;
  };
  const check = () => {
    if (filled()) done(Math.round(performance.now() - t0));
    else if (performance.now() - t0 > 5000) done(null);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  });
}

/** In the page: time from the next keydown in the search box to the list's DOM changing. */
function armObserver() {
  const ids = () => [...document.querySelectorAll('[data-testid="customer-row"]')].map((r) => r.dataset.customerId).join();
  const count = () => document.querySelector('[data-testid="result-count"]')?.textContent;
  const before = ids();
  const count0 = count();
  window.__m = { done: null };
  document.querySelector('[data-testid="search-input"]').addEventListener('keydown', () => { window.__m.t0 = performance.now(); }, { once: true });
  const obs = new MutationObserver(() => {
    if (window.__m.t0 && (ids() !== before || count() !== count0)) {
      window.__m.done = performance.now() - window.__m.t0;
      obs.disconnect();
    }
  });
  obs.observe(document.querySelector('[data-testid="customer-list"]'), { subtree: true, childList: true, characterData: true });
}

/** Sum of VmRSS over the app started under our WebKitWebDriver and its descendants (WebKit). */
function rssOfAppTree(driverPid) {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      // Anonymous (heaps, JS, page caches) apart from file-backed (libraries, mapped database).
      // PSS shares each page among the processes mapping it: WebKit's libraries, mapped
      // by all three, count once in the sum instead of three times.
      let pss = 0;
      try { pss = Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0); } catch { /* gone */ }
      return { pid: Number(pid), ppid, comm, rss: kb('VmRSS'), pss, anon: kb('RssAnon'), file: kb('RssFile') + kb('RssShmem') };
    } catch { return null; }
  }).filter(Boolean);
  const descendants = (rootPids) => {
    const tree = new Set(rootPids);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of procs) if (tree.has(p.ppid) && !tree.has(p.pid)) { tree.add(p.pid); grew = true; }
    }
    return tree;
  };
  const underDriver = descendants([driverPid]);
  const roots = procs.filter((p) => underDriver.has(p.pid) && p.comm.startsWith('clientele-app')).map((p) => p.pid);
  const tree = descendants(roots);
  const members = procs.filter((p) => tree.has(p.pid));
  return {
    total: Math.round(members.reduce((s, p) => s + p.rss, 0) / 1024),
    total_pss: Math.round(members.reduce((s, p) => s + p.pss, 0) / 1024),
    by_process: Object.fromEntries(members.map((p) => [`${p.comm}:${p.pid}`, { rss: Math.round(p.rss / 1024), pss: Math.round(p.pss / 1024), anon: Math.round(p.anon / 1024), file: Math.round(p.file / 1024) }])),
  };
}
