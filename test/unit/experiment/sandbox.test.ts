import assert from 'node:assert/strict';
import { DISABLED_FUNCTIONS } from '../../../src/core/experiment/language';
import { run } from './helpers';

describe('experiment sandbox', () => {
  for (const name of DISABLED_FUNCTIONS) {
    it(`refuses ${name} with a clear message`, () => {
      const r = run(`x = 1\n${name}("2 + 2")`);
      assert.equal(r.status, 'error');
      assert.equal(r.message, `line 11: ${name} is disabled in experiments`);
    });
  }

  it('names every function mathjs security notes list', () => {
    for (const name of [
      'import',
      'createUnit',
      'evaluate',
      'parse',
      'compile',
      'simplify',
      'derivative',
      'resolve',
      'reviver',
      'chain',
    ]) {
      assert.ok((DISABLED_FUNCTIONS as readonly string[]).includes(name), name);
    }
  });

  const escapes: [string, RegExp][] = [
    ['process', /Undefined symbol process/],
    ['require("fs")', /Undefined function require/],
    ['globalThis', /Undefined symbol globalThis/],
    ['this.constructor', /Undefined symbol this/],
    ['f(x) = x; f.constructor', /No access to property "constructor"/],
    ['f(x) = x; f.bind(1)', /methods of values are not available/],
    ['f(x) = x; f.call', /No access to property "call"/],
    ['x = randn(3); x.constructor', /No access to property "constructor"/],
    ['x = randn(3); x.data', /No access to property "data"/],
    ['W = linearInit(2, 2); W.constructor', /No access to property "constructor"/],
    ['W = linearInit(2, 2); W.__proto__', /No access to property "__proto__"/],
    ['"abc".constructor', /No access to property "constructor"/],
    ['expression', /Undefined symbol expression/],
    ['SymbolNode', /Undefined symbol SymbolNode/],
    ['Function("return process")', /Undefined function Function/],
    ['x = randn(2); x.constructor("return process")', /methods of values are not available/],
  ];
  for (const [code, message] of escapes) {
    it(`blocks ${code}`, () => {
      const r = run(code);
      assert.equal(r.status, 'error');
      assert.match(r.message, message);
    });
  }

  it('a disabled name used as a plain variable still works (only the namespace is guarded)', () => {
    assert.equal(run('parse = 3\ncheck(parse == 3, "ok")').status, 'passed');
  });
});
