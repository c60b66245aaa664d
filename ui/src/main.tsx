// Bundled fonts: the app must render Latin and Devanagari names on a machine that has no such
// fonts installed. The weights are the ones the theme uses (400 text, 500/600 labels, 700 bold;
// headings at 650 resolve to 700).
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/500.css';
import '@fontsource/noto-sans-devanagari/600.css';
import '@fontsource/noto-sans-devanagari/700.css';
import './mantine.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstPageOptions, LAUNCH_VIEW, listBase } from './hooks/useCustomerPages';
import { makeQueryClient } from './queryClient';
import { Root } from './Root';

/** How long the first render waits for the first rows (they take ~10 ms to answer). */
const FIRST_ROWS_WAIT_MS = 300;
/** The Inter weights imported above. */
const INTER_WEIGHTS = ['400', '500', '600', '700'];

async function start() {
  // Outside Tauri (vite dev/preview, screenshots) a fake in-memory backend answers the
  // commands; it is a separate chunk that the real app never loads.
  if (!('__TAURI_INTERNALS__' in window)) {
    const { installMockBackend } = await import('./mocks/install');
    installMockBackend();
  }
  // Launch marks (e2e/measure.js reports them): the script ran, the first list was asked for
  // and answered (useCustomerPages), the first rows are on screen (CustomerList).
  performance.mark('app-start');
  const client = makeQueryClient();
  // The first rows are asked for before React's first render (~0.3 s of script on a slow
  // machine), and that render waits for them a little: the first paint then has rows, not
  // placeholders that a second render replaces. A slow answer (a first run generating the
  // sample book) does not hold the window blank.
  const firstRows = client.prefetchQuery(firstPageOptions(listBase(LAUNCH_VIEW)));
  // Inter's weights load meanwhile (~20 ms): the first layout then sets the text once, in
  // Inter, instead of first in a fallback looked up through fontconfig and again when Inter
  // arrives (that layout took 150–200 ms at launch; docs/architecture.md, "Launch").
  const fonts = Promise.all(INTER_WEIGHTS.map((w) => document.fonts.load(`${w} 14px Inter`))).catch(() => {});
  await Promise.race([Promise.all([firstRows, fonts]), new Promise((wait) => setTimeout(wait, FIRST_ROWS_WAIT_MS))]);
  performance.mark('first-render-ready');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root client={client} />
    </StrictMode>,
  );
}

void start();
