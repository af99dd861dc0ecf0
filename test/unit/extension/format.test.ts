import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { DerivationResult, Relation, StepResult } from '../../../src/core/index';
import {
  fitInline,
  inlineText,
  resultLensTitle,
  statusText,
  stepHoverMarkdown,
  stepMessage,
  verifyLensTitle,
} from '../../../src/extension/format';

/** What a person sees of hover Markdown: rendered (VS Code renders hovers as CommonMark), tags dropped. */
function seen(md: string): string {
  return new MarkdownIt()
    .render(md)
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

function step(index: number, status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult {
  return {
    index,
    line: 10 + index,
    column: 3,
    relation: '=',
    lhs: 'a',
    rhs: 'b',
    status,
    message: '',
    samples: 24,
    counterexample: null,
    assumptions: [],
    ...extra,
  };
}

const block = (...steps: StepResult[]): DerivationResult => ({ line: 10, endLine: 20, steps });

describe('extension/format', () => {
  it('counts steps in the Verify lens', () => {
    assert.equal(verifyLensTitle(1), 'Verify · 1 step');
    assert.equal(verifyLensTitle(3), 'Verify · 3 steps');
  });

  it('titles results worst first and reads mixed results naturally', () => {
    assert.equal(
      resultLensTitle(block(step(1, 'verified'), step(2, 'verified'), step(3, 'verified'))),
      '✓ 3 verified',
    );
    assert.equal(
      resultLensTitle(block(step(1, 'verified'), step(2, 'refuted'))),
      '✗ step 2 refuted · ✓ 1 verified',
    );
    assert.equal(resultLensTitle(block(step(1, 'unverifiable'))), '? 1 unverifiable');
    assert.equal(
      resultLensTitle(
        block(step(1, 'refuted'), step(2, 'unverifiable'), step(3, 'refuted'), step(4, 'refuted')),
      ),
      '✗ steps 1, 3 and 4 refuted · ? 1 unverifiable',
    );
    assert.equal(resultLensTitle(block()), 'No steps to verify');
  });

  it('reads definitions as definitions, not as steps that could not be checked', () => {
    const def = (i: number) => step(i, 'unverifiable', { reason: 'definition', message: 'defines J' });
    const unk = (i: number) => step(i, 'unverifiable', { reason: 'undeclared-symbol' });
    assert.equal(resultLensTitle(block(def(1))), '≔ 1 definition');
    assert.equal(resultLensTitle(block(def(1), def(2))), '≔ 2 definitions');
    assert.equal(
      resultLensTitle(block(def(1), step(2, 'verified'), unk(3), step(4, 'refuted'))),
      '✗ step 4 refuted · ✓ 1 verified · ? 1 unverifiable · ≔ 1 definition',
    );
    assert.equal(inlineText([def(1)]), '≔');
    assert.equal(inlineText([def(1), step(2, 'verified')]), '✓');
    assert.equal(inlineText([def(1), unk(2)]), '?');
    assert.equal(statusText([block(def(1), def(2), step(3, 'verified'))]), 'Stepwise ✓ 1 ✗ 0 ? 0 ≔ 2');
    assert.equal(statusText([block(def(1), unk(2))]), 'Stepwise ✓ 0 ✗ 0 ? 1 ≔ 1');
    assert.match(seen(stepHoverMarkdown(def(1))), /^≔ Step 1 a definition/);
    assert.match(seen(stepHoverMarkdown(unk(1))), /^\? Step 1 unverifiable/);
  });

  it('gives a refuted step its values and counterexample in the message and the inline text', () => {
    const s = step(2, 'refuted', {
      message: 'core wording',
      values: { lhs: 0.375, rhs: 0.5 },
      counterexample: { x: 1, p: 0.25 },
    });
    assert.equal(stepMessage(s), 'step 2: left 0.375 ≠ right 0.5 at x = 1, p = 0.25');
    assert.equal(inlineText([s]), '✗ at x = 1, p = 0.25');
    assert.equal(inlineText([step(1, 'verified'), step(2, 'verified')]), '✓');
    assert.equal(inlineText([step(1, 'verified'), step(2, 'unverifiable')]), '?');
  });

  it('keeps the inline verdict short: a long counterexample is elided, a numeric one shows its values', () => {
    const matrices = step(1, 'refuted', {
      counterexample: {
        d: 2,
        A: [
          [2, 2],
          [1, -1],
        ],
        B: [
          [-1, 0],
          [-1, 1],
        ],
      },
    });
    assert.equal(inlineText([matrices]), '✗ at d = 2, …');
    assert.equal(
      inlineText([step(1, 'refuted', { counterexample: { x: 1, p: 0.25, n: 3 } })]),
      '✗ at x = 1, p = 0.25, n = 3',
    );
    const numbers = step(1, 'refuted', { counterexample: {}, values: { lhs: 81920, rhs: 73856 } });
    assert.equal(inlineText([numbers]), '✗ 81920 ≠ 73856');
    assert.equal(inlineText([step(1, 'refuted', { counterexample: null, values: null })]), '✗');
  });

  it('names the failed comparison by the relation', () => {
    const at = (relation: string, meaning: Relation) =>
      stepMessage(
        step(1, 'refuted', { relation, meaning, values: { lhs: 1, rhs: 0 }, counterexample: { x: 0 } }),
      );
    assert.equal(at('\\le', '\\le'), 'step 1: left 1 > right 0 at x = 0');
    assert.equal(at('&\\leq', '\\le'), 'step 1: left 1 > right 0 at x = 0');
    assert.equal(at('<', '<'), 'step 1: left 1 ≥ right 0 at x = 0');
    assert.equal(at('\\ne', '\\ne'), 'step 1: left 1 = right 0 at x = 0');
    assert.equal(at('\\approx', '\\approx'), 'step 1: left 1 ≉ right 0 at x = 0');
    // The meaning the verifier read decides, not the TeX: `\\simeq` is an approximation.
    assert.equal(at('\\simeq', '\\approx'), 'step 1: left 1 ≉ right 0 at x = 0');
    assert.equal(at('\\coloneqq', '='), 'step 1: left 1 ≠ right 0 at x = 0');
  });

  it('falls back to the core message when it has no values, without repeating the point', () => {
    assert.equal(
      stepMessage(step(1, 'refuted', { message: 'shapes differ', counterexample: { x: 1 } })),
      'step 1: shapes differ at x = 1',
    );
    const already = step(1, 'refuted', { message: 'left 4 ≠ right 2 at x = 1', counterexample: { x: 1 } });
    assert.equal(stepMessage(already), 'step 1: left 4 ≠ right 2 at x = 1');
    assert.equal(
      stepMessage(step(3, 'unverifiable', { message: 'unknown symbol \\Gamma' })),
      'step 3 unverifiable: unknown symbol \\Gamma',
    );
  });

  it('sums a file for the status bar', () => {
    assert.equal(statusText([]), 'Stepwise');
    assert.equal(
      statusText([
        block(step(1, 'verified'), step(2, 'refuted')),
        block(step(1, 'unverifiable'), step(2, 'verified')),
      ]),
      'Stepwise ✓ 2 ✗ 1 ? 1',
    );
  });

  it('puts status, samples, flagged defaults and a counterexample table in the hover, escaping Markdown', () => {
    const s = step(2, 'refuted', {
      lhs: 'a|b',
      message: 'left 4 ≠ right 2',
      counterexample: { x: 1, A: [[1, 2]] },
      values: { lhs: 4, rhs: 2 },
      assumptions: [
        { symbol: 'x', domain: 'ℝ', isDefault: true, role: 'value' },
        { symbol: 'y', domain: '(0, 1)', isDefault: false, role: 'value' },
      ],
    });
    const md = stepHoverMarkdown(s);
    assert.match(md, /\*\*✗ Step 2 refuted\*\*/);
    assert.match(md, /left 4 ≠ right 2 at the point below/);
    assert.match(seen(md), /Step 2 refuted — a\|b = b\n/);
    assert.match(md, /Samples evaluated: 24/);
    assert.match(md, /Domains assumed: x ∈ ℝ \(default\)\n/, 'declared domains are not listed as assumed');
    // A matrix value is drawn aligned below the table (hoverValues.ts), not as nested lists in a cell.
    assert.match(md, /\| symbol \| value \|\n\| --- \| --- \|\n\| x \| 1 \|\n\| A \| below \|/);
    assert.match(md, /```text\nA = \[ 1 {2}2 \]\n```/);
    assert.match(md, /\| \*left\* \| 4 \|/);
    assert.doesNotMatch(stepHoverMarkdown(step(1, 'verified')), /\| symbol/);
  });

  it('shows the step in the hover header exactly as written: no escapes inside the code span', () => {
    const s = step(1, 'refuted', { lhs: '\\frac{\\partial}{\\partial y} x_1', rhs: 'x\\_1 `q`' });
    const header = seen(stepHoverMarkdown(s)).split('\n')[0];
    assert.equal(header, '✗ Step 1 refuted — \\frac{\\partial}{\\partial y} x_1 = x\\_1 `q`');
  });

  it("counts experiments in the status bar: passed of the file's", () => {
    const d: DerivationResult = { line: 1, endLine: 3, steps: [step(1, 'verified'), step(2, 'refuted')] };
    const x = (status: 'passed' | 'failed') => ({
      line: 5,
      endLine: 8,
      status,
      message: '',
      checks: [],
      outputs: [],
    });
    assert.equal(statusText([d], [x('passed'), x('failed')], 4), 'Stepwise ✓ 1 ✗ 1 ? 0 · ▶ 1/4');
    assert.equal(statusText([], [x('passed')]), 'Stepwise ▶ 1/1');
    assert.equal(statusText([d]), 'Stepwise ✓ 1 ✗ 1 ? 0');
  });

  it('shortens the inline verdict after long lines so it stays in view, never below its icon', () => {
    const text = '✗ at A = [[1, 2], [3, 4]], x = 0.5';
    assert.equal(fitInline('✓', 200), '✓');
    assert.ok(fitInline(text, 10).length <= 32);
    assert.match(fitInline(text, 10), /^✗ at A = .*…$/);
    assert.equal(fitInline(text, 70), '✗ at A = [[1, 2], [3, 4]], x…');
    assert.equal(fitInline(text, 98), '✗');
  });

  it('shows the repair hint under the counterexample, as written', () => {
    const s = step(1, 'refuted', {
      lhs: '(AB)^\\top',
      rhs: 'A^\\top B^\\top',
      counterexample: { x: 1 },
      hint: { lhs: '(AB)^\\top', rhs: 'B^\\top A^\\top', side: 'rhs', kind: 'swap', message: '' },
    });
    const text = seen(stepHoverMarkdown(s));
    assert.match(text, /Hint: it holds with B\^\\top A\^\\top on the right/);
    assert.ok(text.indexOf('Hint:') > text.indexOf('symbol'), 'under the counterexample table');
    assert.doesNotMatch(seen(stepHoverMarkdown({ ...s, hint: undefined })), /Hint/);
  });
});
