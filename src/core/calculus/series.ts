// Infinite series Σ_{n ≥ start} a(n) by numbers: direct summation while the terms fall fast, Levin's
// u-transform of the partial sums where they decay slowly or alternate, and an error estimate from two
// extrapolations that must agree. A series whose terms do not go to zero, or (for terms of one sign) decay
// no faster than 1/n, is reported as diverging: an accelerator would happily "sum" the harmonic series.
import type { Estimate } from './quadrature';

/** The outcome of a summation. */
export type Series = Estimate<'terms'>;

export interface SeriesOptions {
  relTol?: number;
  absTol?: number;
  /** Most terms summed directly (default 256). */
  maxTerms?: number;
}

/** Levin's u-transform of partial sums s[0..k] with terms a[0..k] (indices n0..n0+k): the classic
 *  recurrence of Fessler, Ford and Smith, with remainder estimates ω_j = (j + β) a_j. */
export function levinU(s: number[], a: number[], n0: number): number {
  const k = s.length - 1;
  const beta = 1;
  let num = 0;
  let den = 0;
  for (let j = 0; j <= k; j++) {
    const aj = a[j] as number;
    if (aj === 0) continue;
    const nj = n0 + j + beta;
    const binom = binomial(k, j);
    const ratio = Math.pow((n0 + j + beta) / (n0 + k + beta), k - 1);
    const c = ((j % 2 === 0 ? 1 : -1) * binom * ratio) / (nj * aj);
    num += c * (s[j] as number);
    den += c;
  }
  return num / den;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Σ_{n=start}^{∞} term(n), with an error estimate, or why not. */
export function sumSeries(term: (n: number) => number, start: number, options: SeriesOptions = {}): Series {
  const relTol = options.relTol ?? 1e-10;
  const absTol = options.absTol ?? 1e-14;
  const maxTerms = options.maxTerms ?? 256;
  const a: number[] = [];
  const s: number[] = [];
  let sum = 0;
  let small = 0;
  // Rounding in the running sum grows with the largest term (Σ (-7)^n/n! cancels from terms near 160).
  let largest = 0;
  for (let i = 0; i < maxTerms; i++) {
    const t = term(start + i);
    if (!Number.isFinite(t)) return { ok: false, reason: 'not-finite', terms: i + 1 };
    a.push(t);
    largest = Math.max(largest, Math.abs(t));
    sum += t;
    s.push(sum);
    // Fast decay: stop when several terms in a row no longer move the sum.
    if (Math.abs(t) <= Math.max(absTol, 1e-17 * Math.abs(sum))) small++;
    else small = 0;
    if (small >= 4 && i >= 8) {
      // Terms that fell this far this fast (ratio well below 1) leave a negligible tail.
      const r = ratioTail(a);
      if (r < 0.9)
        return {
          ok: true,
          value: sum,
          error: Math.abs(t) * 4 + largest * 2e-16 * (i + 1) + absTol,
          terms: i + 1,
        };
    }
    // Geometric decay (ratio test): sum until the geometric tail bound is below the tolerance.
    if (i >= 16 && i % 8 === 0) {
      const r = ratioTail(a);
      if (r < 0.95) {
        const tail = (Math.abs(t) * r) / (1 - r);
        if (tail <= Math.max(absTol, relTol * Math.abs(sum)) * 0.1)
          return { ok: true, value: sum, error: tail + largest * 2e-16 * (i + 1) + absTol, terms: i + 1 };
      }
    }
  }
  // Slow decay: the terms must go to zero, and, when they keep one sign, faster than 1/n.
  const n = a.length;
  const last = Math.abs(a[n - 1] as number);
  const mid = Math.abs(a[Math.floor(n / 2) - 1] as number);
  const alternating = a
    .slice(n - 32)
    .every((x, i, xs) => i === 0 || Math.sign(x) === -Math.sign(xs[i - 1] as number));
  const oneSign = a.slice(n / 2).every((x) => Math.sign(x) === Math.sign(a[n - 1] as number));
  if (!(last < mid) || last > 1e-3 * Math.max(1, Math.abs(sum))) {
    if (!alternating || !(last < mid)) return { ok: false, reason: 'diverges', terms: n };
  }
  if (oneSign && !alternating) {
    // Power-law decay a_n ~ n^-p: p from the terms at n/2 and n; p ≤ 1 diverges, p near 1 is too slow.
    const p = Math.log(mid / last) / Math.log((start + n - 1) / (start + n / 2 - 1));
    if (!(p > 1.2)) return { ok: false, reason: p > 1.02 ? 'inaccurate' : 'diverges', terms: n };
  }
  // Levin on the last stretch of partial sums; two orders (and two starts) must agree.
  const estimate = (from: number, order: number): number =>
    levinU(s.slice(from, from + order + 1), a.slice(from, from + order + 1), start + from);
  // Orders near 11: higher orders lose digits to cancellation in double precision.
  const e1 = estimate(0, 11);
  const e2 = estimate(0, 9);
  const e3 = estimate(2, 11);
  const value = e1;
  const error = Math.max(Math.abs(e1 - e2), Math.abs(e1 - e3));
  if (!Number.isFinite(value) || !(error <= Math.max(absTol, 1e-8 * Math.abs(value))))
    return { ok: false, reason: 'inaccurate', terms: n };
  return { ok: true, value, error, terms: n };
}

/** The largest ratio |a_{i+1} / a_i| over the last few non-zero terms. */
function ratioTail(a: number[]): number {
  let worst = 0;
  for (let i = Math.max(1, a.length - 8); i < a.length; i++) {
    const prev = Math.abs(a[i - 1] as number);
    const cur = Math.abs(a[i] as number);
    if (prev === 0) continue;
    worst = Math.max(worst, cur / prev);
  }
  return worst;
}
