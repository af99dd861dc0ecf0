import assert from 'node:assert/strict';
import {
  determinant,
  inverse,
  luDeterminant,
  luFactor,
  luSolve,
  solve,
} from '../../../src/core/numeric/linalg';

function close(actual: ArrayLike<number> | undefined, expected: number[], tol = 1e-12): void {
  assert.ok(actual, 'a result');
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    assert.ok(
      Math.abs((actual[i] as number) - e) <= tol * Math.max(1, Math.abs(e)),
      `[${i}] ${actual[i]} ≠ ${e}`,
    );
  }
}

// The second-difference matrix: det 4, inverse (1/4)·[[3,2,1],[2,4,2],[1,2,3]].
const tridiagonal = [2, -1, 0, -1, 2, -1, 0, -1, 2];

describe('numeric/linalg', () => {
  it('inverts a 3×3 matrix and gives its determinant', () => {
    assert.ok(Math.abs(determinant(tridiagonal, 3) - 4) < 1e-12);
    close(
      inverse(tridiagonal, 3),
      [3, 2, 1, 2, 4, 2, 1, 2, 3].map((x) => x / 4),
    );
  });

  it('pivots past a zero and keeps the sign of the row swaps', () => {
    // det [[0,2,1],[1,1,0],[3,0,1]] = 0·1 − 2·1 + 1·(−3) = −5 by cofactors along the first row.
    const a = [0, 2, 1, 1, 1, 0, 3, 0, 1];
    assert.ok(Math.abs(determinant(a, 3) + 5) < 1e-12);
    // Swapping two rows flips the sign.
    assert.ok(Math.abs(determinant([1, 1, 0, 0, 2, 1, 3, 0, 1], 3) - 5) < 1e-12);
    // The adjugate (transposed cofactors) over the determinant.
    close(
      inverse(a, 3),
      [1, -2, -1, -1, -3, 1, -3, 6, -2].map((x) => -x / 5),
    );
  });

  it('solves against a known solution, for one and several right-hand sides', () => {
    // x = (1, −2, 3): b = A·x with A the tridiagonal matrix above.
    close(solve(tridiagonal, 3, [4, -8, 8], 1), [1, -2, 3]);
    // Columns (1, −2, 3) and (0, 1, 1), stored row by row.
    close(solve(tridiagonal, 3, [4, -1, -8, 1, 8, 1], 2), [1, 0, -2, 1, 3, 1]);
  });

  it('detects a singular matrix', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const f = luFactor(a, 3);
    assert.equal(f.singular, true);
    assert.equal(luDeterminant(f), 0);
    assert.equal(inverse(a, 3), undefined);
    assert.equal(solve(a, 3, [1, 2, 3], 1), undefined);
    assert.throws(() => luSolve(f, [1, 2, 3], 1), /singular/);
    assert.equal(inverse([0, 0, 0, 0], 2), undefined);
  });

  it('judges singularity relative to the scale, with a caller-chosen tolerance', () => {
    // Tiny but well-conditioned: neither singular nor scaled away.
    close([determinant([1e-150, 0, 0, 1e-150], 2) / 1e-300], [1]);
    close(inverse([1e-150, 0, 0, 1e-150], 2), [1e150, 0, 0, 1e150]);
    const nearly = [1, 1, 1, 1 + 1e-13];
    assert.ok(inverse(nearly, 2), 'invertible at the default tolerance');
    assert.equal(inverse(nearly, 2, 1e-12), undefined);
    assert.equal(determinant(nearly, 2, 1e-12), 0);
  });

  it('the empty matrix has determinant 1, and a wrong size is refused', () => {
    assert.equal(determinant([], 0), 1);
    assert.throws(() => luFactor([1, 2, 3], 2), /3 entries for a 2×2 matrix/);
  });
});
