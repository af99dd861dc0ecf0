// Determinant, solve and inverse of `Tensor`s: shapes and messages here, the LU itself in `numeric/linalg`
// (shared with the verifier). Its default tolerance only refuses matrices singular to rounding error.
// No `alloc` for the results: they are no larger than the operands, which passed the memory limit.
import { determinant, inverse, solve as solveLu } from '../numeric/linalg';
import { ExperimentError, Tensor } from './tensor';

function squareSize(a: Tensor, fn: string): number {
  if (a.shape.length !== 2 || a.shape[0] !== a.shape[1]) {
    throw new ExperimentError(
      `${fn} needs a square matrix, not ${a.shape.length === 1 ? 'a vector' : a.shape.join('×')}`,
    );
  }
  return a.shape[0] as number;
}

/** Determinant of a square matrix. */
export function det(a: Tensor): number {
  return determinant(a.data, squareSize(a, 'det'));
}

/** Solves A·X = B for a vector or matrix B. */
export function solve(a: Tensor, b: Tensor, fn = 'solve'): Tensor {
  const n = squareSize(a, fn);
  const cols = b.shape.length === 2 ? (b.shape[1] as number) : 1;
  if ((b.shape[0] ?? 1) !== n || b.shape.length > 2) {
    throw new ExperimentError(`${fn}: the right-hand side has ${b.shape[0] ?? 1} rows, the matrix ${n}`);
  }
  const x = solveLu(a.data, n, b.data, cols);
  if (!x) throw new ExperimentError(`${fn}: the matrix is singular (not invertible)`);
  return new Tensor(x, b.shape.slice());
}

/** Inverse of a square matrix. */
export function inv(a: Tensor): Tensor {
  const n = squareSize(a, 'inv');
  const out = inverse(a.data, n);
  if (!out) throw new ExperimentError('inv: the matrix is singular (not invertible)');
  return new Tensor(out, [n, n]);
}
