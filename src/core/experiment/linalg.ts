// Small dense linear algebra on Float64Arrays: LU with partial pivoting for solve, inv and det.
import { ExperimentError, Tensor, alloc } from './tensor';

interface Lu {
  lu: Float64Array;
  piv: Int32Array;
  sign: number;
  singular: boolean;
}

function squareSize(a: Tensor, fn: string): number {
  if (a.shape.length !== 2 || a.shape[0] !== a.shape[1]) {
    throw new ExperimentError(
      `${fn} needs a square matrix, not ${a.shape.length === 1 ? 'a vector' : a.shape.join('×')}`,
    );
  }
  return a.shape[0] as number;
}

function factor(a: Tensor, n: number): Lu {
  const lu = alloc(n * n);
  lu.set(a.data);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  let sign = 1;
  let singular = false;
  let scale = 0;
  for (let i = 0; i < lu.length; i++) scale = Math.max(scale, Math.abs(lu[i] as number));
  const tiny = scale * n * Number.EPSILON;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best <= tiny) {
      singular = true;
      continue;
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j] as number;
        lu[k * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = t;
      }
      const t = piv[k] as number;
      piv[k] = piv[p] as number;
      piv[p] = t;
      sign = -sign;
    }
    const d = lu[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] as number) / d;
      lu[i * n + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++)
        lu[i * n + j] = (lu[i * n + j] as number) - f * (lu[k * n + j] as number);
    }
  }
  return { lu, piv, sign, singular };
}

/** Determinant of a square matrix. */
export function det(a: Tensor): number {
  const n = squareSize(a, 'det');
  if (n === 0) return 1;
  const { lu, sign, singular } = factor(a, n);
  if (singular) return 0;
  let d = sign;
  for (let i = 0; i < n; i++) d *= lu[i * n + i] as number;
  return d;
}

/** Solves A·X = B for a vector or matrix B. */
export function solve(a: Tensor, b: Tensor, fn = 'solve'): Tensor {
  const n = squareSize(a, fn);
  const cols = b.shape.length === 2 ? (b.shape[1] as number) : 1;
  if ((b.shape[0] ?? 1) !== n || b.shape.length > 2) {
    throw new ExperimentError(`${fn}: the right-hand side has ${b.shape[0] ?? 1} rows, the matrix ${n}`);
  }
  const { lu, piv, singular } = factor(a, n);
  if (singular) throw new ExperimentError(`${fn}: the matrix is singular (not invertible)`);
  const x = alloc(n * cols);
  for (let c = 0; c < cols; c++) {
    for (let i = 0; i < n; i++) {
      let s = b.data[(piv[i] as number) * cols + c] as number;
      for (let j = 0; j < i; j++) s -= (lu[i * n + j] as number) * (x[j * cols + c] as number);
      x[i * cols + c] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i * cols + c] as number;
      for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (x[j * cols + c] as number);
      x[i * cols + c] = s / (lu[i * n + i] as number);
    }
  }
  return new Tensor(x, b.shape.slice());
}

/** Inverse of a square matrix. */
export function inv(a: Tensor): Tensor {
  const n = squareSize(a, 'inv');
  const eye = alloc(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return solve(a, new Tensor(eye, [n, n]), 'inv');
}
