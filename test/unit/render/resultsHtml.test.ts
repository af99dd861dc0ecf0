import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { counterexampleHtml } from '../../../src/render/resultsHtml';

const refuted: StepResult = {
  index: 1,
  line: 3,
  column: 5,
  relation: '=',
  lhs: '(AB)^\\top',
  rhs: 'A^\\top B^\\top',
  status: 'refuted',
  message: 'at d = 2: left side = 1, right side = 2, so = fails',
  samples: 3,
  counterexample: { d: 2 },
  values: { lhs: 1, rhs: 2 },
  assumptions: [],
};
const tex = (t: string) => `<i>${t}</i>`;

describe('render: counterexample', () => {
  it('shows the point and both sides in a table, without repeating them in a sentence', () => {
    const html = counterexampleHtml(refuted, tex);
    assert.match(html, /<td class="sw-sym"><i>d<\/i><\/td><td><code>2<\/code><\/td>/);
    assert.match(html, /<td>left<\/td><td><code>1<\/code><\/td>/);
    assert.match(html, /<td>right<\/td><td><code>2<\/code><\/td>/);
    assert.doesNotMatch(html, /so = fails/);
  });

  it('keeps the verifier’s sentence when there are no values to show', () => {
    const html = counterexampleHtml(
      { ...refuted, values: null, counterexample: null, message: 'the two sides differ in shape' },
      tex,
    );
    assert.match(html, /<p class="sw-cex-msg">the two sides differ in shape<\/p>/);
  });
});
