// Definite integrals by numbers alone: adaptive Gauss–Kronrod (7/15 points) with its embedded error
// estimate, a change of variables for infinite ranges, a tanh-sinh (double-exponential) rule when the
// integrand blows up at an end of the range, and a divergence test on the pieces next to an end. The
// verifier only trusts an integral whose error estimate is small: anything else is reported as diverging
// or as not estimated, never as a number.

/** A number found numerically: a value with its estimated absolute error, or why there is none, and the
 *  work spent under the name `Count` (a quadrature's evaluations, a series' terms). */
export type Estimate<Count extends string> = (
  { ok: true; value: number; error: number } | { ok: false; reason: 'diverges' | 'inaccurate' | 'not-finite' }
) &
  Record<Count, number>;

/** The outcome of a quadrature. */
export type Quadrature = Estimate<'evaluations'>;

export interface QuadratureOptions {
  /** Target relative error (default 1e-10). */
  relTol?: number;
  /** Target absolute error (default 1e-12). */
  absTol?: number;
  /** Most integrand evaluations spent (default 8 000). */
  maxEvaluations?: number;
}

// Kronrod 15-point nodes (non-negative half) and weights, with the Gauss 7-point weights on the odd nodes.
const xk = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];
const wk = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
const wg = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

interface Piece {
  a: number;
  b: number;
  value: number;
  error: number;
}

class NotFinite extends Error {}

/** One 15-point Kronrod estimate on [a, b] with the difference to the embedded Gauss rule. */
function kronrod(f: (x: number) => number, a: number, b: number): Piece {
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  let k = 0;
  let g = 0;
  for (let i = 0; i < 8; i++) {
    const d = h * (xk[i] as number);
    const y = i === 7 ? f(c) : f(c - d) + f(c + d);
    if (!Number.isFinite(y)) throw new NotFinite();
    k += (wk[i] as number) * y;
    if (i % 2 === 1) g += (wg[(i - 1) / 2] as number) * y;
  }
  return { a, b, value: k * h, error: Math.abs((k - g) * h) };
}

/**
 * Adaptive Gauss–Kronrod on a finite range: bisect the piece with the largest error until the sum of
 * errors meets max(absTol, relTol·|value|), within `maxEvaluations` integrand evaluations (15 per piece).
 * The error is the sum of the pieces' G7/K15 differences, pessimistic on smooth pieces; a piece holding a
 * kink can undershoot, which a caller integrating kinks allows for. The one adaptive rule of the core:
 * definite integrals here, and expectations of integrands with kinks (probability/expect.ts).
 */
export function adaptiveGaussKronrod(
  f: (x: number) => number,
  a: number,
  b: number,
  relTol: number,
  absTol: number,
  maxEvaluations: number,
  /** Equal pieces to start from: one rule over the whole range can miss a step that falls between its
   *  nodes (G7 and K15 then agree on 0), which starting finer makes unlikely. */
  panels = 1,
): Quadrature {
  let evaluations = 15 * panels;
  let pieces: Piece[];
  try {
    const w = (b - a) / panels;
    pieces = Array.from({ length: panels }, (_, i) =>
      kronrod(f, a + i * w, i === panels - 1 ? b : a + (i + 1) * w),
    );
  } catch {
    return { ok: false, reason: 'not-finite', evaluations };
  }
  for (;;) {
    let value = 0;
    let error = 0;
    for (const p of pieces) {
      value += p.value;
      error += p.error;
    }
    if (error <= Math.max(absTol, relTol * Math.abs(value))) return { ok: true, value, error, evaluations };
    if (evaluations + 30 > maxEvaluations) return { ok: false, reason: 'inaccurate', evaluations };
    let worst = 0;
    for (let i = 1; i < pieces.length; i++)
      if ((pieces[i] as Piece).error > (pieces[worst] as Piece).error) worst = i;
    const p = pieces[worst] as Piece;
    const m = (p.a + p.b) / 2;
    if (!(m > p.a && m < p.b)) return { ok: false, reason: 'inaccurate', evaluations };
    try {
      pieces.splice(worst, 1, kronrod(f, p.a, m), kronrod(f, m, p.b));
    } catch {
      return { ok: false, reason: 'not-finite', evaluations };
    }
    evaluations += 30;
  }
}

/** tanh-sinh on [a, b]: nodes crowd double-exponentially at both ends, so integrable end singularities
 *  (1/√x, log x) converge fast; the error is estimated from the change between halvings of the step. */
function tanhSinh(
  f: (x: number) => number,
  a: number,
  b: number,
  tol: Required<QuadratureOptions>,
): Quadrature {
  const { relTol, absTol, maxEvaluations } = tol;
  const h2 = (b - a) / 2;
  let evaluations = 0;
  const term = (t: number): number => {
    const u = (Math.PI / 2) * Math.sinh(t);
    const ch = Math.cosh(u);
    const w = ((Math.PI / 2) * Math.cosh(t)) / (ch * ch);
    // Distance to the nearer end computed directly, so nodes next to it keep their precision.
    const d = h2 / (Math.exp(u) * ch);
    const x = u > 0 ? b - d : a + h2 / (Math.exp(-u) * ch);
    if (w === 0 || x <= a || x >= b) return 0;
    evaluations++;
    const y = f(x);
    if (!Number.isFinite(y)) throw new NotFinite();
    return y * w;
  };
  const tMax = 4;
  let h = 0.5;
  try {
    let sum = term(0);
    for (let t = h; t <= tMax; t += h) sum += term(t) + term(-t);
    let previous = sum * h * h2;
    for (let level = 0; level < 12; level++) {
      h /= 2;
      for (let t = h; t <= tMax; t += 2 * h) sum += term(t) + term(-t);
      const value = sum * h * h2;
      const error = Math.abs(value - previous);
      if (level >= 2 && error <= Math.max(absTol, relTol * Math.abs(value)))
        return { ok: true, value, error, evaluations };
      if (evaluations > maxEvaluations) break;
      previous = value;
    }
  } catch {
    return { ok: false, reason: 'not-finite', evaluations };
  }
  return { ok: false, reason: 'inaccurate', evaluations };
}

/** Whether the integrand's mass next to `end` of [0, 1) (mapped) fails to shrink: the pieces
 *  [1 − 2^-k, 1 − 2^-(k+1)] of a convergent integral shrink geometrically, those of ∫ dx/x do not. */
function divergesAtEnd(g: (t: number) => number, toward: 0 | 1): boolean {
  const piece = (k: number): number => {
    const lo = Math.pow(2, -k);
    const hi = Math.pow(2, -(k + 1));
    const map = (s: number): number => (toward === 1 ? 1 - s : s);
    try {
      const p = kronrod(g, Math.min(map(lo), map(hi)), Math.max(map(lo), map(hi)));
      return Math.abs(p.value);
    } catch {
      // An infinite value next to the end is a blow-up; NaN is a hole in the integrand, not divergence.
      const y = g(toward === 1 ? 1 - lo : lo);
      return Number.isNaN(y) ? NaN : Infinity;
    }
  };
  const sizes = [20, 24, 28, 32, 36].map(piece);
  if (sizes.some((s) => Number.isNaN(s))) return false;
  if (sizes.some((s) => !Number.isFinite(s))) return true;
  // Ratios of pieces four halvings apart: a convergent x^-p (p < 1) end gives 2^-4(1-p) < 1.
  let growing = 0;
  for (let i = 1; i < sizes.length; i++) {
    const prev = sizes[i - 1] as number;
    const cur = sizes[i] as number;
    if (prev > 0 && cur >= prev * 0.97) growing++;
  }
  return growing >= 3 && (sizes[sizes.length - 1] as number) > 1e-14;
}

/** ∫_a^b f(x) dx for finite or infinite a, b (a > b gives minus the integral from b to a). */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): Quadrature {
  const relTol = options.relTol ?? 1e-10;
  const absTol = options.absTol ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 8_000;
  if (Number.isNaN(a) || Number.isNaN(b)) return { ok: false, reason: 'not-finite', evaluations: 0 };
  if (a === b) return { ok: true, value: 0, error: 0, evaluations: 0 };
  if (a > b) {
    const r = integrate(f, b, a, options);
    return r.ok ? { ...r, value: -r.value } : r;
  }
  // Map to a finite range in t; g is the mapped integrand, ends that may be singular are flagged.
  let g: (t: number) => number;
  let lo = 0;
  const hi = 1;
  if (a === -Infinity && b === Infinity) {
    lo = -1;
    g = (t) => {
      const d = 1 - t * t;
      return (f(t / d) * (1 + t * t)) / (d * d);
    };
  } else if (b === Infinity) {
    g = (t) => f(a + t / (1 - t)) / ((1 - t) * (1 - t));
  } else if (a === -Infinity) {
    g = (t) => f(b - t / (1 - t)) / ((1 - t) * (1 - t));
  } else {
    g = (t) => f(a + (b - a) * t) * (b - a);
  }
  const first = adaptiveGaussKronrod(g, lo, hi, relTol, absTol, maxEvaluations / 4);
  if (first.ok) return first;
  const second = tanhSinh(g, lo, hi, { relTol, absTol, maxEvaluations: maxEvaluations / 2 });
  const evaluations = first.evaluations + second.evaluations;
  if (second.ok) return { ...second, evaluations };
  // Neither rule settled: say whether the integral diverges at an end, or only that it was not estimated.
  const ends: (0 | 1)[] = [1, 0];
  const unit = lo === -1 ? (t: number) => g(2 * t - 1) * 2 : g;
  if (ends.some((e) => divergesAtEnd(unit, e))) return { ok: false, reason: 'diverges', evaluations };
  return { ok: false, reason: first.reason === 'not-finite' ? second.reason : 'inaccurate', evaluations };
}
