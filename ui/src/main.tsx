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
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';

async function start() {
  // Outside Tauri (vite dev/preview, screenshots) a fake in-memory backend answers the
  // commands; it is a separate chunk that the real app never loads.
  if (!('__TAURI_INTERNALS__' in window)) {
    const { installMockBackend } = await import('./mocks/install');
    installMockBackend();
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

void start();
