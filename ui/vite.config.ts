/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { freezeSafeDeps } from './vite.freezeSafe.ts';
import { woff2Only } from './vite.fonts.ts';

// Tauri serves ui/dist; the dev server port is what src-tauri's devUrl points at.
export default defineConfig({
  plugins: [react(), freezeSafeDeps(), woff2Only()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { outDir: 'dist', target: 'es2021', chunkSizeWarningLimit: 1500 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
  },
});
