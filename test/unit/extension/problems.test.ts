import assert from 'node:assert/strict';
import type { DerivationResult, ExperimentResult, StepResult } from '../../../src/core/types';
import { resultProblems } from '../../../src/extension/problems';

function step(index: number, status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult {
  return {
    index,
    line: 10 + index,
    column: 3,
    relation: '=',
    lhs: 'a',
    rhs: 'b',
    status,
    message: 'y is not defined as a function of x',
    samples: 0,
    counterexample: null,
    assumptions: [],
    ...extra,
  };
}

const block = (...steps: StepResult[]): DerivationResult => ({ line: 10, endLine: 30, steps });

const failedExperiment: ExperimentResult = {
  line: 40,
  endLine: 44,
  status: 'failed',
  message: '1 of 2 checks failed',
  checks: [
    { line: 41, label: 'ok', passed: true },
    { line: 42, label: 'sum is six', passed: false, detail: '5 ≠ 6' },
  ],
  outputs: [],
};

describe('extension/problems', () => {
  it('makes refuted steps, failed checks and experiment errors Errors', () => {
    const errored: ExperimentResult = {
      ...failedExperiment,
      line: 50,
      status: 'error',
      errorLine: 52,
      checks: [],
    };
    const p = resultProblems(
      [block(step(1, 'refuted'), step(2, 'verified'))],
      [failedExperiment, errored],
      'hint',
    );
    assert.deepEqual(
      p.map((x) => [x.line, x.severity, x.code]),
      [
        [11, 'error', 'refuted'],
        [42, 'error', 'check-failed'],
        [52, 'error', 'experiment-error'],
      ],
    );
  });

  it('gives unverifiable steps the configured severity, or none with off', () => {
    const d = [block(step(1, 'unverifiable', { reason: 'unsupported-notation', subject: '\\mathbb{E}' }))];
    for (const level of ['hint', 'information', 'warning'] as const)
      assert.deepEqual(
        resultProblems(d, [], level).map((x) => x.severity),
        [level],
      );
    assert.deepEqual(resultProblems(d, [], 'off'), []);
  });

  it('collapses identical reasons of one block into one entry with a count, keeping parse errors apart', () => {
    const same = { reason: 'undeclared-function', subject: 'y' } as const;
    const d = block(
      step(1, 'unverifiable', same),
      step(2, 'unverifiable', same),
      step(3, 'unverifiable', { reason: 'unsupported-notation', subject: '\\sim' }),
      step(4, 'unverifiable', same),
      step(5, 'unverifiable', { reason: 'parse-error', errorAt: { line: 15, column: 4 } }),
      step(6, 'unverifiable', { reason: 'parse-error', errorAt: { line: 16, column: 9 } }),
    );
    const p = resultProblems([d, block(step(7, 'unverifiable', same))], [], 'hint');
    assert.deepEqual(
      p.map((x) => [x.line, x.column, x.count]),
      [
        [11, 3, 3],
        [13, 3, 1],
        [15, 4, 1],
        [16, 9, 1],
        [17, 3, 1],
      ],
    );
    assert.match(p[0]?.message ?? '', /^3 steps unverifiable \(steps 1, 2, 4\)/);
  });

  it('without reason codes, folds identical messages only', () => {
    const at = (line: number) => ({ errorAt: { line, column: 2 } });
    const d = block(
      step(1, 'unverifiable', { message: 'uses probability notation', ...at(11) }),
      step(2, 'unverifiable', { message: 'uses probability notation', ...at(12) }),
      step(3, 'unverifiable', { message: 'parse error at column 4', ...at(13) }),
      step(4, 'unverifiable', { message: 'parse error at column 9', ...at(14) }),
    );
    assert.deepEqual(
      resultProblems([d], [], 'hint').map((x) => [x.line, x.count]),
      [
        [11, 2],
        [13, 1],
        [14, 1],
      ],
    );
  });
});
