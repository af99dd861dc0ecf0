import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyDocument } from '../../../src/core/document';
import { validateReport } from '../../../src/core/report/json';
import type { StepResult } from '../../../src/core/types';
import { candidates, symbolsOf } from '../../../src/core/verify/hints/edits';
import { coreOf } from '../../../src/core/verify/hints/index';

const refuted = (text: string): StepResult[] =>
  verifyDocument(text)
    .derivations.flatMap((d) => d.steps)
    .filter((s) => s.status === 'refuted');

const doc = (decl: string, ...steps: string[]) =>
  [`<!-- let`, decl, `-->`, ...steps.flatMap((s) => ['$$', s, '$$'])].join('\n');

const matrices = 'A \\in \\mathbb{R}^{3 \\times 3}, B \\in \\mathbb{R}^{3 \\times 3}';

describe('repair hints: the edit space', () => {
  const texs = (tex: string, scope = symbolsOf(tex)) =>
    candidates(tex, scope).map((c) => c.tex.replace(/\s+/g, ' '));

  it('swaps the factors of a product, transposes included', () => {
    assert.ok(texs('A^\\top B^\\top').includes('B^\\top A^\\top'));
    assert.ok(texs('AB').includes('BA'));
  });

  it('flips signs and operators, drops terms, and moves exponents by one', () => {
    const t = texs('x^2 + 2x - 1');
    for (const want of ['-\\left(x^2 + 2x - 1\\right)', 'x^2 - 2x - 1', 'x^2 + 2x + 1', 'x^2 \\cdot 2x - 1'])
      assert.ok(t.includes(want), want);
    for (const want of ['2x - 1', 'x^2 - 1', 'x^2 + 2x', 'x^3 + 2x - 1', 'x + 2x - 1'])
      assert.ok(t.includes(want), want);
  });

  it('adds or drops a transpose or an inverse, changes constants and replaces one symbol by another', () => {
    const t = texs('A^{-1} B + 4x', ['A', 'B', 'x', 'n']);
    for (const want of [
      'A B + 4x',
      'A^{-1} B^\\top + 4x',
      'A^{-1} B^{-1} + 4x',
      'A^{-1} B + 2x',
      'A^{-1} A + 4x',
    ])
      assert.ok(t.includes(want), want);
    assert.ok(t.includes('n \\left(A^{-1} B + 4x\\right)'));
    assert.ok(texs('A^\\top').includes('A'));
  });

  it('never offers the text itself; tries sign and operator slips first, and smaller edits of a kind first', () => {
    const list = candidates('a + b', ['a', 'b']);
    assert.ok(!list.some((c) => c.tex.replace(/\s/g, '') === 'a+b'));
    assert.deepEqual(
      list
        .slice(0, 3)
        .map((c) => c.kind)
        .sort(),
      ['operator', 'operator', 'sign'],
    );
    for (const kind of new Set(list.map((c) => c.kind))) {
      const costs = list.filter((c) => c.kind === kind).map((c) => c.cost);
      assert.deepEqual(
        costs,
        [...costs].sort((x, y) => x - y),
        kind,
      );
    }
  });

  it('leaves the operator of a derivative and the names of functions alone', () => {
    const t = candidates('\\frac{d}{dx} \\operatorname{tr}(x^3)', ['x', 'd']).map((c) => c.tex);
    assert.ok(
      t.every((x) => x.includes('\\frac{d}{dx}') && x.includes('\\operatorname{tr}')),
      t.join('\n'),
    );
    assert.ok(
      t.some((x) => x.includes('x^2')),
      'the exponent inside is still edited',
    );
  });

  it('never turns a subtraction of 1 into a multiplication by 1 (that deletes, it does not correct)', () => {
    const t = texs('A^{\\Gamma - 1}', ['A']);
    assert.ok(t.includes('A^{\\Gamma + 1}'));
    assert.ok(!t.some((x) => x.includes('\\cdot 1')), t.join('\n'));
  });

  it('reads a side without its alignment marks and line break', () => {
    assert.equal(coreOf('& x^2 + 1 \\\\ '), 'x^2 + 1');
  });
});

describe('repair hints: the search', () => {
  it('offers B^T A^T for a transposed product written in the same order, on the right side', () => {
    const [s] = refuted(doc(matrices, '(A B)^\\top = A^\\top B^\\top'));
    assert.equal(s?.hint?.side, 'rhs');
    assert.equal(s?.hint?.kind, 'swap');
    assert.equal(s?.hint?.rhs, 'B^\\top A^\\top');
    assert.equal(s?.hint?.lhs, '(A B)^\\top');
  });

  it('fixes a sign slip and a dropped constant factor', () => {
    const [sq] = refuted(doc('x, y \\in \\mathbb{R}', '(x - y)^2 = x^2 + 2xy + y^2'));
    assert.equal(sq?.hint?.rhs.replace(/\s+/g, ' '), 'x^2 - 2xy + y^2');
    assert.equal(sq?.hint?.kind, 'operator');
    const [d] = refuted(doc('x \\in \\mathbb{R}', '\\frac{d}{dx} x^2 = x'));
    assert.equal(d?.hint?.rhs.replace(/\s+/g, ' '), '2 x');
    assert.equal(d.hint.side, 'rhs');
  });

  it('gives no hint when no small edit makes the step hold, nor a copy of the other side by any edit', () => {
    const [sin] = refuted(doc('x \\in \\mathbb{R}', '\\sin(x) = \\cos(x) + x^3'));
    assert.equal(sin?.status, 'refuted');
    assert.equal(sin.hint, undefined);
    // `y` → `x` gives back the left side: `x = x` holds, and says nothing.
    const [xy] = refuted(doc('x, y \\in \\mathbb{R}', 'x = y'));
    assert.equal(xy?.status, 'refuted');
    assert.equal(xy.hint, undefined);
  });

  it('says a misapplied rule does not hold when undoing it is the only fix: commuting factors', () => {
    const [comm] = refuted(doc(matrices, '(I + A)(I + B) = (I + B)(I + A)'));
    assert.equal(comm?.hint?.kind, 'swap');
    assert.equal(comm.hint.side, 'rhs');
    assert.equal(comm.hint.rhs, comm.hint.lhs);
    assert.equal(comm.hint.rhs, '(I + A)(I + B)');
  });

  it('... a function commuted with a scaling, out of a fraction or a product', () => {
    const [sig] = refuted(
      doc('x \\in \\mathbb{R}', '\\operatorname{sigmoid}(2x) = 2\\operatorname{sigmoid}(x)'),
    );
    assert.equal(sig?.hint?.kind, 'into-function');
    assert.equal(sig.hint.rhs, '\\operatorname{sigmoid}(2x)');
    const [frac] = refuted(
      doc('x \\in \\mathbb{R}', '\\tanh\\left(\\frac{x}{3}\\right) = \\frac{\\tanh(x)}{3}'),
    );
    assert.equal(frac?.hint?.kind, 'into-function');
    assert.equal(frac.hint.rhs, '\\tanh\\left(\\frac{x}{3}\\right)');
  });

  it('... the inverse of a sum taken as the sum of the inverses, for matrices and numbers', () => {
    const [m] = refuted(
      doc(`${matrices}\n\\lambda > 0`, '(A + \\lambda I)^{-1} = A^{-1} + \\frac{1}{\\lambda} I'),
    );
    assert.equal(m?.hint?.kind, 'inverse-of-sum');
    assert.equal(m.hint.rhs, '(A + \\lambda I)^{-1}');
    const [s] = refuted(doc('a > 0, b > 0', '\\frac{1}{a + b} = \\frac{1}{a} + \\frac{1}{b}'));
    assert.equal(s?.hint?.kind, 'inverse-of-sum');
    assert.equal(s.hint.rhs, '\\frac{1}{a + b}');
  });

  it('moves a factor into a bracketed sum (two token edits, one slip)', () => {
    const [c] = refuted(doc('', '(3 \\cdot 3 + 1) \\cdot 64 \\cdot 128 = 73856'));
    assert.equal(c?.hint?.kind, 'move');
    assert.equal(c.hint.side, 'lhs');
    assert.equal(c.hint.lhs, '(3 \\cdot 3 \\cdot 64 + 1) \\cdot 128');
    assert.equal(c.hint.rhs, '73856');
  });

  it('offers only hints whose corrected step verifies by the ordinary check', () => {
    const text = readFileSync(path.join(__dirname, '../../../examples/mistakes.md'), 'utf8');
    const steps = refuted(text);
    const hinted = steps.filter((s) => s.hint);
    assert.ok(hinted.length >= 5, `${hinted.length} hints`);
    for (const s of hinted) {
      const fixed = `<!-- let\n${declarationsOf(text)}\n-->\n$$\n${s.hint?.lhs} ${s.relation} ${s.hint?.rhs}\n$$\n`;
      const again = verifyDocument(fixed).derivations.flatMap((d) => d.steps);
      assert.deepEqual(
        again.map((x) => x.status),
        ['verified'],
        `${s.hint?.lhs} ${s.relation} ${s.hint?.rhs}`,
      );
    }
  });

  it('carries the hint in the JSON report, in the documented shape', () => {
    const r = verifyDocument(doc(matrices, '(A B)^\\top = A^\\top B^\\top'));
    const report = {
      version: 1,
      files: [{ path: 'x.md', derivations: r.derivations, experiments: [], diagnostics: [] }],
    };
    assert.deepEqual(validateReport(report), []);
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    assert.deepEqual(Object.keys(json.files[0]?.derivations[0]?.steps[0]?.hint ?? {}).sort(), [
      'kind',
      'lhs',
      'message',
      'rhs',
      'side',
    ]);
  });
});

/** Every declaration line of a file's `<!-- let … -->` comments, in order. */
function declarationsOf(text: string): string {
  return [...text.matchAll(/<!-- let\n([\s\S]*?)-->/g)].map((m) => m[1]?.trim()).join('\n');
}

describe('repair hints: move edits', () => {
  const texs = (tex: string) => candidates(tex, symbolsOf(tex)).map((c) => `${c.kind}: ${c.tex}`);

  it('moves each other factor of a product into each term of a bracketed sum', () => {
    const t = texs('(a + b) c d');
    for (const want of ['move: (a \\cdot c + b) d', 'move: (a + b \\cdot c) d', 'move: (a \\cdot d + b) c'])
      assert.ok(t.includes(want), `${want}\n${t.join('\n')}`);
  });

  it('puts a scaling inside a function applied to a bracket, never inside a fraction that is no application', () => {
    assert.ok(texs('\\frac{\\exp(x)}{2}').includes('into-function: \\exp\\left(\\frac{x}{2}\\right)'));
    assert.ok(texs('3 \\sin(x + y)').includes('into-function: \\sin\\left(3 \\left(x + y\\right)\\right)'));
    assert.ok(!texs('\\frac{x}{2}').some((x) => x.startsWith('into-function')));
  });

  it('rebuilds a sum only when every term is an inverse', () => {
    assert.ok(texs('A^{-1} + B^{-1}').includes('inverse-of-sum: \\left(A + B\\right)^{-1}'));
    assert.ok(texs('\\frac{1}{a} + \\frac{1}{b}').includes('inverse-of-sum: \\frac{1}{a + b}'));
    assert.ok(!texs('A^{-1} + B').some((x) => x.startsWith('inverse-of-sum')));
    assert.ok(!texs('A^{-1} - B^{-1}').some((x) => x.startsWith('inverse-of-sum')));
  });
});
