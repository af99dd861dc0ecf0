import assert from 'node:assert/strict';
import { arrayLines, sidesBlock } from '../../../src/extension/hoverValues';

describe('hover: matrices and vectors aligned in monospace', () => {
  it('draws a matrix with bracket glyphs, right-aligned columns and its name on the middle row', () => {
    assert.deepEqual(
      arrayLines('A', [
        [1, -20],
        [300, 4],
        [5, 6],
      ]),
      ['    ⎡   1  -20 ⎤', 'A = ⎢ 300    4 ⎥', '    ⎣   5    6 ⎦'],
    );
    assert.deepEqual(arrayLines('v', [1, 2]), ['v = ⎡ 1 ⎤', '    ⎣ 2 ⎦']);
    assert.deepEqual(arrayLines('r', [[1, 2]]), ['r = [ 1  2 ]']);
    assert.equal(arrayLines('x', 3), undefined);
  });

  it('sets the sides side by side and stars exactly the entries that differ', () => {
    const lines = sidesBlock(
      [
        [3, 0],
        [6, 0],
      ],
      [
        [3, 0],
        [-4, 0],
      ],
      '≠',
    );
    assert.ok(lines);
    assert.deepEqual(lines.slice(0, 3), [
      'left           right',
      '⎡ 3   0  ⎤  ≠  ⎡  3   0  ⎤',
      '⎣ 6*  0  ⎦     ⎣ -4*  0  ⎦',
    ]);
    assert.equal(lines.join('\n').split('*').length - 1, 2 + 1, 'two starred entries and the legend');
  });

  it('stacks wide sides and says a shape mismatch in words', () => {
    const wide = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => i + j / 7));
    const stacked = sidesBlock(
      wide,
      wide.map((r) => r.map((x) => x + 1)),
      '≠',
    );
    assert.ok(stacked);
    assert.equal(stacked[0], 'left');
    assert.ok(stacked.includes('right'));
    const mismatch = sidesBlock(
      [
        [1, 2],
        [3, 4],
      ],
      [1, 2, 3],
      '≠',
    );
    assert.equal(mismatch?.[0], 'the left side is a 2×2 matrix, the right side a 3-vector');
    assert.equal(sidesBlock(1, 2, '≠'), undefined);
  });
});
