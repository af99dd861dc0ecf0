import assert from 'node:assert/strict';
import type { DerivationResult, ExperimentResult } from '../../../src/core/types';
import { shiftResults } from '../../../src/extension/shift';

function derivation(line: number, endLine: number): DerivationResult {
  return {
    line,
    endLine,
    steps: [
      {
        index: 1,
        line: line + 1,
        column: 1,
        relation: '=',
        lhs: 'a',
        rhs: 'b',
        status: 'refuted',
        message: '',
        samples: 1,
        counterexample: null,
        assumptions: [],
      },
    ],
  };
}

const experiment = (line: number, endLine: number): ExperimentResult => ({
  line,
  endLine,
  status: 'failed',
  message: '',
  checks: [{ line: line + 1, label: 'c', passed: false }],
  outputs: [{ kind: 'value', line: line + 2, text: '1' }],
  errorLine: line + 1,
});

const maps = (...ds: DerivationResult[]) => new Map(ds.map((d) => [d.line, d]));

describe('extension/shift', () => {
  it('moves blocks below an insertion and keeps blocks above in place', () => {
    const d = maps(derivation(3, 5), derivation(10, 12));
    const x = new Map([[20, experiment(20, 24)]]);
    const out = shiftResults(d, x, [{ startLine: 7, endLine: 7, newLines: 2 }]);
    assert.deepEqual([...out.derivations.keys()], [3, 12]);
    assert.equal(out.derivations.get(12)?.steps[0]?.line, 13);
    assert.equal(out.derivations.get(3)?.steps[0]?.line, 4);
    const e = out.experiments.get(22);
    assert.ok(e);
    assert.deepEqual([e.endLine, e.errorLine, e.checks[0]?.line, e.outputs[0]?.line], [26, 23, 23, 24]);
  });

  it("moves a step's errorAt with its line, so a parse error's diagnostic follows the block", () => {
    const d = derivation(10, 12);
    const step = d.steps[0];
    assert.ok(step);
    d.steps[0] = { ...step, status: 'unverifiable', reason: 'parse-error', errorAt: { line: 11, column: 7 } };
    const out = shiftResults(maps(d), new Map(), [{ startLine: 2, endLine: 2, newLines: 3 }]);
    const moved = out.derivations.get(13)?.steps[0];
    assert.deepEqual([moved?.line, moved?.errorAt], [14, { line: 14, column: 7 }]);
  });

  it('moves blocks up when lines are deleted above them', () => {
    const out = shiftResults(maps(derivation(10, 12)), new Map(), [
      { startLine: 2, endLine: 5, newLines: 0 },
    ]);
    assert.deepEqual([...out.derivations.keys()], [7]);
  });

  it('drops the result of a block the edit touches', () => {
    const d = maps(derivation(3, 5), derivation(10, 12));
    assert.deepEqual(
      [...shiftResults(d, new Map(), [{ startLine: 11, endLine: 11, newLines: 0 }]).derivations.keys()],
      [3],
    );
    assert.deepEqual(
      [...shiftResults(d, new Map(), [{ startLine: 5, endLine: 5, newLines: 0 }]).derivations.keys()],
      [10],
    );
    // A deletion spanning into a block also clears it.
    assert.deepEqual(
      [...shiftResults(d, new Map(), [{ startLine: 6, endLine: 10, newLines: 0 }]).derivations.keys()],
      [3],
    );
  });

  it('applies several changes of one event from the bottom up', () => {
    const d = maps(derivation(3, 5), derivation(10, 12), derivation(20, 22));
    const out = shiftResults(d, new Map(), [
      { startLine: 1, endLine: 1, newLines: 1 },
      { startLine: 15, endLine: 15, newLines: 3 },
    ]);
    assert.deepEqual(
      [...out.derivations.keys()].sort((a, b) => a - b),
      [4, 11, 24],
    );
  });

  it('leaves the input maps untouched', () => {
    const d = maps(derivation(10, 12));
    shiftResults(d, new Map(), [{ startLine: 1, endLine: 1, newLines: 1 }]);
    assert.deepEqual([...d.keys()], [10]);
    assert.equal(d.get(10)?.steps[0]?.line, 11);
  });
});
