import assert from 'node:assert/strict';
import { analyzeDocument, verifyDerivation, verifyDocument } from '../../../src/core/document';
import { defaultVerifyOptions, type StepResult } from '../../../src/core/types';

const steps = (text: string, options = {}): StepResult[] =>
  verifyDocument(text, options).derivations.flatMap((d) => d.steps);

describe('analyzeDocument', () => {
  it('finds derivation blocks with their lines, step counts, sections and headings', () => {
    const text = [
      '# Part 1', // 1
      '', // 2
      '$$', // 3
      'a + b = b + a = b + a', // 4
      '$$', // 5
      '', // 6
      '## Part 2', // 7
      '$$ x^2 $$', // 8  no relation: not a derivation
      '$$ (x+1)^2 = x^2 + 2x + 1 $$', // 9
    ].join('\n');
    const a = analyzeDocument(text);
    assert.deepEqual(
      a.derivations.map((d) => [d.line, d.endLine, d.stepCount, d.section]),
      [
        [3, 5, 2, 1],
        [9, 9, 1, 7],
      ],
    );
    assert.deepEqual(
      a.headings.map((h) => [h.line, h.level, h.text]),
      [
        [1, 1, 'Part 1'],
        [7, 2, 'Part 2'],
      ],
    );
  });

  it('collects experiments for the runner', () => {
    const a = analyzeDocument('```experiment "t"\nx = 1\n```\n');
    assert.equal(a.experiments.length, 1);
    assert.equal(a.experiments[0]?.line, 1);
  });

  it('declarations hold from where they stand: a snapshot per block', () => {
    const text = [
      '$$ AB = BA $$',
      '<!-- let',
      'A, B \\in \\mathbb{R}^{n \\times n}',
      '-->',
      '$$ AB = BA $$',
    ].join('\n');
    const a = analyzeDocument(text);
    assert.equal(a.derivations[0]?.symbols.kindOf('A'), undefined);
    assert.equal(a.derivations[1]?.symbols.kindOf('A'), 'matrix');
    const [before, after] = verifyDocument(text).derivations;
    assert.equal(before?.steps[0]?.status, 'verified', 'undeclared A and B are scalars');
    assert.ok(before?.steps[0]?.assumptions.includes('A ∈ ℝ (default)'));
    assert.equal(after?.steps[0]?.status, 'refuted');
  });

  it('a later declaration replaces an earlier one', () => {
    const text = [
      '<!-- let',
      'A, B \\in \\mathbb{R}^{n \\times n}',
      '-->',
      '$$ AB = BA $$',
      '<!-- let',
      'A, B \\in \\mathbb{R}',
      '-->',
      '$$ AB = BA $$',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((s) => s.status),
      ['refuted', 'verified'],
    );
  });

  it('inline prose declares: $X \\in \\mathbb{R}^{m \\times n}$ and $\\lambda > 0$', () => {
    const text = [
      'Let $X \\in \\mathbb{R}^{m \\times n}$ and $\\lambda > 0$.',
      '$$ (X^\\top X)^\\top = X^\\top X $$',
      '$$ \\log \\lambda < \\lambda $$',
    ].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified'],
    );
    assert.ok(!s[1]?.assumptions.some((a) => a.startsWith('λ')), 'λ is declared, not assumed');
  });

  it('bad declarations become warnings with file positions', () => {
    const text = ['intro', '<!-- let', 'x \\in \\mathbb{R}', '\\in \\in )', '-->'].join('\n');
    const a = analyzeDocument(text);
    const w = a.diagnostics.find((d) => d.severity === 'warning');
    assert.ok(w, 'a warning');
    assert.equal(w.line, 4);
    assert.ok(w.column >= 1);
  });

  it('applies macros from settings and from the document', () => {
    const text = [
      '$\\newcommand{\\sq}[1]{{#1}^2}$',
      '$$ \\sq{x+1} = x^2 + 2x + 1 $$',
      '$$ \\half x + \\half x = x $$',
    ].join('\n');
    const s = steps(text, { macros: { '\\half': '\\frac{1}{2}' } });
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified'],
    );
    const without = steps(text);
    assert.equal(without[1]?.status, 'unverifiable', 'without the setting \\half is unknown');
  });
});

describe('verifyDocument', () => {
  it('checks the issue chain with a = 1/√n: two verified steps at their file positions', () => {
    const text = [
      '<!-- let',
      'n \\in \\{1, \\dots, 512\\}',
      'a = \\frac{1}{\\sqrt{n}}',
      '-->',
      '$$',
      '\\frac{(a-(-a))^2}{12} = \\frac{a^2}{3} = \\frac{1}{3n}',
      '$$',
    ].join('\n');
    const { derivations } = verifyDocument(text);
    assert.equal(derivations.length, 1);
    const d = derivations[0]!;
    assert.deepEqual([d.line, d.endLine], [5, 7]);
    assert.deepEqual(
      d.steps.map((s) => [s.index, s.status, s.line, s.column, s.relation]),
      [
        [1, 'verified', 6, 23, '='],
        [2, 'verified', 6, 39, '='],
      ],
    );
    assert.equal(d.steps[0]?.lhs, '\\frac{(a-(-a))^2}{12}');
  });

  it('refutes a wrong step with a counterexample, message and values', () => {
    const text = [
      '<!-- let',
      'n \\in \\{1, \\dots, 512\\}',
      'a = \\frac{1}{\\sqrt{n}}',
      '-->',
      '$$ \\frac{a^2}{3} = \\frac{1}{6n} $$',
    ].join('\n');
    const [s] = steps(text);
    assert.equal(s?.status, 'refuted');
    assert.ok(s?.counterexample && typeof s.counterexample.n === 'number');
    assert.match(s?.message ?? '', /^at n = \d+: left side = [\d.e-]+, right side = [\d.e-]+, so = fails$/);
  });

  it('the three statuses, with messages', () => {
    const text = ['$$ x + x = 2x $$', '$$ x^2 > 0 $$', '$$ \\mathbb{E}[X] = \\mu $$'].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'refuted', 'unverifiable'],
    );
    assert.match(s[0]!.message, /agree at 24 samples/);
    assert.deepEqual(s[1]!.counterexample, { x: 0 });
    assert.match(s[2]!.message, /uses probability notation \(.*E.*\) that Stepwise cannot sample; declare/);
  });

  it('a parse error is unverifiable with its file line and column, the block still counts', () => {
    const text = ['', '$$', 'a + b = \\frac{1}{', '$$'].join('\n');
    const { analysis, derivations } = verifyDocument(text);
    assert.equal(analysis.derivations.length, 1);
    const s = derivations[0]!.steps[0]!;
    assert.equal(s.status, 'unverifiable');
    assert.match(s.message, /^parse error at line 3, column \d+: /);
  });

  it('a parse error in a multi-line block names one position, the file one', () => {
    const text = ['intro', '', '$$', 'a + b', '= (b + a))', '$$'].join('\n');
    const [s] = steps(text);
    assert.equal(s?.status, 'unverifiable');
    assert.match(s?.message ?? '', /^parse error at line 5, column \d+: unexpected/);
    assert.equal((s?.message.match(/line/g) ?? []).length, 1, s?.message);
    assert.doesNotMatch(s?.message ?? '', /column \d+.*column \d+/);
  });

  it('an undeclared function is unverifiable and says how to declare it', () => {
    const [s] = steps('$$ g(x) + 1 = 1 + g(x) $$');
    assert.equal(s?.status, 'unverifiable');
    assert.match(s?.message ?? '', /g is an undeclared function/);
  });

  it('declared functions apply elementwise: σ(Ay + b)', () => {
    const text = [
      '<!-- let',
      'A \\in \\mathbb{R}^{n \\times n}, y \\in \\mathbb{R}^{n}, b \\in \\mathbb{R}^{n}',
      '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
      '-->',
      '$$ \\sigma(Ay + b) = \\operatorname{sigmoid}(Ay + b) $$',
      '$$ \\sigma(Ay + b) = A\\sigma(y) + b $$',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((s) => s.status),
      ['verified', 'refuted'],
    );
  });

  it('block matrices from bmatrix/pmatrix, with I and 0 blocks', () => {
    const text = [
      '<!-- let',
      'A, B \\in \\mathbb{R}^{n \\times n}',
      'x, y \\in \\mathbb{R}^{n}',
      '-->',
      '$$ \\begin{bmatrix} A & 0 \\\\ 0 & B \\end{bmatrix} \\begin{bmatrix} x \\\\ y \\end{bmatrix} = \\begin{bmatrix} Ax \\\\ By \\end{bmatrix} $$',
      '$$ \\begin{pmatrix} I & A \\\\ 0 & I \\end{pmatrix}^{-1} = \\begin{pmatrix} I & -A \\\\ 0 & I \\end{pmatrix} $$',
      '$$ \\begin{pmatrix} I & A \\\\ 0 & I \\end{pmatrix}^{-1} = \\begin{pmatrix} I & A \\\\ 0 & I \\end{pmatrix} $$',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((s) => s.status),
      ['verified', 'verified', 'refuted'],
    );
  });

  it('only the blocks asked for, by opening line', () => {
    const text = ['$$ a = a $$', '$$ b = b $$', '$$ c = c $$'].join('\n');
    const { derivations } = verifyDocument(text, {}, [2]);
    assert.deepEqual(
      derivations.map((d) => d.line),
      [2],
    );
  });

  it('is deterministic, and a fixed seed is honoured', () => {
    const text = '<!-- let\nA, B \\in \\mathbb{R}^{n \\times n}\n-->\n$$ AB + x = BA + x $$';
    assert.deepEqual(verifyDocument(text).derivations, verifyDocument(text).derivations);
    assert.deepEqual(
      verifyDocument(text, { seed: 5 }).derivations,
      verifyDocument(text, { seed: 5 }).derivations,
    );
  });

  it('stops at cancellation: remaining steps are unverifiable "cancelled"', () => {
    const a = analyzeDocument('$$ a = a = a $$');
    const r = verifyDerivation(a.derivations[0]!, defaultVerifyOptions, { isCancellationRequested: true });
    assert.deepEqual(
      r.steps.map((s) => s.message),
      ['cancelled', 'cancelled'],
    );
  });

  it('never throws on garbage', () => {
    const junk = '$$ \\left( \\frac{ = } \\right] \\begin{cases} $$\n<!-- let\n\\frac{\n-->\n$$ = = = $$';
    assert.doesNotThrow(() => verifyDocument(junk));
  });
});
