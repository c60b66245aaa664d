import type { Plugin } from 'vite';

/**
 * Fontsource's CSS lists a .woff fallback after each .woff2. WebKitGTK (and every browser the
 * mock runs in) reads woff2, so the fallbacks would only add ~1 MB of unused files to the app.
 */
export function woff2Only(): Plugin {
  return {
    name: 'woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
    },
  };
}
