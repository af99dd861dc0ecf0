import assert from 'node:assert/strict';
import { formatReport } from '../../../src/core/report/format';
import { formatAssignment, formatNumber, formatValue } from '../../../src/core/report/values';
import type { StepResult } from '../../../src/core/types';
import { explain } from '../../../src/core/verify/reasons';
import { inlineText, stepHoverMarkdown, stepMessage } from '../../../src/extension/format';
import { counterexampleHtml } from '../../../src/render/resultsHtml';

describe('the value formatter', () => {
  it('numbers: six significant digits, whole numbers exact, no float noise, no -0', () => {
    assert.equal(formatNumber(1 / 3), '0.333333');
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(-2), '-2');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(73856), '73856');
    assert.equal(formatNumber(1234567), '1234567');
    assert.equal(formatNumber(1234567.89), '1234570');
    assert.equal(formatNumber(1e-7), '1e-7');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(-Infinity), '−∞');
    assert.equal(formatNumber(NaN), 'NaN');
  });

  it('vectors and matrices: full, or short with … past four entries', () => {
    assert.equal(formatValue([1, 2, 3, 4, 5]), '[1, 2, 3, 4, 5]');
    assert.equal(formatValue([1, 2, 3, 4, 5], 'short'), '[1, 2, 3, 4, …]');
    assert.equal(
      formatValue(
        [
          [1, 0],
          [0, 1 / 3],
        ],
        'short',
      ),
      '[[1, 0], [0, 0.333333]]',
    );
    const big = Array.from({ length: 5 }, () => [1, 2, 3, 4, 5]);
    assert.equal(formatValue(big, 'short'), `[${'[1, 2, 3, 4, …], '.repeat(4)}…]`);
    assert.equal(formatValue([]), '[]');
    assert.equal(formatAssignment({ x: 0.5, v: [1, -1] }), 'x = 0.5, v = [1, -1]');
    assert.equal(formatAssignment(null), '');
  });

  it('a counterexample reads the same in the message, the CLI, Problems, inline text, hover and preview', () => {
    const third = '0.333333';
    const step: StepResult = {
      index: 1,
      line: 3,
      column: 4,
      relation: '=',
      meaning: '=',
      lhs: 'x',
      rhs: 'y',
      status: 'refuted',
      reason: 'counterexample',
      message: explain({ why: 'fails', sample: { x: 1 / 3 }, values: { lhs: 1 / 3, rhs: 2 }, relation: '=' }),
      samples: 1,
      counterexample: { x: 1 / 3 },
      values: { lhs: 1 / 3, rhs: 2 },
      assumptions: [],
    };
    const cli = formatReport(
      {
        version: 1,
        files: [
          {
            path: 'a.md',
            derivations: [{ line: 3, endLine: 3, steps: [step] }],
            experiments: [],
            diagnostics: [],
          },
        ],
      },
      { color: false },
    );
    const shown = [
      step.message,
      cli,
      stepMessage(step),
      inlineText([step]),
      stepHoverMarkdown(step),
      counterexampleHtml(step, (t) => t),
    ];
    for (const text of shown) {
      assert.ok(text.includes(third), text);
      assert.doesNotMatch(text, /0\.3333(?!33)|0\.33333(?!3)|0\.3333333/, text);
    }
  });
});
