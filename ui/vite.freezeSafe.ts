import type { Plugin } from 'vite';

/**
 * The Tauri shell freezes Object.prototype (`freezePrototype: true`). Some chart dependencies
 * (decimal.js-light, d3-color, d3-format, used by recharts) then throw at load: assigning
 * `x.toString` / `valueOf` / `constructor` where that name is only inherited from the frozen
 * Object.prototype is an error in strict code (the "override mistake").
 *
 * This build-time patch gives the target an own, writable property right before such a
 * statement-level assignment, so the assignment is legal and the behaviour unchanged.
 */
const TARGETS = /node_modules[\\/](d3-[a-z-]+|decimal\.js-light|recharts)[\\/]/;
const ASSIGN = /^(\s*)([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.(toString|valueOf|constructor|toLocaleString)\s*=(?!=)/gm;
const own = (v: string) => `{ value: ${v}, writable: true, configurable: true, enumerable: false }`;

export function freezeSafeDeps(): Plugin {
  return {
    name: 'freeze-safe-deps',
    enforce: 'pre',
    transform(code, id) {
      if (!TARGETS.test(id)) return null;
      let out = code.replace(ASSIGN, (m, indent: string, target: string, key: string) =>
        `${indent}Object.defineProperty(${target}, '${key}', ${own('undefined')}); ${m.trimStart()}`,
      );
      // decimal.js-light chains `P.toString = P.valueOf = …`: give its prototype all three up front.
      out = out.replace(
        /^(\s*)P = \{\};/m,
        `$1P = Object.create(Object.prototype, { toString: ${own('Object.prototype.toString')}, valueOf: ${own('Object.prototype.valueOf')}, constructor: ${own('Object')} });`,
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}
