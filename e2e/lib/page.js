// Small helpers over the customer page's data-testid attributes.
export const tid = (id) => `[data-testid="${id}"]`;

/** Waits until `fn` (run in the page) returns a truthy value, and returns it. */
export async function until(browser, fn, args = [], { timeout = 10000, what = 'condition' } = {}) {
  let value;
  await browser.waitUntil(async () => (value = await browser.execute(fn, ...args)), {
    timeout,
    interval: 50,
    timeoutMsg: `timed out waiting for ${what}`,
  });
  return value;
}

/** The rendered (virtualised) rows as plain data. */
export function rows(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="customer-row"]')].map((r) => ({
      id: Number(r.dataset.customerId),
      name: r.querySelector('[data-testid="customer-name"]')?.textContent.trim(),
      text: r.textContent,
      status: r.querySelector('[data-testid="status-badge"]')?.dataset.status,
      spent: r.querySelector('[data-testid="total-spent"]')?.textContent.trim(),
      favorite: r.querySelector('[data-testid="favorite-toggle"]')?.dataset.active === 'true',
      blocked: r.querySelector('[data-testid="block-toggle"]')?.dataset.active === 'true',
      hasNotes: r.querySelector('[data-testid="notes-button"]')?.dataset.hasNotes === 'true',
    })),
  );
}

/** The count shown on a status chip, as a number. */
export async function statusCount(browser, status) {
  const text = await browser.execute((s) => document.querySelector(`[data-testid="status-count-${s}"]`)?.textContent ?? '', status);
  return Number(text.replace(/[^0-9]/g, ''));
}

/** Clicks an element inside the row of `customerId`. */
export function clickInRow(browser, customerId, testId) {
  return browser.execute(
    (id, t) => {
      const row = document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"]`);
      row.querySelector(`[data-testid="${t}"]`).click();
    },
    customerId,
    testId,
  );
}

export function rowStatus(browser, customerId) {
  return browser.execute(
    (id) => document.querySelector(`[data-testid="customer-row"][data-customer-id="${id}"] [data-testid="status-badge"]`)?.dataset.status,
    customerId,
  );
}

export const amount = (text) => Number(String(text).replace(/[^0-9.]/g, ''));

/**
 * Saves a screenshot of the window. WebKitGTK without its GL compositor (how the app draws,
 * src-tauri/src/lib.rs) answers WebDriver's snapshot only at its next paint, which an idle
 * page never makes: a one-pixel, near-transparent dot changes at every frame until the
 * snapshot has been taken (a dot that lived two frames was sometimes gone before it).
 */
export async function shot(browser, file) {
  await browser.execute(() => {
    const dot = document.createElement('div');
    dot.id = 'e2e-paint-dot';
    dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
    document.body.appendChild(dot);
    let odd = false;
    const tick = () => {
      if (!dot.isConnected) return;
      dot.style.background = odd ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
      odd = !odd;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  try {
    await browser.saveScreenshot(file);
  } finally {
    await browser.execute(() => document.getElementById('e2e-paint-dot')?.remove());
  }
}
