import assert from 'node:assert/strict';
import { runExperiment } from '../../../src/core/experiment/run';
import { CODE_LINE, run } from './helpers';

describe('runExperiment: results', () => {
  it('passes when every check holds, and reports each check on its file line', () => {
    const r = run('x = 2 + 2\ncheck(x == 4, "sum")\ncheck(x > 3, "bigger")');
    assert.equal(r.status, 'passed');
    assert.equal(r.message, 'all 2 checks passed');
    assert.deepEqual(
      r.checks.map((c) => [c.line, c.label, c.passed]),
      [
        [CODE_LINE + 1, 'sum', true],
        [CODE_LINE + 2, 'bigger', true],
      ],
    );
    assert.equal(r.line, CODE_LINE - 1);
    assert.ok(typeof r.durationMs === 'number');
  });

  it('fails naming the check, its line and the values compared, and runs on after it', () => {
    const r = run('a = 0.5\nb = 0.25\ncheck(a < b, "a below b")\ny = 3');
    assert.equal(r.status, 'failed');
    assert.equal(r.checks[0]?.passed, false);
    assert.equal(r.checks[0]?.detail, 'a = 0.5, b = 0.25');
    assert.match(
      r.message,
      new RegExp(`check "a below b" failed on line ${CODE_LINE + 2}: a = 0.5, b = 0.25`),
    );
    assert.deepEqual(r.outputs.at(-1), {
      kind: 'value',
      line: CODE_LINE + 3,
      label: 'y',
      source: 'y = 3',
      text: '3',
    });
  });

  it('a failed allclose reports the largest difference and where', () => {
    const r = run('check(allclose([1, 2, 3], [1, 2.5, 3]), "close")');
    assert.equal(r.status, 'failed');
    assert.equal(r.checks[0]?.detail, 'max |[1, 2, 3] − [1, 2.5, 3]| = 0.5 at element 2 (2 vs 2.5)');
  });

  it('a matrix condition must hold everywhere', () => {
    assert.equal(run('check([1, 2; 3, 4] > 0, "positive")').status, 'passed');
    const r = run('check([1, 2; 3, -4] > 0, "positive")');
    assert.equal(r.status, 'failed');
    assert.match(r.checks[0]?.detail ?? '', /\[\[1, 2\], \[3, -4\]\]/);
  });

  it('counts failures when several checks fail', () => {
    const r = run('check(1 > 2, "one")\ncheck(2 > 3, "two")\ncheck(true, "three")');
    assert.equal(r.status, 'failed');
    assert.match(r.message, /^2 of 3 checks failed; first: check "one" failed on line 10: 1 > 2 is false$/);
  });

  it('a check without a label is named by its condition', () => {
    assert.equal(run('check(1 < 2)').checks[0]?.label, '1 < 2');
  });

  it('a runtime error gives the message and the line in the block and the file', () => {
    const r = run('x = 1\n\n# comment\ny = undefinedThing + 1\nz = 2');
    assert.equal(r.status, 'error');
    assert.equal(r.errorBlockLine, 4);
    assert.equal(r.errorLine, CODE_LINE + 3);
    assert.equal(r.message, `line ${CODE_LINE + 3}: Undefined symbol undefinedThing`);
    assert.equal(r.outputs.length, 1, 'statements after the error do not run');
  });

  it('a syntax error gives the line and column of the offending character', () => {
    const r = run('x = 1\ny = (2 +\n  * 3)');
    assert.equal(r.status, 'error');
    assert.equal(r.errorBlockLine, 3);
    assert.equal(r.errorLine, CODE_LINE + 2);
    assert.equal(r.errorColumn, 3);
    assert.match(r.message, /^line 12: syntax error: Value expected/);
  });

  it('errors from the library are clear: size mismatch, wrong argument', () => {
    assert.match(run('[1, 2] + [1, 2, 3]').message, /add: sizes \[2\] and \[3\] do not match/);
    assert.match(run('A = ones(2, 3); A * ones(2)').message, /inner sizes 3 and 2 differ/);
    assert.match(run('relu("x")').message, /relu needs a number or an array, not a string/);
  });

  it('shows values of statements without `;`, hides those with it', () => {
    const r = run('a = 1;\nb = 2\nc = [1, 2]; d = 4\nf(x) = x;\ng(x) = x\nshow("a is", a)');
    assert.deepEqual(r.outputs, [
      { kind: 'value', line: CODE_LINE + 1, label: 'b', source: 'b = 2', text: '2' },
      { kind: 'value', line: CODE_LINE + 2, label: 'd', source: 'd = 4', text: '4' },
      { kind: 'show', line: CODE_LINE + 5, source: 'show("a is", a)', label: 'a is', text: '1' },
    ]);
  });

  it('large vectors are shown briefly', () => {
    const r = run('x = 1:100000');
    assert.equal((r.outputs[0] as { text: string }).text, '[1, 2, 3, …, 99999, 100000] (100000 values)');
  });

  it('table, hist and plot produce their outputs', () => {
    const r = run(
      'x = [1, 2, 3]\ntable({x: x, y: x .^ 2});\nhist([0, 0.1, 0.9, 1], 2);\nplot(x, x .^ 2, "squares");',
    );
    assert.deepEqual(r.outputs[1], {
      kind: 'table',
      line: CODE_LINE + 1,
      columns: ['x', 'y'],
      rows: [
        ['1', '1'],
        ['2', '4'],
        ['3', '9'],
      ],
      source: 'table({x: x, y: x .^ 2})',
    });
    assert.deepEqual(r.outputs[2], {
      kind: 'hist',
      line: CODE_LINE + 2,
      edges: [0, 0.5, 1],
      counts: [2, 2],
      source: 'hist([0, 0.1, 0.9, 1], 2)',
    });
    assert.deepEqual(r.outputs[3], {
      kind: 'plot',
      line: CODE_LINE + 3,
      title: 'squares',
      x: [1, 2, 3],
      series: [{ label: 'y', y: [1, 4, 9] }],
      source: 'plot(x, x .^ 2, "squares")',
    });
  });

  it('keeps the title', () => {
    const r = runExperiment({ code: 'x = 1', codeLine: 2, line: 1, endLine: 3, title: 'demo' });
    assert.equal(r.title, 'demo');
  });
});

describe('runExperiment: language', () => {
  it("A * x is the matrix product, .* elementwise, A' the transpose, indexing from 1 with end", () => {
    const r = run("A = [1, 2; 3, 4]; x = [1, 1];\nA * x\nA .* A\nA'\nA[2, :]\nA[end, 1]\nx[2] = 5;\nx");
    assert.deepEqual(
      r.outputs.map((o) => (o as { text: string }).text),
      ['[3, 7]', '[[1, 4], [9, 16]]', '[[1, 3], [2, 4]]', '[3, 4]', '3', '[1, 5]'],
    );
  });

  it('matrix powers, broadcasting, comparisons with mathjs tolerance', () => {
    const r = run('[1, 1; 0, 1] ^ 3\n[1, 2; 3, 4] + [10, 20]\n0.1 + 0.2 == 0.3\n[0.1 + 0.2, 1] == [0.3, 2]');
    assert.deepEqual(
      r.outputs.map((o) => (o as { text: string }).text),
      ['[[1, 3], [0, 1]]', '[[11, 22], [13, 24]]', 'true', '[1, 0]'],
    );
  });

  it('a comparison indexes as a mask; a range or vector as positions', () => {
    const r = run('x = 1:5;\nx[x > 2]\nx[[1, 3]]\nA = [1, 2; 3, 4];\nA[1:2, 2]');
    assert.deepEqual(
      r.outputs.map((o) => (o as { text: string }).text),
      ['[3, 4, 5]', '[1, 3]', '[2, 4]'],
    );
  });

  it('reads Windows line ends', () => {
    const r = run('A = [1, 2;\r\n 3, 4]\r\ncheck(A[2, 1] == 3, "row")\r\n');
    assert.equal(r.status, 'passed', r.message);
    assert.equal(r.checks[0]?.line, CODE_LINE + 2);
  });

  it('operators refuse what has no numeric meaning', () => {
    assert.match(run('"a" + 1').message, /add cannot combine a string and a number/);
    assert.match(run('f(x) = x; -f').message, /unaryMinus cannot be applied to a function/);
  });

  it('a large product matches the definition', () => {
    const r = run(
      'A = randn(37, 53); B = randn(53, 29);\nC = A * B;\nD = zeros(37, 29);\ncheck(abs(C[5, 7] - sum(A[5, :] .* B[:, 7]\')) < 1e-12, "entry")\ncheck(abs(C[37, 29] - dot(A[37, :], B[:, 29])) < 1e-12, "corner")',
    );
    assert.equal(r.status, 'passed', r.message);
  });
});

describe('runExperiment: seeding', () => {
  const code = 'x = randn(3)\ny = rand()';
  it('the same block gives the same numbers run to run', () => {
    assert.deepEqual(run(code).outputs, run(code).outputs);
  });
  it('the seed comes from the block text unless given', () => {
    assert.notDeepEqual(run(code).outputs, run(`${code}\n# another comment`).outputs.slice(0, 2));
    assert.deepEqual(
      run(code, { seed: 42 }).outputs,
      run(`${code}\n# another comment`, { seed: 42 }).outputs,
    );
    assert.notDeepEqual(run(code, { seed: 42 }).outputs, run(code, { seed: 43 }).outputs);
  });
});

describe('runExperiment: limits in the thread', () => {
  it('refuses an allocation larger than the memory limit allows, quickly and with the line', () => {
    const r = run('x = 1\ny = zeros(1e9)', { memoryMb: 256 });
    assert.equal(r.status, 'error');
    assert.equal(r.errorLine, CODE_LINE + 1);
    assert.match(
      r.message,
      /ran out of memory \(limit 256 MB\): zeros\(…\) of 1,000,000,000 numbers would need 7\.5 GB/,
    );
  });

  it('stops when the variables together exceed the limit', () => {
    const r = run('a = zeros(1e6); b = zeros(1e6); c = zeros(1e6)', { memoryMb: 20 });
    assert.equal(r.status, 'error');
    assert.equal(r.errorLine, CODE_LINE);
    assert.match(
      r.message,
      /ran out of memory \(limit 20 MB\): zeros\(…\) of 1,000,000 numbers would need 8 MB more, and the block already holds 1[56] MB of arrays/,
    );
  });

  it('stops a long loop at the time limit', () => {
    const r = run('f() = sum(randn(10))\ns = sample(f, 1e7)', { timeoutMs: 100 });
    assert.equal(r.status, 'error');
    assert.equal(r.message, `line ${CODE_LINE + 1}: stopped after 0.1 s (time limit)`);
  });

  it('stops when cancelled', () => {
    let n = 0;
    const cancel = {
      get isCancellationRequested() {
        return ++n > 3;
      },
    };
    const r = run('f() = sum(randn(10))\ns = sample(f, 1e7)', { cancel });
    assert.equal(r.status, 'error');
    assert.equal(r.message, `line ${CODE_LINE + 1}: cancelled`);
  });

  it('reports endless recursion clearly', () => {
    const r = run('f(x) = f(x + 1)\nf(1)');
    assert.equal(r.status, 'error');
    assert.match(r.message, /line 11: too much recursion/);
  });
});
