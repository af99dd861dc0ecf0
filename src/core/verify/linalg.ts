// Dense linear algebra on the small matrices a derivation step samples (sizes 1–4, at most a few dozen):
// plain loops over Float64Array beat a general library here. LU (shared with the experiments, in
// `numeric/linalg`) with a loose pivot tolerance lets a (nearly) singular inverse be told apart and
// redrawn instead of producing huge garbage values.
import { determinant, inverse } from '../numeric/linalg';
import { InvalidSample, Mat, ShapeError } from './value';

export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new ShapeError(`cannot multiply ${dims(a)} by ${dims(b)}`);
  const out = Mat.zeros(a.rows, b.cols);
  const n = a.cols;
  const bc = b.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a.data[i * n + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < bc; j++)
        out.data[i * bc + j] = (out.data[i * bc + j] as number) + aik * (b.data[k * bc + j] as number);
    }
  }
  return out;
}

export function transpose(a: Mat): Mat {
  const out = Mat.zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.get(i, j);
  return out;
}

export function zipWith(a: Mat, b: Mat, f: (x: number, y: number) => number, what: string): Mat {
  if (a.rows !== b.rows || a.cols !== b.cols)
    throw new ShapeError(`cannot ${what} ${dims(a)} and ${dims(b)}`);
  const out = new Float64Array(a.data.length);
  for (let k = 0; k < out.length; k++) out[k] = f(a.data[k] as number, b.data[k] as number);
  return new Mat(a.rows, a.cols, out);
}

/** `m×n` for messages. */
export function dims(a: Mat): string {
  return `${a.rows}×${a.cols}`;
}

function requireSquare(a: Mat, what: string): number {
  if (a.rows !== a.cols) throw new ShapeError(`${what} of a non-square ${dims(a)} matrix`);
  return a.rows;
}

/** Pivots this small against the matrix's scale mark a sample singular: it is redrawn, not inverted. */
const singularTolerance = 1e-12;

/** Determinant; 0 for a (nearly) singular matrix. */
export function det(a: Mat): number {
  const n = requireSquare(a, 'determinant');
  return determinant(a.data, n, singularTolerance);
}

/** Inverse; a (nearly) singular sample is invalid rather than a matrix of huge values. */
export function inv(a: Mat): Mat {
  const n = requireSquare(a, 'inverse');
  const out = inverse(a.data, n, singularTolerance);
  if (!out) throw new InvalidSample('singular matrix has no inverse');
  return new Mat(n, n, out);
}

export function trace(a: Mat): number {
  const n = requireSquare(a, 'trace');
  let s = 0;
  for (let i = 0; i < n; i++) s += a.get(i, i);
  return s;
}

/** diag(v) of a vector is a matrix; diag(A) of a square matrix is the vector of its diagonal. */
export function diag(a: Mat): Mat {
  if (a.cols === 1 || a.rows === 1) {
    const n = a.data.length;
    const out = Mat.zeros(n, n);
    for (let i = 0; i < n; i++) out.data[i * n + i] = a.data[i] as number;
    return out;
  }
  const n = requireSquare(a, 'diagonal');
  const out = Mat.zeros(n, 1);
  for (let i = 0; i < n; i++) out.data[i] = a.get(i, i);
  return out;
}

export function frobenius(a: Mat): number {
  let s = 0;
  for (const x of a.data) s += x * x;
  return Math.sqrt(s);
}

export function pNorm(a: Mat, p: number): number {
  if (p === Infinity) return a.data.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  let s = 0;
  for (const x of a.data) s += Math.abs(x) ** p;
  return s ** (1 / p);
}

/** Largest singular value: the square root of the largest eigenvalue of AᵀA (cyclic Jacobi, exact enough). */
export function spectralNorm(a: Mat): number {
  const g = matmul(transpose(a), a);
  const n = g.rows;
  const m = Float64Array.from(g.data);
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (m[p * n + q] as number) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q] as number;
        if (apq === 0) continue;
        const app = m[p * n + p] as number;
        const aqq = m[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p] as number;
          const akq = m[k * n + q] as number;
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k] as number;
          const aqk = m[q * n + k] as number;
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  let best = 0;
  for (let i = 0; i < n; i++) best = Math.max(best, m[i * n + i] as number);
  return Math.sqrt(Math.max(0, best));
}

/** Matrix power by repeated squaring; negative powers through the inverse. */
export function matPow(a: Mat, k: number): Mat {
  const n = requireSquare(a, 'power');
  let base = k < 0 ? inv(a) : a;
  // Plain arithmetic rather than bit operations: exponents beyond 2^31 must not wrap around.
  let e = Math.abs(k);
  let out = Mat.identity(n);
  while (e > 0) {
    if (e % 2 === 1) out = matmul(out, base);
    e = Math.floor(e / 2);
    if (e > 0) base = matmul(base, base);
  }
  return out;
}
