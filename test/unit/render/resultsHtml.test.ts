import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { counterexampleHtml, derivationBadge, stepNotesHtml } from '../../../src/render/resultsHtml';

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

describe('render: definitions', () => {
  const at = (index: number, extra: Partial<StepResult>): StepResult => ({
    ...refuted,
    index,
    counterexample: null,
    values: null,
    message: '',
    ...extra,
  });
  const def = (i: number) => at(i, { status: 'unverifiable', reason: 'definition', message: 'defines J' });
  const unk = (i: number) => at(i, { status: 'unverifiable', reason: 'undeclared-symbol' });
  const block = (...steps: StepResult[]) => ({ line: 1, endLine: 3, steps });

  it('gives a block of definitions a neutral badge, and keeps ? for steps that could not be checked', () => {
    assert.deepEqual(
      [derivationBadge(block(def(1)), false).status, derivationBadge(block(def(1)), false).text],
      ['def', '≔ 1'],
    );
    // Definitions beside verified steps: the steps that hold, nothing more.
    const mixed = derivationBadge(block(def(1), at(2, { status: 'verified' })), false);
    assert.deepEqual([mixed.status, mixed.text], ['ok', '✓ 1']);
    const unknown = derivationBadge(block(def(1), unk(2)), false);
    assert.deepEqual([unknown.status, unknown.text], ['unk', '? 1']);
  });

  it('collapses definitions into their own neutral line, apart from the steps not checked', () => {
    const html = stepNotesHtml(block(def(1), def(2), unk(3)), [], tex);
    assert.match(
      html,
      /<details class="sw-unverifiable"><summary>\? 1 step not checked \(undeclared symbol\)/,
    );
    assert.match(html, /<details class="sw-definition"><summary>≔ 2 definitions<\/summary>/);
    assert.match(html, /<li class="sw-note-definition" data-reason="definition" data-count="2">/);
    assert.doesNotMatch(stepNotesHtml(block(def(1)), [], tex), /sw-unverifiable|not checked/);
  });
});
