// main.tsx imports Mantine's styles per component (src/mantine.css) instead of the whole
// stylesheet; this fails when a component the UI uses — or one it is built on — has a
// stylesheet that mantine.css does not import (the component would render unstyled).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const UI = path.resolve(__dirname, '..');
const CORE = path.join(UI, 'node_modules/@mantine/core');
const COMPONENTS = path.join(CORE, 'esm/components');

const filesUnder = (dir: string, ext: RegExp) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => ext.test(f)).map((f) => path.join(dir, f));

/** Components named in `import { … } from '@mantine/core'` across the given files. */
function importedFromCore(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g)) {
      for (const n of m[1].split(',')) names.add(n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]);
    }
  }
  return names;
}

/** Each core component's folder → the components whose own module it imports (`../X/X.mjs`). */
function coreDependencies(): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const comp of readdirSync(COMPONENTS)) {
    const uses = new Set<string>();
    for (const f of filesUnder(path.join(COMPONENTS, comp), /\.mjs$/)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from "(?:\.\.\/)+(\w+)\/(\w+)\.mjs"/g)) if (m[1] === m[2] && m[1] !== comp) uses.add(m[1]);
    }
    deps.set(comp, uses);
  }
  return deps;
}

test('mantine.css imports the stylesheet of every Mantine component the UI renders', () => {
  const ours = filesUnder(path.join(UI, 'src'), /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f) && !f.includes('/mocks/'));
  // The other Mantine packages the UI uses render core components too.
  const packages = ['charts', 'notifications', 'modals'].flatMap((p) => filesUnder(path.join(UI, 'node_modules/@mantine', p, 'esm'), /\.mjs$/));
  const deps = coreDependencies();
  const used = new Set<string>();
  const visit = (c: string) => {
    if (used.has(c) || !deps.has(c)) return;
    used.add(c);
    deps.get(c)!.forEach(visit);
  };
  [...importedFromCore(ours), ...importedFromCore(packages)].forEach(visit);
  expect(used.has('Select')).toBe(true); // the scan found the UI's imports

  const sheets = new Set(readdirSync(path.join(CORE, 'styles')).filter((f) => /^\w+\.css$/.test(f)).map((f) => f.slice(0, -4)));
  const imported = new Set([...readFileSync(path.join(UI, 'src/mantine.css'), 'utf8').matchAll(/@import '@mantine\/core\/styles\/([\w-]+)\.css'/g)].map((m) => m[1]));
  const missing = [...used].filter((c) => sheets.has(c) && !imported.has(c)).sort();
  expect(missing).toEqual([]);
  for (const global of ['baseline', 'default-css-variables', 'global']) expect(imported.has(global)).toBe(true);
});
