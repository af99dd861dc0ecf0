import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { wrapSteps } from '../../../src/render/steps';

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
  // "  $$" on file line 10 (0-based 9); the TeX's second line "  a = b \le c" is file line 11, column 3 (1-based).
  const lines = [
    { offset: 0, line: 9, column: 4 },
    { offset: 1, line: 10, column: 2 },
  ];
  const tex = '\na = b \\le c';

  it('wraps the relation at each step’s file position with its status class', () => {
    const w = wrapSteps(tex, lines, [step(1, 11, 5, '=', 'verified'), step(2, 11, 9, '\\le', 'refuted')]);
    assert.equal(
      w.tex,
      '\na \\mathrel{\\htmlClass{sw-step sw-step-1 sw-ok}{=}} b \\mathrel{\\htmlClass{sw-step sw-step-2 sw-bad}{\\le}} c',
    );
    assert.deepEqual(w.placed, [1, 2]);
  });

  it('skips an alignment & before the relation and finds a relation a column or two off', () => {
    const t = 'x &= y';
    const l = [{ offset: 0, line: 0, column: 0 }];
    assert.equal(
      wrapSteps(t, l, [step(1, 1, 3, '&=', 'verified')]).tex,
      'x &\\mathrel{\\htmlClass{sw-step sw-step-1 sw-ok}{=}} y',
    );
    assert.equal(
      wrapSteps(t, l, [step(1, 1, 1, '=', 'verified')]).tex,
      'x &\\mathrel{\\htmlClass{sw-step sw-step-1 sw-ok}{=}} y',
    );
  });

  it('never mistakes \\left for \\le and leaves a step it cannot find unplaced', () => {
    const t = '\\left( a \\right) \\le b';
    const l = [{ offset: 0, line: 0, column: 0 }];
    const w = wrapSteps(t, l, [step(1, 1, 1, '\\le', 'verified'), step(2, 5, 1, '=', 'verified')]);
    assert.equal(w.tex, '\\left( a \\right) \\mathrel{\\htmlClass{sw-step sw-step-1 sw-ok}{\\le}} b');
    assert.deepEqual(w.placed, [1]);
  });
});
