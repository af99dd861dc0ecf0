// LU factorisation, determinant, inverse and solve on row-major Float64Arrays, shared by the verifier
// (small sampled matrices wrapped in `Mat`) and the experiment runtime (`Tensor`s): both had written the
// same partial-pivoting elimination, and one copy means one place to get the numerics right. Callers keep
// their own shapes and error messages; only the singularity tolerance differs by purpose, so it is a
// parameter (the verifier redraws nearly singular samples, an experiment only refuses truly singular ones).

/** An LU factorisation P·A = L·U of an n×n matrix: L (unit diagonal) below and U on and above, in `lu`. */
export interface LuFactors {
  n: number;
  lu: Float64Array;
  /** Row `i` of P·A is row `piv[i]` of A. */
  piv: Int32Array;
  /** The sign of the permutation, ±1. */
  sign: number;
  /** A pivot was negligible: the matrix is (numerically) singular and `lu` cannot be solved with. */
  singular: boolean;
}

/** The default relative pivot tolerance: rounding error of elimination on an n×n matrix. */
export function defaultTolerance(n: number): number {
  return n * Number.EPSILON;
}

/** Factors the row-major n×n `a`; a pivot at most `tolerance` times its largest entry marks it singular. */
export function luFactor(a: ArrayLike<number>, n: number, tolerance = defaultTolerance(n)): LuFactors {
  if (a.length !== n * n) throw new RangeError(`luFactor: ${a.length} entries for a ${n}×${n} matrix`);
  const lu = new Float64Array(n * n);
  lu.set(a);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  let sign = 1;
  let singular = false;
  let scale = 0;
  for (let k = 0; k < lu.length; k++) scale = Math.max(scale, Math.abs(lu[k] as number));
  const tiny = tolerance * scale;
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
  return { n, lu, piv, sign, singular };
}

/** The determinant from a factorisation: 0 when it is singular, 1 for the empty matrix. */
export function luDeterminant(f: LuFactors): number {
  if (f.singular) return 0;
  let d = f.sign;
  for (let i = 0; i < f.n; i++) d *= f.lu[i * f.n + i] as number;
  return d;
}

/** Solves A·X = B with A's non-singular factors, B row-major n×cols; returns X in the same layout. */
export function luSolve(f: LuFactors, b: ArrayLike<number>, cols: number): Float64Array {
  const { n, lu, piv } = f;
  if (f.singular) throw new RangeError('luSolve: the matrix is singular');
  const x = new Float64Array(n * cols);
  for (let c = 0; c < cols; c++) {
    for (let i = 0; i < n; i++) {
      let s = b[(piv[i] as number) * cols + c] as number;
      for (let j = 0; j < i; j++) s -= (lu[i * n + j] as number) * (x[j * cols + c] as number);
      x[i * cols + c] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i * cols + c] as number;
      for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (x[j * cols + c] as number);
      x[i * cols + c] = s / (lu[i * n + i] as number);
    }
  }
  return x;
}

/** det(A) of the row-major n×n `a` (0 when singular within `tolerance`). */
export function determinant(a: ArrayLike<number>, n: number, tolerance?: number): number {
  return luDeterminant(luFactor(a, n, tolerance));
}

/** X with A·X = B (B row-major n×cols), or undefined when A is singular within `tolerance`. */
export function solve(
  a: ArrayLike<number>,
  n: number,
  b: ArrayLike<number>,
  cols: number,
  tolerance?: number,
): Float64Array | undefined {
  const f = luFactor(a, n, tolerance);
  return f.singular ? undefined : luSolve(f, b, cols);
}

/** A⁻¹ of the row-major n×n `a`, or undefined when it is singular within `tolerance`. */
export function inverse(a: ArrayLike<number>, n: number, tolerance?: number): Float64Array | undefined {
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return solve(a, n, eye, n, tolerance);
}
