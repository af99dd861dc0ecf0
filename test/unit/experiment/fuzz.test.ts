// Property tests over hostile experiment programs (issue 13): random blocks built from the library's
// functions with hostile sizes, methods of values, property reads, big literals, nested objects,
// indexing and user functions. Whatever the program, the in-thread runner returns a result (never
// throws), the result is bounded (message, output text, JSON size), and memory errors name the limit.
// Fixed seeds, and a time cap on each property, keep the suite a few seconds long.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ExperimentResult } from '../../../src/core/types';
import { MAX_MESSAGE, MAX_OUTPUTS, MAX_RESULT_CHARS, MAX_TEXT } from '../../../src/core/experiment/limits';
import { run } from './helpers';

const MEMORY_MB = 16;

/** Sizes from harmless to hostile (fractions, negatives, past 2³¹ and 2⁵³, not finite). */
const size = fc.constantFrom(
  '0',
  '1',
  '3',
  '100',
  '1e5',
  '5e7',
  '1e9',
  '2^31',
  '2^32 + 1',
  '2^53',
  '-1',
  '0.5',
  'Infinity',
  'NaN',
);
const name = fc.constantFrom('x', 'y', 'v', 'W');
const method = fc.constantFrom(
  'repeat',
  'split',
  'map',
  'padEnd',
  'match',
  'constructor',
  'toString',
  'valueOf',
  'bind',
  'call',
  'subset',
  '__proto__',
);
const prop = fc.constantFrom(
  'a',
  'A',
  'b',
  'length',
  'constructor',
  '__proto__',
  'data',
  'shape',
  'prototype',
);
const str = fc.constantFrom('"a"', '"abc"', '""', '"x,y"');

/** Expressions over the library, nested a few levels. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    size,
    name,
    str,
    fc
      .tuple(fc.constantFrom('zeros', 'ones', 'randn', 'rand', 'eye', 'linspace(0, 1, ', 'range(1, '), size)
      .map(([f, n]) => (f.endsWith(', ') ? `${f}${n})` : `${f}(${n})`)),
    fc.tuple(fc.constantFrom('zeros', 'ones', 'randn'), size, size).map(([f, m, n]) => `${f}(${m}, ${n})`),
    fc
      .tuple(
        fc.constantFrom(
          'hist',
          'table',
          'show',
          'plot',
          'sum',
          'mean',
          'cumsum',
          'reshape',
          'diag',
          'concat',
          'sort',
          'string',
          'format',
        ),
        tie('e'),
        size,
      )
      .map(([f, a, n]) => `${f}(${a}, ${n})`),
    fc.tuple(tie('e'), method, tie('e')).map(([o, m, a]) => `(${o}).${m}(${a})`),
    fc.tuple(tie('e'), prop).map(([o, p]) => `(${o}).${p}`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '.*', '*', '^', '==', '<', ' and ', '!', '&', '<<', ':'))
      .map(([a, op]) => (op === '!' ? `(${a})!` : `(${a})${op}(${a})`)),
    fc.tuple(prop, tie('e'), prop, tie('e')).map(([k, a, l, b]) => `{${k}: ${a}, ${l}: {c: ${b}}}`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `[${a}, ${b}]`),
    fc.tuple(tie('e'), size).map(([a, i]) => `(${a})[${i}]`),
    fc.tuple(tie('e'), size).map(([a, i]) => `(${a})[1:${i}]`),
  ),
})).e;

/** A statement: an assignment, a bare expression, a (non-recursive) function definition and a call to
 * it through the library, or a check. */
const statement = fc.oneof(
  fc.tuple(name, expr).map(([n, e]) => `${n} = ${e}`),
  expr,
  fc.tuple(expr, size).map(([e, n]) => `g() = ${e}\nsample(g, ${n})`),
  fc.tuple(expr, expr).map(([a, b]) => `check(${a} == ${b}, "c")`),
  fc.tuple(name, expr).map(([n, e]) => `${n} = ${e};`),
);
const program = fc.array(statement, { minLength: 1, maxLength: 6 }).map((s) => s.join('\n'));

function assertBounded(code: string, r: ExperimentResult): void {
  assert.ok(['passed', 'failed', 'error'].includes(r.status), `${code}: status ${r.status}`);
  assert.ok(
    r.message.length > 0 && r.message.length <= MAX_MESSAGE + 40,
    `${code}: message ${r.message.length}`,
  );
  assert.ok(r.outputs.length <= MAX_OUTPUTS);
  for (const o of r.outputs) {
    if (o.kind === 'value' || o.kind === 'show')
      assert.ok(o.text.length <= MAX_TEXT + 40, `${code}: output text ${o.text.length}`);
  }
  assert.ok(JSON.stringify(r).length <= MAX_RESULT_CHARS + 100_000, `${code}: result size`);
  if (/memory/.test(r.message))
    assert.match(r.message, new RegExp(`ran out of memory \\(limit ${MEMORY_MB} MB\\)`));
}

describe('experiments: fuzzed hostile programs', function () {
  this.timeout(30_000);

  it('always return a bounded result, never throw', () => {
    fc.assert(
      fc.property(program, (code) => {
        const r = run(code, { memoryMb: MEMORY_MB, timeoutMs: 150, seed: 1 });
        assertBounded(code, r);
      }),
      { seed: 13, numRuns: 200, interruptAfterTimeLimit: 6000, markInterruptAsFailure: false },
    );
  });

  it('never reach a method of a value', () => {
    fc.assert(
      fc.property(expr, method, expr, (o, m, a) => {
        const code = `x = ${o}\ny = x.${m}(${a})`;
        const r = run(code, { memoryMb: MEMORY_MB, timeoutMs: 150 });
        assert.equal(r.status, 'error', code);
        // The first statement may fail on its own; the second never runs the method.
        if (r.errorLine === 11) assert.match(r.message, /methods of values are not available/, code);
      }),
      { seed: 8, numRuns: 100, interruptAfterTimeLimit: 3000, markInterruptAsFailure: false },
    );
  });

  it('never hold more than the limit in arrays, at any nesting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 0, max: 3 }), (n, depth) => {
        const wrap = (e: string): string =>
          Array.from({ length: depth }).reduce<string>((acc) => `{a: ${acc}}`, e);
        const code = Array.from({ length: n }, (_, i) => `v${i} = ${wrap('ones(5e5)')};`).join('\n');
        const r = run(code, { memoryMb: MEMORY_MB, timeoutMs: 2000 });
        // 4 MB each: past four of them the limit is reached.
        if (n * 4 > MEMORY_MB) assert.match(r.message, /ran out of memory \(limit 16 MB\)/, code);
        else assert.equal(r.status, 'passed', code);
      }),
      { seed: 9, numRuns: 30, interruptAfterTimeLimit: 3000, markInterruptAsFailure: false },
    );
  });
});
