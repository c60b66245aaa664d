import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
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
