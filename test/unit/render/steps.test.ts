import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { wrapSteps as wrap, type Wrapped } from '../../../src/render/steps';
import type { TexSource } from '../../../src/core/markdown/types';

// Nonces are random per renderer: the tests read them as `N` and the placed steps from the marks.
const wrapSteps = (src: TexSource, steps: StepResult[]): { tex: string; placed: number[]; raw: Wrapped } => {
  const raw = wrap(src, steps, 'testkey');
  return {
    tex: raw.tex.replace(/swm[a-z0-9]+/g, 'N'),
    placed: [...raw.marks.values()].map((s) => s.index).sort((a, b) => a - b),
    raw,
  };
};

function step(
  index: number,
  line: number,
  column: number,
  relation: string,
  status: StepResult['status'],
): StepResult {
  return {
    index,
    line,
    column,
    relation,
    lhs: '',
    rhs: '',
    status,
    message: '',
    samples: 0,
    counterexample: null,
    assumptions: [],
  };
}

describe('render/steps', () => {
  // "  $$" on file line 10; the TeX's second line "  a = b \le c" is file line 11, column 3 (all 1-based).
  const src = {
    text: '\na = b \\le c',
    lines: [
      { offset: 0, line: 10, column: 5 },
      { offset: 1, line: 11, column: 3 },
    ],
  };

  it('wraps the relation at each step’s file position with its status class', () => {
    const w = wrapSteps(src, [step(1, 11, 5, '=', 'verified'), step(2, 11, 9, '\\le', 'refuted')]);
    assert.equal(
      w.tex,
      '\na \\mathrel{\\htmlClass{sw-mark N}{=}} b \\mathrel{\\htmlClass{sw-mark N}{\\le}} c',
    );
    assert.deepEqual(w.placed, [1, 2]);
  });

  it('skips an alignment & before the relation', () => {
    const t = { text: 'x &= y', lines: [{ offset: 0, line: 1, column: 1 }] };
    assert.equal(
      wrapSteps(t, [step(1, 1, 3, '&=', 'verified')]).tex,
      'x &\\mathrel{\\htmlClass{sw-mark N}{=}} y',
    );
  });

  it('places a mark only on the relation at the step’s exact position, never on a neighbour', () => {
    // Two `=` on one line: a step whose column is off by one or points at another character is not placed
    // on the nearest `=` (that would mark a relation the verifier did not judge).
    const t = { text: 'a = b = c', lines: [{ offset: 0, line: 3, column: 7 }] };
    for (const column of [10, 11, 6, 20]) {
      const w = wrapSteps(t, [step(1, 3, column, '=', 'refuted')]);
      assert.deepEqual(w.placed, [], `column ${column}`);
      assert.equal(w.tex, t.text);
    }
    const w = wrapSteps(t, [step(1, 3, 9, '=', 'verified'), step(2, 3, 13, '=', 'refuted')]);
    assert.deepEqual(w.placed, [1, 2]);
    assert.match(w.tex, /^a \\mathrel\{\\htmlClass\{sw-mark N\}\{=\}\} b \\mathrel/);
  });

  it('never mistakes \\left for \\le and leaves a step outside the formula unplaced', () => {
    const t = { text: '\\left( a \\right) \\le b', lines: [{ offset: 0, line: 1, column: 1 }] };
    assert.deepEqual(wrapSteps(t, [step(1, 1, 1, '\\le', 'verified')]).placed, []);
    const w = wrapSteps(t, [step(1, 1, 18, '\\le', 'verified'), step(2, 5, 1, '=', 'verified')]);
    assert.equal(w.tex, '\\left( a \\right) \\mathrel{\\htmlClass{sw-mark N}{\\le}} b');
    assert.deepEqual(w.placed, [1]);
  });

  it('gives each mark its own nonce, stable for the same key and TeX, different for another key', () => {
    const steps = [step(1, 11, 5, '=', 'verified'), step(2, 11, 9, '\\le', 'refuted')];
    const a = [...wrap(src, steps, 'k1').marks.keys()];
    assert.equal(new Set(a).size, 2);
    assert.deepEqual([...wrap(src, steps, 'k1').marks.keys()], a);
    const b = [...wrap(src, steps, 'k2').marks.keys()];
    assert.ok(a.every((n) => !b.includes(n)));
  });
});
