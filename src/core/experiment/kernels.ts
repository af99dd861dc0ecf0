// Float64Array kernels behind the language's operators and the library: elementwise maps with
// NumPy-style broadcasting, matrix products, transposes and reductions. Hot cases (same shape, one
// scalar operand) get their own loops; the general broadcast walks strides.
import { ExperimentError, Tensor, alloc, zerosOf } from './tensor';

/** Applies `f` to every element. */
export function map1(x: Tensor, f: (v: number) => number): Tensor {
  const src = x.data;
  const out = alloc(src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i] as number);
  return new Tensor(out, x.shape);
}

/** Shape of broadcasting `a` with `b` (trailing dimensions aligned, 1 stretches), or an error. */
export function broadcastShape(a: readonly number[], b: readonly number[], op: string): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ExperimentError(`${op}: sizes [${a.join(', ')}] and [${b.join(', ')}] do not match`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'other';

/** Elementwise `f(a, b)` with broadcasting; `kind` picks a dedicated loop for the four arithmetic ops. */
export function map2(
  a: Tensor,
  b: Tensor,
  f: (x: number, y: number) => number,
  name: string,
  kind: BinaryOp = 'other',
): Tensor {
  const A = a.data;
  const B = b.data;
  if (sameShape(a.shape, b.shape)) {
    const out = alloc(A.length);
    switch (kind) {
      case 'add':
        for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) + (B[i] as number);
        break;
      case 'sub':
        for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) - (B[i] as number);
        break;
      case 'mul':
        for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) * (B[i] as number);
        break;
      case 'div':
        for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) / (B[i] as number);
        break;
      default:
        for (let i = 0; i < out.length; i++) out[i] = f(A[i] as number, B[i] as number);
    }
    return new Tensor(out, a.shape);
  }
  if (B.length === 1 && b.shape.length <= a.shape.length) return mapScalarRight(a, B[0] as number, f, kind);
  if (A.length === 1 && a.shape.length <= b.shape.length) return mapScalarLeft(A[0] as number, b, f, kind);
  const shape = broadcastShape(a.shape, b.shape, name);
  const out = zerosOf(shape);
  const sa = broadcastStrides(a.shape, shape);
  const sb = broadcastStrides(b.shape, shape);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let ia = 0;
  let ib = 0;
  const o = out.data;
  for (let k = 0; k < o.length; k++) {
    o[k] = f(A[ia] as number, B[ib] as number);
    // Odometer increment of the output index, moving both input offsets by their strides.
    for (let d = nd - 1; d >= 0; d--) {
      const i = (idx[d] as number) + 1;
      if (i < (shape[d] as number)) {
        idx[d] = i;
        ia += sa[d] as number;
        ib += sb[d] as number;
        break;
      }
      idx[d] = 0;
      ia -= (sa[d] as number) * (i - 1);
      ib -= (sb[d] as number) * (i - 1);
    }
  }
  return out;
}

function mapScalarRight(a: Tensor, s: number, f: (x: number, y: number) => number, kind: BinaryOp): Tensor {
  const A = a.data;
  const out = alloc(A.length);
  if (kind === 'add') for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) + s;
  else if (kind === 'sub') for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) - s;
  else if (kind === 'mul') for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) * s;
  else if (kind === 'div') for (let i = 0; i < out.length; i++) out[i] = (A[i] as number) / s;
  else for (let i = 0; i < out.length; i++) out[i] = f(A[i] as number, s);
  return new Tensor(out, a.shape);
}

function mapScalarLeft(s: number, b: Tensor, f: (x: number, y: number) => number, kind: BinaryOp): Tensor {
  const B = b.data;
  const out = alloc(B.length);
  if (kind === 'add') for (let i = 0; i < out.length; i++) out[i] = s + (B[i] as number);
  else if (kind === 'sub') for (let i = 0; i < out.length; i++) out[i] = s - (B[i] as number);
  else if (kind === 'mul') for (let i = 0; i < out.length; i++) out[i] = s * (B[i] as number);
  else if (kind === 'div') for (let i = 0; i < out.length; i++) out[i] = s / (B[i] as number);
  else for (let i = 0; i < out.length; i++) out[i] = f(s, B[i] as number);
  return new Tensor(out, b.shape);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const out = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i] as number;
    out[target.length - shape.length + i] = d === 1 ? 0 : stride;
    stride *= d;
  }
  return out;
}

/** Transpose of a matrix; a vector or scalar is its own transpose (as in mathjs). */
export function transpose(x: Tensor): Tensor {
  if (x.shape.length < 2) return x;
  if (x.shape.length > 2)
    throw new ExperimentError(`transpose needs a matrix, not a ${x.shape.join('×')} array`);
  const [m, n] = x.shape as [number, number];
  const out = alloc(m * n);
  const src = x.data;
  // Blocked so that both the reads and the writes stay within cache lines.
  const B = 32;
  for (let i0 = 0; i0 < m; i0 += B) {
    for (let j0 = 0; j0 < n; j0 += B) {
      const iMax = Math.min(i0 + B, m);
      const jMax = Math.min(j0 + B, n);
      for (let i = i0; i < iMax; i++)
        for (let j = j0; j < jMax; j++) out[j * m + i] = src[i * n + j] as number;
    }
  }
  return new Tensor(out, [n, m]);
}

/** Matrix product with mathjs's conventions for vectors: matrix·vector and vector·matrix give vectors,
 * vector·vector the dot product. */
export function matmul(a: Tensor, b: Tensor): Tensor | number {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra === 1 && rb === 1) return dot(a, b);
  if (ra > 2 || rb > 2 || ra === 0 || rb === 0) {
    throw new ExperimentError(`cannot multiply a ${a.shape.join('×')} array by a ${b.shape.join('×')} array`);
  }
  const m = ra === 2 ? (a.shape[0] as number) : 1;
  const k = a.shape[ra - 1] as number;
  const kb = b.shape[0] as number;
  const n = rb === 2 ? (b.shape[1] as number) : 1;
  if (k !== kb) {
    throw new ExperimentError(
      `matrix product: ${shapeText(a.shape)} times ${shapeText(b.shape)} — inner sizes ${k} and ${kb} differ`,
    );
  }
  const c = gemm(a.data, b.data, m, k, n);
  const shape = ra === 1 ? [n] : rb === 1 ? [m] : [m, n];
  return new Tensor(c, shape);
}

function shapeText(s: readonly number[]): string {
  return s.length === 1 ? `a vector of ${s[0]}` : s.join('×');
}

/** C = A·B for row-major A (m×k) and B (k×n). B is transposed first so that each output is a dot
 * product of two contiguous rows, and a 2×4 block of outputs shares its loads across eight
 * accumulators: V8 has no SIMD, so instruction-level parallelism is what speeds this up. */
export function gemm(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = alloc(m * n, 'matrix product');
  if (n === 1) {
    for (let i = 0; i < m; i++) {
      let s0 = 0;
      let s1 = 0;
      const off = i * k;
      let p = 0;
      for (; p + 1 < k; p += 2) {
        s0 += (A[off + p] as number) * (B[p] as number);
        s1 += (A[off + p + 1] as number) * (B[p + 1] as number);
      }
      if (p < k) s0 += (A[off + p] as number) * (B[p] as number);
      C[i] = s0 + s1;
    }
    return C;
  }
  const Bt = alloc(k * n, 'matrix product');
  for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) Bt[j * k + p] = B[p * n + j] as number;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = i * k;
    const a1 = a0 + k;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0; // prettier-ignore
      for (let p = 0; p < k; p++) {
        const x0 = A[a0 + p] as number;
        const x1 = A[a1 + p] as number;
        const y0 = Bt[b0 + p] as number;
        const y1 = Bt[b1 + p] as number;
        const y2 = Bt[b2 + p] as number;
        const y3 = Bt[b3 + p] as number;
        c00 += x0 * y0;
        c01 += x0 * y1;
        c02 += x0 * y2;
        c03 += x0 * y3;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c12 += x1 * y2;
        c13 += x1 * y3;
      }
      const r0 = i * n + j;
      const r1 = r0 + n;
      C[r0] = c00;
      C[r0 + 1] = c01;
      C[r0 + 2] = c02;
      C[r0 + 3] = c03;
      C[r1] = c10;
      C[r1 + 1] = c11;
      C[r1 + 2] = c12;
      C[r1 + 3] = c13;
    }
    for (; j < n; j++) {
      C[i * n + j] = dotRange(A, a0, Bt, j * k, k);
      C[(i + 1) * n + j] = dotRange(A, a1, Bt, j * k, k);
    }
  }
  for (; i < m; i++) for (let j = 0; j < n; j++) C[i * n + j] = dotRange(A, i * k, Bt, j * k, k);
  return C;
}

function dotRange(x: Float64Array, xo: number, y: Float64Array, yo: number, k: number): number {
  let s = 0;
  for (let p = 0; p < k; p++) s += (x[xo + p] as number) * (y[yo + p] as number);
  return s;
}

/** Dot product of two arrays with the same number of elements. */
export function dot(a: Tensor, b: Tensor): number {
  if (a.data.length !== b.data.length) {
    throw new ExperimentError(
      `dot product of vectors of different lengths (${a.data.length} and ${b.data.length})`,
    );
  }
  return dotRange(a.data, 0, b.data, 0, a.data.length);
}

/** Sum of all elements (pairwise by blocks of 8 accumulators, which also keeps rounding error low). */
export function sumAll(x: Float64Array): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // prettier-ignore
  let i = 0;
  for (; i + 3 < x.length; i += 4) {
    s0 += x[i] as number;
    s1 += x[i + 1] as number;
    s2 += x[i + 2] as number;
    s3 += x[i + 3] as number;
  }
  for (; i < x.length; i++) s0 += x[i] as number;
  return s0 + s1 + (s2 + s3);
}

/** Reduces a matrix along a 0-based axis (0: down the columns, 1: along the rows). */
export function reduceAxis(x: Tensor, axis: number, f: (v: Float64Array) => number): Tensor {
  if (x.shape.length !== 2) {
    if (x.shape.length === 1 && axis === 0) return new Tensor(Float64Array.of(f(x.data)), []);
    throw new ExperimentError(`dimension ${axis + 1} does not exist for ${x.shape.join('×')}`);
  }
  const [m, n] = x.shape as [number, number];
  if (axis === 0) {
    const out = alloc(n);
    const col = alloc(m);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) col[i] = x.data[i * n + j] as number;
      out[j] = f(col);
    }
    return new Tensor(out, [n]);
  }
  if (axis === 1) {
    const out = alloc(m);
    for (let i = 0; i < m; i++) out[i] = f(x.data.subarray(i * n, (i + 1) * n));
    return new Tensor(out, [m]);
  }
  throw new ExperimentError(`dimension ${axis + 1} does not exist for a matrix`);
}

/** Mean of all elements. */
export function meanAll(x: Float64Array): number {
  return sumAll(x) / x.length;
}

/** Unbiased sample variance (divides by n − 1, as mathjs's `variance`), two-pass for accuracy. */
export function varianceAll(x: Float64Array): number {
  const n = x.length;
  if (n < 2) return 0;
  const m = meanAll(x);
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - m;
    s += d * d;
    c += d;
  }
  return (s - (c * c) / n) / (n - 1);
}
