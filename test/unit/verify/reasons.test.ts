import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';
import { explain, negatedGlyph, reasonOf, subjectOf, type Why } from '../../../src/core/verify/reasons';

const steps = (text: string): StepResult[] => verifyDocument(text).derivations.flatMap((d) => d.steps);

describe('verdict reasons', () => {
  it('every step that is not verified carries a reason code, and every step its assumptions', () => {
    const text = [
      '$$ (x+1)^2 = x^2 + 1 $$', // counterexample
      '$$ \\mathbb{E}_{x \\sim p}[x] = \\mu $$', // probability notation not read (a law in the subscript)
      '$$ x^2 \\lesssim x^2 + 1 $$', // a relation sampling cannot judge
      // an undeclared function on one side only (on both sides it is any smooth function, issue 11)
      '$$ g(x) \\le 3 $$',
      '$$ x = \\frac{1}{ $$', // parse error
      '$$ x + y = y + x $$', // verified
    ].join('\n');
    const s = steps(text);
    assert.deepEqual(
      s.map((x) => [x.status, x.reason]),
      [
        ['refuted', 'counterexample'],
        ['unverifiable', 'probability-notation'],
        ['unverifiable', 'unsupported-relation'],
        ['unverifiable', 'undeclared-function'],
        ['unverifiable', 'parse-error'],
        ['verified', undefined],
      ],
    );
    assert.deepEqual(
      s.map((x) => x.subject),
      [undefined, '\\sim', '\\lesssim', 'g', undefined, undefined],
    );
    for (const x of s) assert.ok(Array.isArray(x.assumptions));
    assert.deepEqual(s[5]?.assumptions, [
      { symbol: 'x', domain: 'ℝ', isDefault: true, role: 'value' },
      { symbol: 'y', domain: 'ℝ', isDefault: true, role: 'value' },
    ]);
  });

  it('a refuted step carries the relation it was read as, so `\\simeq` fails as ≉', () => {
    const [simeq, le] = steps('$$ x^2 \\simeq x^2 + 5 $$\n$$ x^2 \\leq -1 $$');
    assert.deepEqual([simeq?.status, simeq?.relation, simeq?.meaning], ['refuted', '\\simeq', '\\approx']);
    assert.equal(negatedGlyph[simeq?.meaning ?? '='], '≉');
    assert.deepEqual([le?.status, le?.meaning], ['refuted', '\\le']);
  });

  it('the subject names the probability notation wherever the parser meets it', () => {
    const s = steps(
      [
        '$$ \\mathbb{E}_{x \\sim p}[x] = 1 $$',
        '$$ p(x \\mid \\theta) = 1 $$',
        // Between the laws of capitals D_KL is read (probability/model.ts); between densities it is not.
        '$$ D_{\\mathrm{KL}}(p \\| q) = 0 $$',
        '$$ a = b \\sim c $$',
      ].join('\n'),
    );
    for (const x of s) assert.equal(x.reason, 'probability-notation', x.message);
    assert.deepEqual(
      s.map((x) => x.subject),
      ['\\sim', '\\mid', '\\mathrm{KL}', '\\sim'],
    );
  });

  it('renders each reason from its data, and the code and subject come from the same data', () => {
    const fails: Why = {
      why: 'fails',
      sample: { x: 1 / 3 },
      values: { lhs: 1, rhs: 2 },
      relation: '\\le',
      conditionText: 'x > 0',
    };
    assert.equal(explain(fails), 'at x = 0.333333: left side = 1, right side = 2, so ≤ fails under x > 0');
    assert.equal(reasonOf(fails), 'counterexample');
    const lone: Why = { why: 'one-sided', name: 'yhat', side: 'left' };
    assert.deepEqual([reasonOf(lone), subjectOf(lone)], ['one-sided-symbol', 'yhat']);
    assert.match(explain(lone), /^yhat is not declared and appears only on the left side/);
    const unread: Why = {
      why: 'unread',
      side: 'both',
      error: { code: 'parse-error', detail: 'unexpected }', at: { line: 3, column: 7 } },
    };
    assert.equal(explain(unread), 'parse error at line 3, column 7: unexpected } (both sides)');
    assert.equal(reasonOf({ why: 'defines', name: 'σ', params: ['x'] }), 'definition');
  });

  it('shows the digits that tell two sides apart when six digits show them alike', () => {
    const [s] = verifyDocument('$$\\sqrt{2} = 1.414214$$').derivations.flatMap((d) => d.steps);
    assert.equal(s?.status, 'refuted');
    assert.match(s?.message ?? '', /left side = 1\.4142136, right side = 1\.414214\b/);
    const [t] = verifyDocument('$$\\sqrt{2} = 1.5$$').derivations.flatMap((d) => d.steps);
    assert.match(t?.message ?? '', /left side = 1\.41421, right side = 1\.5\b/);
  });
});
