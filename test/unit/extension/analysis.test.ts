import assert from 'node:assert/strict';
import { derivationAt, experimentAt, headingAt, toOutline } from '../../../src/extension/analysis';

const data = {
  derivations: [
    { line: 5, endLine: 7, stepCount: 2, readable: 2 },
    { line: 12, endLine: 14, stepCount: 1, readable: 1 },
    { line: 20, endLine: 22, stepCount: 0, readable: 0 },
    { line: 30, endLine: 32, stepCount: 3, readable: 0 },
  ],
  experiments: [{ code: 'x = 1', codeLine: 41, line: 40, endLine: 42 }],
  headings: [
    { line: 1, level: 1, text: 'Homework' },
    { line: 10, level: 2, text: 'Problem 1' },
    { line: 11, level: 3, text: 'Part a' },
    { line: 25, level: 2, text: 'Problem 2' },
    { line: 38, level: 2, text: 'Experiments' },
  ],
  diagnostics: [],
};

describe('extension/analysis', () => {
  const o = toOutline(data);

  it('keeps only blocks that hold claims', () => {
    assert.deepEqual(
      o.derivations.map((d) => d.line),
      [5, 12, 30],
    );
  });

  it('gives each heading the derivations up to the next heading of its level or above', () => {
    assert.deepEqual(
      o.headings.map((h) => [h.text, h.derivations]),
      [
        ['Homework', [5, 12, 30]],
        ['Problem 1', [12]],
        ['Part a', [12]],
        ['Problem 2', [30]],
        ['Experiments', []],
      ],
    );
  });

  it('finds the block or heading at a line', () => {
    assert.equal(derivationAt(o, 13)?.line, 12);
    assert.equal(derivationAt(o, 12)?.line, 12);
    assert.equal(derivationAt(o, 15), undefined);
    assert.equal(experimentAt(o, 42)?.line, 40);
    assert.equal(headingAt(o, 13)?.text, 'Part a');
    assert.equal(headingAt(o, 10)?.text, 'Problem 1');
    assert.equal(headingAt(o, 0), undefined);
  });
});
