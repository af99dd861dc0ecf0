// Hostile experiment programs, by class (issue 13, findings 8–11): each ends as a clear `error` (or a
// correct verdict) instead of taking the process down, holding more than its memory limit or growing
// its result without bound.
import assert from 'node:assert/strict';
import type { ExperimentOutput, ExperimentResult } from '../../../src/core/types';
import { MAX_OUTPUTS, MAX_TEXT } from '../../../src/core/experiment/limits';
import { CODE_LINE, run } from './helpers';

const lines = (n: number, f: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => f(i)).join('\n');
const outputText = (r: ExperimentResult, i = 0): string => (r.outputs[i] as { text: string }).text;

describe('experiments: the language is closed to methods of values', () => {
  const methods = [
    '"a".repeat(300000000)',
    'x = "abc"\ny = x.padEnd(100000000, "b")',
    's = "a,b"; s.split(",")',
    '"abc".match("a")',
    '[1, 2].map(sin)',
    'x = randn(3); x.subset(1)',
    'x = {f: sin}; x.f(1)',
    'W = linearInit(2, 2); W.A.toString()',
    'f(x) = x; f.apply(1)',
  ];
  for (const code of methods) {
    it(`refuses ${code.split('\n').at(-1)}`, () => {
      const r = run(code);
      assert.equal(r.status, 'error');
      assert.match(r.message, /methods of values are not available in experiments/);
    });
  }

  for (const code of ['3!', '5 & 3', '5 | 3', '1 << 2', '8 >> 1', '~1', '5 cm to inch']) {
    it(`refuses the operator in ${code}`, () => {
      const r = run(code);
      assert.equal(r.status, 'error');
      assert.match(r.message, /^line 10: the operator .+ is not available in experiments$/);
    });
  }

  it('keeps what the language is for: names, operators, objects, indexing, chained comparisons', () => {
    const r = run(
      'W = linearInit(2, 3); b = W.b\nx = [1, 2, 3]; x[2]\nf(t) = t^2; f(3)\ncheck(1 < 2 < 3, "chain")\no = {a: 1}; o.a',
    );
    assert.equal(r.status, 'passed', r.message);
  });
});

describe('experiments: every allocation is bounded before it happens', () => {
  for (const code of ['hist(1, 50000000)', 'hist(randn(10), 10000)', 'hist(1, 1001)', 'hist(1, 2^32)']) {
    it(`refuses ${code}`, () => {
      const r = run(code);
      assert.equal(r.status, 'error');
      assert.match(r.message, /hist: at most 1,000 bins/);
    });
  }

  it('allows 1,000 bins', () => {
    const r = run('hist(randn(100), 1000)');
    assert.equal(r.status, 'passed');
    assert.equal((r.outputs[0] as { counts: number[] }).counts.length, 1000);
  });

  for (const code of ['zeros(1e9)', 'ones(50000, 50000)', 'linspace(0, 1, 1e9)', '1:1e9', 'randn(2^32)']) {
    it(`refuses ${code} at once`, () => {
      const r = run(code, { memoryMb: 64 });
      assert.equal(r.status, 'error');
      assert.match(r.message, /^line 10: ran out of memory \(limit 64 MB\)/);
    });
  }
});

describe('experiments: the memory limit counts everything the run holds', () => {
  const limit = { memoryMb: 32 };
  const classes: [string, string][] = [
    ['nested objects', lines(10, (i) => `v${i} = {a: {b: {c: ones(1e6)}}};`)],
    ['plain arrays of objects', lines(10, (i) => `v${i} = [{a: ones(1e6)}];`)],
    ['one object literal', `v = {${lines(10, (i) => `a${i}: ones(1e6)`).replace(/\n/g, ', ')}};`],
    ['a matrix literal of rows', `v = [${lines(10, () => 'ones(1e6)').replace(/\n/g, '; ')}];`],
    ['objects from a function', 'f(k) = {a: ones(1e6), k: k}\n' + lines(10, (i) => `v${i} = f(${i});`)],
    ['recursion holding arrays', 'f(n) = n == 0 ? {} : {a: ones(1e6), b: f(n - 1)}\nx = f(10);'],
  ];
  for (const [name, code] of classes) {
    it(`${name}: ends as an error naming the limit`, () => {
      const r = run(code, limit);
      assert.equal(r.status, 'error', `${name}: ${r.message}`);
      assert.match(r.message, /ran out of memory \(limit 32 MB\)/);
    });
  }

  it('garbage does not count: reassigning a variable many times stays within the limit', () => {
    // 30 × 4 MB allocated in all, one or two of them alive at a time.
    const r = run(
      lines(30, () => 'v = {a: {b: {c: ones(5e5)}}};') + '\ncheck(sum(v.a.b.c) == 5e5, "kept")',
      limit,
    );
    assert.equal(r.status, 'passed', r.message);
  });

  it('temporaries inside a statement do not count once dropped', () => {
    const r = run('f() = sum(ones(1e6))\ns = sample(f, 40);\ncheck(all(s == 1e6), "sums")', limit);
    assert.equal(r.status, 'passed', r.message);
  });
});

describe('experiments: outputs are capped with a note', () => {
  it('a table of 100,000 rows shows 1,000 and says so', () => {
    const r = run('x = 1:100000;\ntable({x: x})');
    const t = r.outputs[0] as Extract<ExperimentOutput, { kind: 'table' }>;
    assert.equal(t.rows.length, 1000);
    assert.match(t.note ?? '', /showing 1,000 of 100,000 rows \(truncated\)/);
  });

  it('a table of 2,000 columns shows 50 and says so', () => {
    const r = run('table(ones(2, 2000))');
    const t = r.outputs[0] as Extract<ExperimentOutput, { kind: 'table' }>;
    assert.equal(t.columns.length, 50);
    assert.equal(t.rows[0]?.length, 50);
    assert.match(t.note ?? '', /showing 50 of 2,000 columns/);
  });

  it('a plot of a million points is thinned, and one of 100 series cut to 20, each with a note', () => {
    const r = run('x = 1:1000000;\nplot(x, x)\nt = 1:3;\nplot(t, ones(100, 3))');
    const p = r.outputs[0] as Extract<ExperimentOutput, { kind: 'plot' }>;
    assert.ok(p.x.length <= 2000 && (p.series[0]?.y.length ?? 0) <= 2000);
    assert.match(p.note ?? '', /showing 2,000 of 1,000,000 points/);
    const q = r.outputs[1] as Extract<ExperimentOutput, { kind: 'plot' }>;
    assert.equal(q.series.length, 20);
    assert.match(q.note ?? '', /showing 20 of 100 series/);
  });

  it(`keeps ${MAX_OUTPUTS} outputs and notes the rest`, () => {
    const r = run(lines(MAX_OUTPUTS + 100, (i) => `x${i} = ${i}`));
    assert.equal(r.status, 'passed');
    assert.equal(r.outputs.length, MAX_OUTPUTS);
    assert.deepEqual(r.notes, [`showing ${MAX_OUTPUTS} of ${MAX_OUTPUTS + 100} outputs (truncated)`]);
  });

  it('lists 1,000 checks, counts them all, and always lists the first failure', () => {
    const r = run(lines(1500, () => 'check(1 > 0, "ok")') + '\ncheck(1 < 0, "last")');
    assert.equal(r.status, 'failed');
    assert.equal(r.checks.length, 1001);
    assert.equal(r.checks.at(-1)?.label, 'last');
    assert.match(r.message, /check "last" failed on line 1510/);
    assert.deepEqual(r.notes, ['listing 1,001 of 1,501 checks (truncated)']);
  });

  it('a value of any size is shown in bounded text', () => {
    const r = run('f(n) = n == 0 ? 1 : {a: f(n - 1), b: f(n - 1)}\nx = f(14)');
    assert.equal(r.status, 'passed', r.message);
    const text = outputText(r);
    assert.ok(text.length < MAX_TEXT + 100, String(text.length));
    assert.match(text, /truncated/);
  });

  it('messages are bounded, whatever the check label', () => {
    const label = 'x'.repeat(50_000);
    const r = run(`check(1 < 0, "${label}")`);
    assert.equal(r.status, 'failed');
    assert.ok(r.message.length < 1200, String(r.message.length));
  });
});

describe('experiments: matrix powers', () => {
  it('A^(2^32 + 1) is not A: the exponent does not wrap at 32 bits', () => {
    const r = run('A = [1, 1; 0, 1];\ncheck(A^(2^32 + 1) == A, "wraps")');
    assert.equal(r.status, 'failed');
    assert.equal(r.checks[0]?.passed, false);
  });

  for (const k of [2 ** 31, 2 ** 32 + 1, 2 ** 40 + 3, 2 ** 53]) {
    it(`[1, 1; 0, 1]^${k} has ${k} in its corner`, () => {
      const r = run(`A = [1, 1; 0, 1];\nB = A^${k};\ncheck(B[1, 2] == ${k} and B[1, 1] == 1, "corner")`);
      assert.equal(r.status, 'passed', r.message);
    });
  }

  it('negative powers beyond 2^31 invert', () => {
    const r = run(`A = [1, 1; 0, 1];\nB = A^(-(2^33));\ncheck(B[1, 2] == -(2^33), "inverse")`);
    assert.equal(r.status, 'passed', r.message);
  });
});

describe('experiments: outputs carry the statement that made them', () => {
  it('values are labelled with the assigned name or the expression, and carry the statement', () => {
    const r = run(
      'p = 0.3\nd = [1, 2, 3];\nmean(d)\nA = eye(3)\nA[2, 2] = 5;\nx = [1, 2]; x[1] = 7\nshow("p is", p)',
    );
    const labels = r.outputs.map((o) => [o.kind, (o as { label?: string }).label, o.source, o.line]);
    assert.deepEqual(labels, [
      ['value', 'p', 'p = 0.3', CODE_LINE],
      ['value', 'mean(d)', 'mean(d)', CODE_LINE + 2],
      ['value', 'A', 'A = eye(3)', CODE_LINE + 3],
      ['value', 'x[1]', 'x[1] = 7', CODE_LINE + 5],
      ['show', 'p is', 'show("p is", p)', CODE_LINE + 6],
    ]);
  });

  it('long statements are shortened in the label', () => {
    const r = run(`s = ${lines(100, () => '1').replace(/\n/g, ' + ')}`);
    assert.equal(r.outputs[0]?.source?.length, 200 + '… (truncated, 401 characters)'.length);
  });
});
