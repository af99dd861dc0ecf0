// Dense linear algebra on the small matrices a derivation step samples (sizes 1–4, at most a few dozen):
// plain loops over Float64Array beat a general library here, and LU with partial pivoting lets a
// (nearly) singular inverse be told apart and redrawn instead of producing huge garbage values.
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

/** LU factorisation with partial pivoting; `singular` when a pivot is negligible against the matrix scale. */
function lu(a: Mat): { lu: Float64Array; perm: number[]; sign: number; singular: boolean } {
  const n = a.rows;
  const m = Float64Array.from(a.data);
  const perm = Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let scale = 0;
  for (const x of m) scale = Math.max(scale, Math.abs(x));
  let singular = scale === 0;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(m[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(m[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best <= 1e-12 * scale) {
      singular = true;
      continue;
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = m[k * n + j] as number;
        m[k * n + j] = m[p * n + j] as number;
        m[p * n + j] = t;
      }
      const t = perm[k] as number;
      perm[k] = perm[p] as number;
      perm[p] = t;
      sign = -sign;
    }
    const pivot = m[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const f = (m[i * n + k] as number) / pivot;
      m[i * n + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) m[i * n + j] = (m[i * n + j] as number) - f * (m[k * n + j] as number);
    }
  }
  return { lu: m, perm, sign, singular };
}

export function det(a: Mat): number {
  const n = requireSquare(a, 'determinant');
  const f = lu(a);
  if (f.singular) return 0;
  let d = f.sign;
  for (let i = 0; i < n; i++) d *= f.lu[i * n + i] as number;
  return d;
}

export function inv(a: Mat): Mat {
  const n = requireSquare(a, 'inverse');
  const f = lu(a);
  if (f.singular) throw new InvalidSample('singular matrix has no inverse');
  const out = Mat.zeros(n, n);
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) col[i] = f.perm[i] === c ? 1 : 0;
    for (let i = 0; i < n; i++) {
      let s = col[i] as number;
      for (let j = 0; j < i; j++) s -= (f.lu[i * n + j] as number) * (col[j] as number);
      col[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i] as number;
      for (let j = i + 1; j < n; j++) s -= (f.lu[i * n + j] as number) * (col[j] as number);
      col[i] = s / (f.lu[i * n + i] as number);
    }
    for (let i = 0; i < n; i++) out.data[i * n + c] = col[i] as number;
  }
  return out;
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
