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
    assert.ok(before?.steps[0]?.assumptions.some((a) => a.symbol === 'A' && a.domain === 'ℝ' && a.isDefault));
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
    assert.ok(!s[1]?.assumptions.some((a) => a.symbol === 'λ' && a.isDefault), 'λ is declared, not assumed');
  });

  it('bad declarations become warnings with file positions', () => {
    const text = ['intro', '<!-- let', 'x \\in \\mathbb{R}', '\\in \\in )', '-->'].join('\n');
    const a = analyzeDocument(text);
    const w = a.diagnostics.find((d) => d.severity === 'warning');
    assert.ok(w, 'a warning');
    assert.equal(w.line, 4);
    assert.ok(w.column >= 1);
  });

  it('a declaration missing an expression is reported on its own line, at the token that needed it', () => {
    const text = [
      'intro', // 1
      '<!-- let x \\in \\mathbb{R}', // 2
      'W \\in \\mathbb{R}^{3 \\times }', // 3
      'a = ', // 4
      '  b =', // 5
      'v \\in', // 6
      '0 < p <', // 7
      'q \\in (, 1)', // 8
      'y \\in \\mathbb{R}_{>0}', // 9
      '-->',
    ].join('\n');
    const warnings = analyzeDocument(text).diagnostics.filter((d) => d.severity === 'warning');
    assert.deepEqual(
      warnings.map((w) => [w.line, w.column, w.message.replace('declaration not understood: ', '')]),
      [
        [3, 21, 'missing size after ×'],
        [4, 3, 'missing expression after ='],
        [5, 5, 'missing expression after ='],
        [6, 3, 'missing domain after \\in'],
        [7, 7, 'missing expression after <'],
        [8, 8, 'missing lower end of the interval'],
      ],
    );
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
    const text = ['$$ x + x = 2x $$', '$$ x^2 > 0 $$', '$$ \\mathbb{E}_{x \\sim p}[x] = \\mu $$'].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'refuted', 'unverifiable'],
    );
    assert.match(s[0]!.message, /agree at 24 samples/);
    assert.deepEqual(s[1]!.counterexample, { x: 0 });
    assert.equal(s[2]?.reason, 'probability-notation');
    assert.equal(s[2]?.subject, '\\sim', 'a law written in the subscript is not read yet');
  });

  it('a parse error is unverifiable with its file line and column, the block still counts', () => {
    const text = ['', '$$', 'a + b = \\frac{1}{', '$$'].join('\n');
    const { analysis, derivations } = verifyDocument(text);
    assert.equal(analysis.derivations.length, 1);
    const s = derivations[0]!.steps[0]!;
    assert.equal(s.status, 'unverifiable');
    assert.match(s.message, /^parse error at line 3, column \d+: .* \(right side\)$/);
    assert.deepEqual(
      [s.errorAt?.line, s.errorAt?.column],
      [3, 18],
      'the error is at the end of input, where the operand is missing',
    );
    assert.deepEqual([s.line, s.column], [3, 7], 'the step itself stays on its relation');
  });

  it('one unreadable side shared by two steps: each step at its own relation, naming its side', () => {
    const text = ['intro', '$$ x + 1 = x \\dots 1 = 1 + x = x + 1 $$'].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => [x.index, x.line, x.column, x.relation, x.lhs, x.rhs, x.status]),
      [
        [1, 2, 10, '=', 'x + 1', 'x \\dots 1', 'unverifiable'],
        [2, 2, 22, '=', 'x \\dots 1', '1 + x', 'unverifiable'],
        [3, 2, 30, '=', '1 + x', 'x + 1', 'verified'],
      ],
      'every step sits at its own relation, so the preview marks the right one',
    );
    assert.deepEqual(
      s.map((x) => (x.errorAt ? [x.errorAt.line, x.errorAt.column] : null)),
      [[2, 14], [2, 22], null],
      'the first step points at the \\dots, the second (sharing that side) at its own relation',
    );
    assert.match(s[0]?.message ?? '', /^unsupported notation at line 2, column 14: .* \(right side\)$/);
    assert.match(s[1]?.message ?? '', /^unsupported notation at line 2, column 14: .* \(left side\)$/);
    const both = steps('$$ a = \\dots x = \\dots y = a $$');
    assert.match(both[1]?.message ?? '', /^left side: .*column 8.*; right side: .*column 18/);
  });

  it('a parse error in a multi-line block names one position, the file one', () => {
    const text = ['intro', '', '$$', 'a + b', '= (b + a))', '$$'].join('\n');
    const [s] = steps(text);
    assert.equal(s?.status, 'unverifiable');
    assert.match(s?.message ?? '', /^parse error at line 5, column \d+: unexpected.* \(right side\)$/);
    assert.equal((s?.message.match(/line/g) ?? []).length, 1, s?.message);
    assert.doesNotMatch(s?.message ?? '', /column \d+.*column \d+/);
  });

  it('an undeclared function on one side is unverifiable and says how to declare it', () => {
    const [s] = steps('$$ g(x) + 1 = 2 $$');
    assert.equal(s?.status, 'unverifiable');
    assert.deepEqual([s?.reason, s?.subject], ['undeclared-function', 'g']);
  });

  it('an undeclared function on both sides is any smooth function: the step must hold for all', () => {
    const [holds, fails] = steps('$$ g(x) + 1 = 1 + g(x) $$\n$$ g(2x) = 2 g(x) $$');
    assert.equal(holds?.status, 'verified');
    assert.ok(holds?.assumptions.some((a) => a.symbol === 'g' && a.role === 'function'));
    assert.equal(fails?.status, 'refuted');
    assert.match(fails?.message ?? '', /with g\(x\) = /);
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
      r.steps.map((s) => [s.status, s.reason]),
      [
        ['unverifiable', 'cancelled'],
        ['unverifiable', 'cancelled'],
      ],
    );
  });

  it('never throws on garbage', () => {
    const junk = '$$ \\left( \\frac{ = } \\right] \\begin{cases} $$\n<!-- let\n\\frac{\n-->\n$$ = = = $$';
    const r = verifyDocument(junk);
    // Garbage is never judged: every step it yields is unverifiable and points at its error, and the
    // broken declaration is reported on its line.
    const all = r.derivations.flatMap((d) => d.steps);
    assert.ok(all.length > 0, 'the `= = =` block yields steps');
    assert.deepEqual(
      all.map((x) => [x.status, x.reason, x.errorAt?.line]),
      all.map(() => ['unverifiable', 'parse-error', 5]),
    );
    assert.deepEqual(
      r.analysis.diagnostics.map((d) => [d.line, d.severity]),
      [[3, 'warning']],
    );
  });
});

describe('verifyDocument: conditions on a claim', () => {
  it('samples only where the condition holds, and says so', () => {
    const text = [
      '<!-- let',
      '\\mathbf{x} \\in \\mathbb{R}^n',
      '-->',
      '$$\\|\\mathbf{x}\\| > 0 \\textrm{ for all } \\mathbf{x} \\neq 0$$',
      '$$\\sqrt{x^2} = x \\quad (x > 0)$$',
      '$$\\frac{|x|}{x} = 1 \\text{if } x > 0$$',
      '$$\\log(x) < 0, \\quad x \\in (0, 1)$$',
    ].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified', 'verified', 'verified'],
      s.map((x) => x.message).join('\n'),
    );
    assert.match(s[0]?.message ?? '', /under 𝐱 ≠ 0$/);
    assert.match(s[3]?.message ?? '', /under x ∈ \(0, 1\)$/);
  });

  it('membership conditions read as symbols, never raw TeX', () => {
    const s = steps(
      [
        '$$ \\sqrt{x^2} = x, \\quad x \\in \\mathbb{R}_{>0} $$',
        '$$ \\sqrt{x^2} = x, \\quad x \\in \\mathbb{R}_+ $$',
        '$$ \\sqrt{x^2} = -x, \\quad x \\in (-\\infty, 0) $$',
        '$$ \\log x < 0, \\quad x \\in \\left(0, \\frac{1}{2}\\right] $$',
        '$$ \\sqrt{x^2} = x, \\quad x \\in [\\pi, \\infty) $$',
      ].join('\n'),
    );
    assert.deepEqual(
      s.map((x) => [x.status, / under (.*)$/.exec(x.message)?.[1]]),
      [
        ['verified', 'x > 0'],
        ['verified', 'x ≥ 0'],
        ['verified', 'x < 0'],
        ['verified', 'x ∈ (0, 1 / 2]'],
        ['verified', 'x ≥ π'],
      ],
    );
  });

  it('still refutes wrong math under its condition, with a counterexample that satisfies it', () => {
    const [wrong, log] = steps(
      ['$$\\sqrt{x^2} = -x \\text{ for } x > 0$$', '$$\\log x > 0, \\quad x \\in (0, 1)$$'].join('\n'),
    );
    assert.equal(wrong?.status, 'refuted');
    assert.ok((wrong?.counterexample?.x as number) > 0, JSON.stringify(wrong?.counterexample));
    assert.match(wrong?.message ?? '', /under x > 0$/);
    assert.equal(log?.status, 'refuted');
    const x = log?.counterexample?.x as number;
    assert.ok(x > 0 && x < 1, String(x));
  });

  it('is unverifiable when the condition rarely holds or cannot be read', () => {
    const [rare, notin, prime] = steps(
      [
        '$$\\log x = 0 \\text{ for } x = 1$$',
        '$$x^2 = x \\text{ for } x \\notin S$$',
        '$$x^2 = x \\text{ if } x \\text{ is idempotent}$$',
      ].join('\n'),
    );
    assert.equal(rare?.status, 'unverifiable');
    assert.equal(rare?.reason, 'condition-rarely-holds');
    assert.equal(notin?.status, 'unverifiable');
    assert.equal(notin?.reason, 'unreadable-condition');
    assert.equal(prime?.status, 'unverifiable', 'without its condition x² = x would be refuted');
    assert.equal(prime?.reason, 'unreadable-condition');
  });
});

describe('verifyDocument: definitions are not claims', () => {
  it('p(x) = … after an inline declaration of p reads as a definition, not as p·x', () => {
    const text = ['Let $p \\in \\mathbb{R}$ be a density.', '$$p(x) = \\frac{1}{1+x^2}$$'].join('\n');
    const [s] = steps(text);
    assert.equal(s?.status, 'unverifiable', s?.message);
    assert.deepEqual([s?.reason, s?.subject], ['definition', 'p']);
    const declared = ['<!-- let', 'p \\in \\mathbb{R}', '-->', '$$p(x) = \\frac{1}{1+x^2}$$'].join('\n');
    assert.equal(
      steps(declared)[0]?.status,
      'refuted',
      'declared by the student: a claim about the product p·x',
    );
  });

  it('C = AB with C, A, B declared in the prose is a definition; the rest of the chain is checked', () => {
    const prose = [
      'Take $\\mathbf{A} \\in \\mathbb{R}^{n \\times k}$, $\\mathbf{B} \\in \\mathbb{R}^{k \\times m}$ and $\\mathbf{C} \\in \\mathbb{R}^{n \\times m}$.',
      '$$\\mathbf{C} = \\mathbf{AB} = (\\mathbf{B}^\\top \\mathbf{A}^\\top)^\\top$$',
    ].join('\n');
    const [def, rest] = steps(prose);
    assert.equal(def?.status, 'unverifiable');
    assert.deepEqual([def?.reason, def?.subject], ['definition', '𝐂']);
    assert.equal(rest?.status, 'verified', rest?.message);
    const declared = [
      '<!-- let',
      '\\mathbf{A} \\in \\mathbb{R}^{n \\times k}, \\mathbf{B} \\in \\mathbb{R}^{k \\times m}, \\mathbf{C} \\in \\mathbb{R}^{n \\times m}',
      '-->',
      '$$\\mathbf{C} = \\mathbf{AB}$$',
    ].join('\n');
    assert.equal(steps(declared)[0]?.status, 'refuted', 'the student declared C: an arbitrary C is not AB');
  });

  it('a symbol on both sides is a claim, and a defined symbol is checked through its definition', () => {
    const text = [
      'Let $x \\in \\mathbb{R}$.',
      '$$x = x^2$$',
      '<!-- let',
      'a = 2x',
      '-->',
      '$$a = x + x$$',
      '$$a = 3x$$',
    ].join('\n');
    assert.deepEqual(
      steps(text).map((x) => x.status),
      ['refuted', 'verified', 'refuted'],
    );
  });

  it('an undeclared lone left side reads as a definition', () => {
    const [s] = steps('$$y = 2x + 1$$');
    assert.equal(s?.status, 'unverifiable');
    assert.deepEqual([s?.reason, s?.subject], ['definition', 'y']);
  });
});

describe('verifyDocument: macros reach every later block', () => {
  it('setting macros, with or without the backslash, reach declarations and display blocks', () => {
    const text = [
      '<!-- let',
      'A \\in \\R^{n \\times n}, B \\in \\R^{n \\times n}',
      '-->',
      '$$ \\tr{AB} = \\tr{BA} $$',
      '$$ AB = BA $$',
    ].join('\n');
    for (const macros of <Record<string, string>[]>[
      { '\\R': '\\mathbb{R}', '\\tr': '\\operatorname{tr}(#1)' },
      { R: '\\mathbb{R}', tr: '\\operatorname{tr}(#1)' },
    ]) {
      const a = analyzeDocument(text, { macros });
      assert.equal(a.diagnostics.length, 0, JSON.stringify(a.diagnostics));
      assert.equal(a.derivations[0]?.symbols.kindOf('A'), 'matrix');
      assert.deepEqual(
        steps(text, { macros }).map((x) => x.status),
        ['verified', 'refuted'],
      );
    }
  });

  it('\\newcommand and \\def of earlier blocks reach later declarations and display blocks', () => {
    const text = [
      '$$ \\newcommand{\\vx}{\\mathbf{x}} \\def\\sq#1{{#1}^2} \\sq{a} = a \\cdot a $$',
      '<!-- let',
      '\\vx \\in \\mathbb{R}^3',
      '-->',
      '$$ \\sq{\\|\\vx\\|} = \\vx^\\top \\vx $$',
      '$\\def\\half{\\frac{1}{2}}$',
      '$$ \\half \\vx + \\half \\vx = \\vx $$',
    ].join('\n');
    const a = analyzeDocument(text);
    assert.equal(a.derivations[1]?.symbols.kindOf('𝐱'), 'vector');
    assert.deepEqual(
      steps(text).map((x) => x.status),
      ['verified', 'verified', 'verified'],
    );
  });
});

describe('verifyDocument: equations to solve', () => {
  it('an equation introduced by "… we need to solve" is not refuted as an identity', () => {
    const text = [
      'Let $x, y \\in \\mathbb{R}$.',
      'To find the eigenvectors, we then need to solve',
      '',
      '$$\\begin{bmatrix} 2 & 1 \\\\ 2 & 3 \\end{bmatrix} \\begin{bmatrix} x \\\\ y \\end{bmatrix} = \\begin{bmatrix} 4x \\\\ 4y \\end{bmatrix}$$',
      '',
      'We now solve it. Expanding:',
      '$$(x + y)^2 = x^2 + y^2$$',
      'and solving gives',
      '$$(x + y)^2 = x^2 + 2xy + y^2$$',
    ].join('\n');
    const [solve, expand, identity] = steps(text);
    assert.equal(solve?.status, 'unverifiable');
    assert.equal(solve?.reason, 'equation-to-solve');
    assert.equal(expand?.status, 'refuted', 'the sentence before the block does not ask to solve');
    assert.equal(identity?.status, 'verified', 'an identity stays verified after "solving gives"');
  });
});
