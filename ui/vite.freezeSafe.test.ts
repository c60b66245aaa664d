import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { freezeSafeDeps } from './vite.freezeSafe';

type Transform = (code: string, id: string) => { code: string } | null;
const transform = freezeSafeDeps().transform as unknown as Transform;

// Runs code in a fresh realm whose Object.prototype is frozen, as in the Tauri webview.
const runFrozen = (code: string) => runInNewContext(`'use strict'; Object.freeze(Object.prototype); ${code}`);

const D3_FORMAT = `function FormatSpecifier(s) { this.s = s; }
FormatSpecifier.prototype.toString = function() { return 'spec:' + this.s; };
String(new FormatSpecifier('x'));`;

describe('freezeSafeDeps', () => {
  it('the original code really throws under a frozen Object.prototype', () => {
    expect(() => runFrozen(D3_FORMAT)).toThrow(/read only property 'toString'/);
  });

  it('patched d3-style prototype assignments run and behave the same', () => {
    const out = transform(D3_FORMAT, '/x/node_modules/d3-format/dist/d3-format.mjs')!;
    expect(runFrozen(out.code)).toBe('spec:x');
  });

  it('patches decimal.js-light chained prototype assignments and instance constructors', () => {
    const src = `var P;
  P = {};
P.toString = P.valueOf = function () { return 'v' + this.n; };
function Decimal(n) { var x = Object.create(P); x.n = n;
    x.constructor = Decimal;
 return x; }
var d = Decimal(3); String(d) + (d.constructor === Decimal) + (d + 1);`;
    expect(() => runFrozen(src)).toThrow();
    const out = transform(src, '/x/node_modules/decimal.js-light/decimal.mjs')!;
    expect(runFrozen(out.code)).toBe('v3truev31');
  });

  it('leaves other modules alone', () => {
    expect(transform(D3_FORMAT, '/x/src/format.ts')).toBeNull();
  });
});
