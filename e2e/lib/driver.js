// Starts a fresh Xvfb and tauri-driver (which runs WebKitWebDriver) for one app
// session, and stops them by pid. The app inherits `env` (CLIENTELE_DB, CLIENTELE_EXPORT_TO…).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { remote } from 'webdriverio';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TARGET = path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
export const APP = process.env.CLIENTELE_APP ?? path.join(TARGET, 'debug', 'clientele-app');
export const CLI = process.env.CLIENTELE_CLI ?? path.join(TARGET, 'debug', 'clientele');
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');

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
 * Starts Xvfb + tauri-driver, then a WebDriver session that launches the app.
 * Returns { browser, launchedAt, stop }.
 */
export async function startApp({ env = {}, app = APP } = {}) {
  if (!existsSync(app)) throw new Error(`app binary not found: ${app} (build it first)`);
  // tauri-driver's usual ports are 4444/4445; free ones let two runs share a machine.
  const port = Number(process.env.TAURI_DRIVER_PORT ?? (await freePort()));
  const nativePort = Number(process.env.TAURI_NATIVE_PORT ?? (await freePort()));
  for (const p of [port, nativePort]) {
    if (await portOpen(p)) throw new Error(`port ${p} is busy: a previous driver is still running`);
  }
  const free = [...Array(40).keys()].map((i) => 90 + i).filter((n) => !existsSync(`/tmp/.X${n}-lock`));
  const display = `:${free[Math.floor(Math.random() * Math.min(free.length, 8))]}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { detached: true, stdio: 'ignore' });
  await waitFor(() => existsSync(`/tmp/.X11-unix/X${display.slice(1)}`), 'Xvfb');
  const childEnv = { ...process.env, DISPLAY: display, ...env };
  const driverLog = [];
  const driver = spawn(TAURI_DRIVER, ['--port', String(port), '--native-port', String(nativePort)], { detached: true, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  driver.stdout.on('data', (d) => driverLog.push(String(d)));
  driver.stderr.on('data', (d) => driverLog.push(String(d)));
  const stop = async (browser) => {
    if (browser) await browser.deleteSession().catch(() => {});
    killGroup(driver);
    killGroup(xvfb);
    await waitFor(async () => !(await portOpen(nativePort)) && !(await portOpen(port)), 'drivers to exit', 10000).catch(() => {});
  };
  try {
    await waitFor(() => portOpen(port), `tauri-driver on ${port}`);
    const launchedAt = Date.now();
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 60000,
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: app },
      },
    });
    return { browser, launchedAt, driverPid: driver.pid, stop: () => stop(browser), driverLog };
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n--- tauri-driver log ---\n${driverLog.join('')}`);
  }
}
