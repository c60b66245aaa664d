// Starts a fresh Xvfb and WebKitWebDriver (package webkit2gtk-driver) for one app session,
// and stops them by pid. The app inherits `env` (CLIENTELE_DB, CLIENTELE_EXPORT_TO…).
// No tauri-driver: on Linux it only proxies to WebKitWebDriver, turning
// `tauri:options.application` into `webkitgtk:browserOptions.binary` and setting
// TAURI_WEBVIEW_AUTOMATION; both are done here.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { remote } from 'webdriverio';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TARGET = path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
export const APP = process.env.CLIENTELE_APP ?? path.join(TARGET, 'debug', 'clientele-app');
export const CLI = process.env.CLIENTELE_CLI ?? path.join(TARGET, 'debug', 'clientele');
const WEBKIT_DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

async function waitFor(check, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A port that was free a moment ago (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Kills a process group we started (detached ⇒ its pgid is its pid). */
function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
}

/**
 * Starts Xvfb + WebKitWebDriver, then a WebDriver session that launches the app.
 * Returns { browser, launchedAt, driverPid, stop, driverLog }; the app is a child of the
 * driver and its output (stdout and stderr) ends up in driverLog.
 */
export async function startApp({ env = {}, app = APP } = {}) {
  if (!existsSync(app)) throw new Error(`app binary not found: ${app} (build it first)`);
  if (!existsSync(WEBKIT_DRIVER)) throw new Error(`${WEBKIT_DRIVER} not found (apt package webkit2gtk-driver)`);
  // A free port rather than a fixed one lets two runs share a machine.
  const port = Number(process.env.WEBDRIVER_PORT ?? (await freePort()));
  if (await portOpen(port)) throw new Error(`port ${port} is busy: a previous driver is still running`);
  const free = [...Array(40).keys()].map((i) => 90 + i).filter((n) => !existsSync(`/tmp/.X${n}-lock`));
  const display = `:${free[Math.floor(Math.random() * Math.min(free.length, 8))]}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { detached: true, stdio: 'ignore' });
  await waitFor(() => existsSync(`/tmp/.X11-unix/X${display.slice(1)}`), 'Xvfb');
  // Tauri enables WebKit's automation only when this is set (tauri-driver sets it too).
  const childEnv = { ...process.env, DISPLAY: display, TAURI_WEBVIEW_AUTOMATION: 'true', ...env };
  const driverLog = [];
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { detached: true, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  driver.stdout.on('data', (d) => driverLog.push(String(d)));
  driver.stderr.on('data', (d) => driverLog.push(String(d)));
  const stop = async (browser) => {
    if (browser) await browser.deleteSession().catch(() => {});
    killGroup(driver);
    killGroup(xvfb);
    await waitFor(async () => !(await portOpen(port)), 'the driver to exit', 10000).catch(() => {});
  };
  try {
    await waitFor(() => portOpen(port), `WebKitWebDriver on ${port}`);
    const launchedAt = Date.now();
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 60000,
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: app, args: [] },
      },
    });
    return { browser, launchedAt, driverPid: driver.pid, stop: () => stop(browser), driverLog };
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n--- WebKitWebDriver log ---\n${driverLog.join('')}`);
  }
}
