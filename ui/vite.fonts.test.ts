import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woff2Only } from './vite.fonts';

type Transform = (code: string, id: string) => string | null;
const transform = woff2Only().transform as unknown as Transform;
const require = createRequire(import.meta.url);

describe('woff2Only', () => {
  it('keeps every woff2 face of the bundled fonts and drops the woff fallbacks', () => {
    for (const css of ['@fontsource/inter/400.css', '@fontsource/noto-sans-devanagari/700.css']) {
      const path = require.resolve(css);
      const code = readFileSync(path, 'utf8');
      const out = transform(code, path)!;
      expect(code).toMatch(/\.woff\) format\('woff'\)/);
      expect(out).not.toMatch(/\.woff\)/);
      expect(out.match(/\.woff2\) format\('woff2'\)/g)?.length).toBe(code.match(/\.woff2\) format\('woff2'\)/g)?.length);
      expect(out.match(/@font-face/g)?.length).toBeGreaterThan(1);
    }
    expect(transform('a { src: url(x.woff) format("woff") }', '/src/app.css')).toBeNull();
  });
});
